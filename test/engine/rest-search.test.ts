// The REST API's searches (/v2/<resource>/search and gets) over the exporter's projections:
// process instances (and cancelling one), element instances, incidents (and resolving one),
// variables, process and decision definitions with their XML, jobs, and the replay of an
// older database's history into the projections.

import { expect } from 'chai';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { bpmn, chain, end, serviceTask, start, subProcess, userTask } from '../support/bpmn.ts';
import { fixture, startTestEngine, type TestEngine } from '../support/engine.ts';
import { failure, NOW } from '../support/rest.ts';

const TICKET = bpmn('rest-ticket', start(), userTask('Task_Accept', { name: '受理' }), serviceTask('Handle', 'rest-handle'), end(), chain('start', 'Task_Accept', 'Handle', 'end'));

describe('REST API (/v2): searches of instances, incidents, variables, definitions and jobs', () => {
  let t: TestEngine;
  before(async () => {
    t = await startTestEngine();
    await t.zeebe.deployResources([
      { process: TICKET, name: 'rest-ticket.bpmn' },
      { process: bpmn('rest-charge', start(), serviceTask('Charge', 'rest-charge', { retries: '1' }), end(), chain('start', 'Charge', 'end')), name: 'rest-charge.bpmn' },
      {
        process: bpmn(
          'rest-scope',
          start(),
          subProcess('Sub', { inputs: { local: '= "inside"' } }, start('sub_start'), serviceTask('Sub_Work', 'rest-sub'), end('sub_end'), chain('sub_start', 'Sub_Work', 'sub_end')),
          end(),
          chain('start', 'Sub', 'end'),
        ),
        name: 'rest-scope.bpmn',
      },
    ]);
  });
  after(async () => {
    await t?.stop();
  });

  const create = async (bpmnProcessId: string, variables: Record<string, unknown> = {}) =>
    (await t.zeebe.createProcessInstance({ bpmnProcessId, variables: variables as never })).processInstanceKey;
  const keysOf = (items: Array<{ processInstanceKey?: unknown }>) => items.map((i) => String(i.processInstanceKey));
  const elements = async (filter: Record<string, unknown>) => (await t.api.searchElementInstances({ filter, sort: [{ field: 'elementInstanceKey' }] }, NOW)).items!;
  const taskOf = async (processInstanceKey: string) => (await t.api.searchUserTasks({ filter: { processInstanceKey } }, NOW)).items[0];

  it('searches, gets and cancels process instances', async () => {
    const p1 = await create('rest-ticket', { ticket: 'T-1' });
    const p2 = await create('rest-ticket', { ticket: 'T-2' });
    const search = async (filter: Record<string, unknown>, sort?: unknown) => keysOf((await t.api.searchProcessInstances({ filter, sort }, NOW)).items);

    const { items } = await t.api.searchProcessInstances({ filter: { processDefinitionId: 'rest-ticket' } }, NOW);
    expect(keysOf(items)).to.deep.equal([p1, p2]);
    expect(items[0]).to.deep.include({ processDefinitionName: 'rest-ticket', processDefinitionVersion: 1, state: 'ACTIVE', hasIncident: false, tenantId: '<default>' });
    expect(items[0].endDate).to.equal(undefined);
    expect(await search({ variables: [{ name: 'ticket', value: '"T-2"' }] })).to.deep.equal([p2]);
    expect(await search({ $or: [{ processInstanceKey: p1 }, { processInstanceKey: p2 }] })).to.deep.equal([p1, p2]);
    expect(await search({ processDefinitionId: 'rest-ticket' }, [{ field: 'startDate', order: 'DESC' }, { field: 'processInstanceKey', order: 'DESC' }])).to.deep.equal([p2, p1]);
    expect(keysOf((await t.rest.searchProcessInstances({ filter: { processInstanceKey: p1 } } as never)).items as never)).to.deep.equal([p1]);
    expect(await t.api.getProcessInstance({ processInstanceKey: p1 }, NOW)).to.deep.include({ processInstanceKey: p1, processDefinitionId: 'rest-ticket', state: 'ACTIVE' });

    await t.api.cancelProcessInstance({ processInstanceKey: p2 });
    const cancelled = await t.api.getProcessInstance({ processInstanceKey: p2 }, NOW);
    expect(cancelled.state).to.equal('TERMINATED');
    expect(Date.parse(cancelled.endDate!)).to.be.at.least(Date.parse(cancelled.startDate));
    expect((await taskOf(p2)).state).to.equal('CANCELED');
    expect((await elements({ processInstanceKey: p2, elementId: 'Task_Accept' }))[0].state).to.equal('TERMINATED');
    expect(await search({ processDefinitionId: 'rest-ticket', state: 'TERMINATED' })).to.deep.equal([p2]);
    expect(await search({ processDefinitionId: 'rest-ticket', elementId: 'Task_Accept', elementInstanceState: 'ACTIVE' })).to.deep.equal([p1]);
    expect(await failure(t.api.cancelProcessInstance({ processInstanceKey: p2 }))).to.include({ status: 404 });
  });

  it('searches element instances by instance, state, type, element id and scope', async () => {
    const p = await create('rest-ticket');
    expect((await elements({ processInstanceKey: p })).map((e) => e.elementId)).to.deep.equal(['start', 'Task_Accept']);
    const [task] = await elements({ processInstanceKey: p, type: 'USER_TASK' });
    expect(task).to.deep.include({ elementId: 'Task_Accept', elementName: '受理', state: 'ACTIVE', hasIncident: false, processDefinitionId: 'rest-ticket' });
    expect(task.endDate).to.equal(undefined);
    const [started] = await elements({ processInstanceKey: p, state: 'COMPLETED' });
    expect(started).to.deep.include({ elementId: 'start', elementName: 'start', type: 'START_EVENT' });
    expect(Date.parse(started.endDate!)).to.be.at.least(Date.parse(started.startDate));
    expect(await t.api.getElementInstance({ elementInstanceKey: task.elementInstanceKey }, NOW)).to.deep.equal(task);

    const s = await create('rest-scope');
    const [sub] = await elements({ processInstanceKey: s, elementId: 'Sub' });
    expect(sub.type).to.equal('SUB_PROCESS');
    expect((await elements({ elementInstanceScopeKey: sub.elementInstanceKey })).map((e) => e.elementId)).to.deep.equal(['sub_start', 'Sub_Work']);
    expect((await elements({ elementInstanceScopeKey: s })).map((e) => e.elementId)).to.deep.equal(['start', 'Sub']);
  });

  it('finds incidents, refuses to resolve one whose job has no retries (409), then resolves it', async () => {
    const p = await create('rest-charge');
    const [job] = await t.zeebe.activateJobs({ type: 'rest-charge', worker: 'rest-test', maxJobsToActivate: 1, timeout: 60_000, requestTimeout: 5000 });
    await t.zeebe.failJob({ jobKey: job.key, retries: 0, errorMessage: '缴费接口不可用', retryBackOff: 0 });

    const { items } = await t.api.searchIncidents({ filter: { processInstanceKey: p } }, NOW);
    expect(items).to.have.length(1);
    const incident = items![0];
    expect(incident).to.deep.include({ errorType: 'JOB_NO_RETRIES', errorMessage: '缴费接口不可用', elementId: 'Charge', state: 'ACTIVE', jobKey: job.key, processDefinitionId: 'rest-charge' });
    expect(await t.api.getIncident({ incidentKey: incident.incidentKey }, NOW)).to.deep.equal(incident);
    expect((await t.api.searchProcessInstanceIncidents({ processInstanceKey: p }, NOW)).items).to.have.length(1);
    expect((await t.api.getProcessInstance({ processInstanceKey: p }, NOW)).hasIncident).to.equal(true);
    expect(keysOf((await t.api.searchProcessInstances({ filter: { hasIncident: true, processDefinitionId: 'rest-charge' } }, NOW)).items)).to.deep.equal([p]);
    const [charge] = await elements({ processInstanceKey: p, elementId: 'Charge' });
    expect(charge).to.deep.include({ hasIncident: true, incidentKey: incident.incidentKey, state: 'ACTIVE' });

    const early = await failure(t.api.resolveIncident({ incidentKey: incident.incidentKey }));
    expect(early).to.include({ status: 409, title: 'INVALID_STATE' });
    expect(early.detail).to.contain('Update the job');

    await t.zeebe.updateJobRetries({ jobKey: job.key, retries: 1 });
    await t.rest.resolveIncident(String(incident.incidentKey));
    expect((await t.api.getIncident({ incidentKey: incident.incidentKey }, NOW)).state).to.equal('RESOLVED');
    expect((await t.api.getProcessInstance({ processInstanceKey: p }, NOW)).hasIncident).to.equal(false);
    expect((await t.api.searchIncidents({ filter: { processInstanceKey: p, state: 'ACTIVE' } }, NOW)).items).to.have.length(0);
    const [again] = await t.zeebe.activateJobs({ type: 'rest-charge', worker: 'rest-test', maxJobsToActivate: 1, timeout: 60_000, requestTimeout: 5000 });
    await t.zeebe.completeJob({ jobKey: again.key, variables: {} });
    expect((await t.api.getProcessInstance({ processInstanceKey: p }, NOW)).state).to.equal('COMPLETED');
  });

  it('searches variables by process instance, scope and name; cuts long values in searches only', async () => {
    const long = '长'.repeat(9000);
    const p = await create('rest-scope', { ticket: 'T-9', long });
    const [sub] = await elements({ processInstanceKey: p, elementId: 'Sub' });
    const names = async (filter: Record<string, unknown>) => (await t.api.searchVariables({ filter, sort: [{ field: 'name' }] }, NOW)).items.map((v) => v.name);
    expect(await names({ processInstanceKey: p })).to.deep.equal(['local', 'long', 'ticket']);
    expect(await names({ scopeKey: p })).to.deep.equal(['long', 'ticket']);
    expect(await names({ processInstanceKey: p, name: { $like: 'lo*' } })).to.deep.equal(['local', 'long']);

    const [local] = (await t.api.searchVariables({ filter: { scopeKey: sub.elementInstanceKey } }, NOW)).items;
    expect(local).to.deep.include({ name: 'local', value: '"inside"', isTruncated: false, processInstanceKey: p, scopeKey: sub.elementInstanceKey });
    const [cut] = (await t.api.searchVariables({ filter: { processInstanceKey: p, name: 'long', isTruncated: true } }, NOW)).items;
    expect(cut.value).to.have.length(8191);
    const whole = await t.api.getVariable({ variableKey: cut.variableKey }, NOW);
    expect(whole.value).to.equal(JSON.stringify(long));
    expect(whole).to.not.have.property('isTruncated');
    const viaRest = await t.rest.searchVariables({ filter: { processInstanceKey: p, name: 'ticket' } } as never);
    expect(viaRest.items.map((v: { value: string }) => v.value)).to.deep.equal(['"T-9"']);
  });

  it('searches and gets process definitions and their XML; isLatestVersion', async () => {
    const { items } = await t.api.searchProcessDefinitions({ filter: { processDefinitionId: 'rest-ticket' } }, NOW);
    expect(items).to.have.length(1);
    const v1 = items![0];
    expect(v1).to.deep.include({ processDefinitionId: 'rest-ticket', version: 1, resourceName: 'rest-ticket.bpmn', tenantId: '<default>', hasStartForm: false });
    expect(await t.api.getProcessDefinition({ processDefinitionKey: v1.processDefinitionKey }, NOW)).to.deep.equal(v1);
    expect(await t.api.getProcessDefinitionXml({ processDefinitionKey: v1.processDefinitionKey }, NOW)).to.equal(TICKET.toString());
    expect(await t.rest.getProcessDefinitionXML(String(v1.processDefinitionKey))).to.equal(TICKET.toString());

    await t.zeebe.deployResource({ process: Buffer.from(TICKET.toString().replace('受理', '受理登记')), name: 'rest-ticket.bpmn' });
    const latest = await t.api.searchProcessDefinitions({ filter: { processDefinitionId: 'rest-ticket', isLatestVersion: true } }, NOW);
    expect(latest.items!.map((d) => d.version)).to.deep.equal([2]);
    const all = await t.api.searchProcessDefinitions({ filter: { processDefinitionId: 'rest-ticket' }, sort: [{ field: 'version', order: 'DESC' }] }, NOW);
    expect(all.items!.map((d) => d.version)).to.deep.equal([2, 1]);
    // Element names follow the version an instance runs.
    const p = await create('rest-ticket');
    expect((await elements({ processInstanceKey: p, type: 'USER_TASK' }))[0].elementName).to.equal('受理登记');
  });

  it('searches decision definitions and decision requirements, with their DMN XML', async () => {
    await t.deploy('dmn/literal.dmn');
    const xml = (await fixture('dmn/literal.dmn')).toString();
    const { items } = await t.api.searchDecisionDefinitions({ filter: { decisionDefinitionId: 'greeting' } }, NOW);
    expect(items).to.have.length(1);
    const greeting = items![0];
    expect(greeting).to.deep.include({ decisionDefinitionId: 'greeting', name: 'Greeting', version: 1, decisionRequirementsId: 'literals', tenantId: '<default>' });
    expect(await t.api.getDecisionDefinition({ decisionDefinitionKey: greeting.decisionDefinitionKey }, NOW)).to.deep.equal(greeting);
    expect(await t.api.getDecisionDefinitionXml({ decisionDefinitionKey: greeting.decisionDefinitionKey }, NOW)).to.equal(xml);

    const drgs = await t.api.searchDecisionRequirements({ filter: { decisionRequirementsId: 'literals' } }, NOW);
    expect(drgs.items).to.have.length(1);
    const drg = drgs.items![0];
    expect(drg).to.deep.include({ decisionRequirementsName: 'Literal expressions', version: 1, resourceName: 'literal.dmn', decisionRequirementsKey: greeting.decisionRequirementsKey });
    expect(await t.api.getDecisionRequirements({ decisionRequirementsKey: drg.decisionRequirementsKey }, NOW)).to.deep.equal(drg);
    expect(await t.api.getDecisionRequirementsXml({ decisionRequirementsKey: drg.decisionRequirementsKey }, NOW)).to.equal(xml);
    const decisions = await t.api.searchDecisionDefinitions({ filter: { decisionRequirementsKey: drg.decisionRequirementsKey }, page: { limit: 100 } }, NOW);
    expect(Number(decisions.page.totalItems)).to.equal(xml.match(/<decision /g)!.length);
  });

  it('searches jobs by process instance, type and state', async () => {
    const p = await create('rest-ticket');
    await t.api.completeUserTask({ userTaskKey: (await taskOf(p)).userTaskKey });
    const jobs = async () => (await t.api.searchJobs({ filter: { processInstanceKey: p, type: 'rest-handle' } }, NOW)).items;
    const [created] = await jobs();
    expect(created).to.deep.include({ state: 'CREATED', retries: 3, elementId: 'Handle', kind: 'BPMN_ELEMENT', listenerEventType: 'UNSPECIFIED', hasFailedWithRetriesLeft: false, customHeaders: {} });

    const [job] = await t.zeebe.activateJobs({ type: 'rest-handle', worker: 'handler-1', maxJobsToActivate: 1, timeout: 60_000, requestTimeout: 5000 });
    await t.zeebe.failJob({ jobKey: job.key, retries: 2, errorMessage: '暂时无法联系投诉人', retryBackOff: 0 });
    const [failed] = await jobs();
    expect(failed).to.deep.include({ state: 'FAILED', retries: 2, errorMessage: '暂时无法联系投诉人', hasFailedWithRetriesLeft: true });
    expect((await t.api.searchJobs({ filter: { processInstanceKey: p, hasFailedWithRetriesLeft: true } }, NOW)).items).to.have.length(1);
    expect(keysOf((await t.api.searchProcessInstances({ filter: { hasRetriesLeft: true } }, NOW)).items)).to.include(p);

    const [again] = await t.zeebe.activateJobs({ type: 'rest-handle', worker: 'handler-2', maxJobsToActivate: 1, timeout: 60_000, requestTimeout: 5000 });
    await t.zeebe.completeJob({ jobKey: again.key, variables: {} });
    const [done] = await jobs();
    expect(done).to.deep.include({ state: 'COMPLETED', worker: 'handler-2', jobKey: job.key });
    expect(Date.parse(done.endTime!)).to.be.closeTo(Date.now(), 60_000);
    expect((await t.api.searchJobs({ filter: { processInstanceKey: p, state: { $in: ['CREATED', 'FAILED'] } } }, NOW)).items).to.have.length(0);
  });

  it('follows a migration: instance, element instances, user task and its element move to the new version', async () => {
    const p = await create('rest-ticket');
    const target = await t.zeebe.deployResource({
      process: bpmn('rest-ticket', start(), userTask('Task_Register', { name: '登记' }), serviceTask('Handle', 'rest-handle'), end(), chain('start', 'Task_Register', 'Handle', 'end')),
      name: 'rest-ticket.bpmn',
    });
    const targetKey = target.deployments[0].process!.processDefinitionKey;
    const { userTaskKey } = await taskOf(p);
    await t.zeebe.migrateProcessInstance({ processInstanceKey: p, migrationPlan: { targetProcessDefinitionKey: targetKey, mappingInstructions: [{ sourceElementId: 'Task_Accept', targetElementId: 'Task_Register' }] } });

    const instance = await t.api.getProcessInstance({ processInstanceKey: p }, NOW);
    expect(instance).to.deep.include({ processDefinitionKey: targetKey, state: 'ACTIVE' });
    expect(instance.processDefinitionVersion).to.equal(target.deployments[0].process!.version);
    const [task] = await elements({ processInstanceKey: p, state: 'ACTIVE' });
    expect(task).to.deep.include({ elementId: 'Task_Register', elementName: '登记', processDefinitionKey: targetKey });
    expect(await t.api.getUserTask({ userTaskKey }, NOW)).to.deep.include({ elementId: 'Task_Register', processDefinitionKey: targetKey, state: 'CREATED' });
  });

  it('rebuilds the projections from the history of a database that predates them', async () => {
    const count = async () => ({
      instances: Number((await t.api.searchProcessInstances({ page: { limit: 0 } }, NOW)).page.totalItems),
      elements: Number((await t.api.searchElementInstances({ page: { limit: 0 } }, NOW)).page.totalItems),
      tasks: (await t.api.searchUserTasks({ sort: [{ field: 'creationDate' }] }, NOW)).items,
      variables: Number((await t.api.searchVariables({ page: { limit: 0 } }, NOW)).page.totalItems),
      incidents: (await t.api.searchIncidents({}, NOW)).items,
      jobs: (await t.api.searchJobs({}, NOW)).items,
      definitions: (await t.api.searchProcessDefinitions({}, NOW)).items,
    });
    const before = await count();
    expect(before.instances).to.be.greaterThan(5);
    const db = new pg.Pool({ connectionString: t.databaseUrl, max: 1 });
    try {
      const migration = await readFile(new URL('../../engine/state/migrations/003_search.sql', import.meta.url), 'utf8');
      const tables = [...migration.matchAll(/CREATE TABLE (engine_search_\w+)/g)].map((m) => m[1]);
      await db.query(`TRUNCATE ${tables.join(', ')}`);
      await db.query(`DELETE FROM engine_meta WHERE name LIKE 'search_%'`);
    } finally {
      await db.end();
    }
    await t.restart();
    expect(await count()).to.deep.equal(before);
  });
});
