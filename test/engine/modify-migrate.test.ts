// Moving running instances: ModifyProcessInstance (activate and terminate elements, with
// variables) and MigrateProcessInstance (onto a new version, jobs and timers carrying on).

import { expect } from 'chai';
import { bpmn, chain, end, serviceTask, start, subProcess, timerBoundary, userTaskXml } from '../support/bpmn.ts';
import { eventually, startTestEngine, type TestEngine } from '../support/engine.ts';

describe('modify and migrate process instances', () => {
  let t: TestEngine;
  before(async () => {
    t = await startTestEngine();
  });
  after(async () => {
    await t?.stop();
  });

  const jobsOf = (type: string) =>
    eventually(async () => {
      const jobs = await t.zeebe.activateJobs({ type, worker: 'w', maxJobsToActivate: 10, timeout: 60_000, requestTimeout: -1 });
      return jobs.length ? jobs : undefined;
    }, `a job of '${type}'`);
  const elementRecords = (processInstanceKey: string, intent: string) => t.records({ valueType: 'PROCESS_INSTANCE', intent, processInstanceKey });

  it('moves a token: activates a later step with variables and terminates the current one', async () => {
    await t.zeebe.deployResource({ process: bpmn('modify', start(), serviceTask('accept', 'mod-accept'), serviceTask('mediate', 'mod-mediate'), end(), chain('start', 'accept', 'mediate', 'end')), name: 'modify.bpmn' });
    const instance = await t.zeebe.createProcessInstance({ bpmnProcessId: 'modify', variables: {} });
    const [accept] = await jobsOf('mod-accept');
    await t.zeebe.modifyProcessInstance({
      processInstanceKey: instance.processInstanceKey,
      activateInstructions: [{ elementId: 'mediate', ancestorElementInstanceKey: '-1', variableInstructions: [{ scopeId: '', variables: { movedBy: '督办员' } }] }],
      terminateInstructions: [{ elementInstanceKey: accept.elementInstanceKey }],
    });
    const [mediate] = await jobsOf('mod-mediate');
    expect(mediate.variables).to.deep.equal({ movedBy: '督办员' });
    const gone = await t.zeebe.completeJob({ jobKey: accept.key, variables: {} }).then(() => undefined, (e: Error & { code: number }) => e);
    expect(gone?.code).to.equal(5);
  });

  it('activates an element inside a sub-process that is not running, creating the scope', async () => {
    await t.zeebe.deployResource({
      process: bpmn('modify-sub', start(), serviceTask('first', 'mods-first'), subProcess('sub', {}, start('s0'), serviceTask('inner', 'mods-inner'), end('s1'), chain('s0', 'inner', 's1')), end(), chain('start', 'first', 'sub', 'end')),
      name: 'modify-sub.bpmn',
    });
    const instance = await t.zeebe.createProcessInstance({ bpmnProcessId: 'modify-sub', variables: {} });
    const [first] = await jobsOf('mods-first');
    await t.zeebe.modifyProcessInstance({
      processInstanceKey: instance.processInstanceKey,
      activateInstructions: [{ elementId: 'inner', ancestorElementInstanceKey: '-1', variableInstructions: [{ scopeId: 'sub', variables: { local: 1 } }] }],
      terminateInstructions: [{ elementInstanceKey: first.elementInstanceKey }],
    });
    const [inner] = await jobsOf('mods-inner');
    expect(inner.variables).to.deep.equal({ local: 1 });
    await t.zeebe.completeJob({ jobKey: inner.key, variables: {} });
    const completed = await elementRecords(instance.processInstanceKey, 'ELEMENT_COMPLETED');
    expect(completed.map((r) => r.value.elementId)).to.deep.equal(['start', 'inner', 's1', 'sub', 'end', 'modify-sub']);
  });

  it('terminating the last element terminates the process instance', async () => {
    const instance = await t.zeebe.createProcessInstance({ bpmnProcessId: 'modify', variables: {} });
    const [job] = await jobsOf('mod-accept');
    await t.zeebe.modifyProcessInstance({ processInstanceKey: instance.processInstanceKey, terminateInstructions: [{ elementInstanceKey: job.elementInstanceKey }] });
    const terminated = await elementRecords(instance.processInstanceKey, 'ELEMENT_TERMINATED');
    expect(terminated.map((r) => r.value.elementId)).to.deep.equal(['accept', 'modify']);
  });

  it('refuses an unknown element and changes nothing', async () => {
    const instance = await t.zeebe.createProcessInstance({ bpmnProcessId: 'modify', variables: {} });
    const [job] = await jobsOf('mod-accept');
    const err = await t.zeebe
      .modifyProcessInstance({ processInstanceKey: instance.processInstanceKey, activateInstructions: [{ elementId: 'nope', ancestorElementInstanceKey: '-1', variableInstructions: [] }], terminateInstructions: [{ elementInstanceKey: job.elementInstanceKey }] })
      .then(() => undefined, (e: Error & { code: number }) => e);
    expect(err?.code).to.equal(3);
    expect(err?.message).to.contain("'nope'");
    await t.zeebe.completeJob({ jobKey: job.key, variables: {} }); // the job was not terminated
  });

  it('migrates a waiting instance to a new version: the job and the boundary timer carry on', async () => {
    const v1 = await t.zeebe.deployResource({
      process: bpmn('migrate', start(), serviceTask('handle', 'mig-handle'), timerBoundary('late', 'handle', 'timeDuration', 'P7D'), end(), end('e2'), chain('start', 'handle', 'end'), chain('late', 'e2')),
      name: 'migrate.bpmn',
    });
    const instance = await t.zeebe.createProcessInstance({ bpmnProcessId: 'migrate', variables: {} });
    const [job] = await jobsOf('mig-handle');
    const v2 = await t.zeebe.deployResource({
      process: bpmn('migrate', start(), serviceTask('handle2', 'mig-handle'), timerBoundary('late2', 'handle2', 'timeDuration', 'P7D'), serviceTask('review', 'mig-review'), end(), end('e2'), chain('start', 'handle2', 'review', 'end'), chain('late2', 'e2')),
      name: 'migrate.bpmn',
    });
    expect(v2.deployments[0].process!.version).to.equal(2);
    const timerBefore = await t.records({ valueType: 'TIMER', intent: 'CREATED', processInstanceKey: instance.processInstanceKey });
    await t.zeebe.migrateProcessInstance({
      processInstanceKey: instance.processInstanceKey,
      migrationPlan: { targetProcessDefinitionKey: v2.deployments[0].process!.processDefinitionKey, mappingInstructions: [{ sourceElementId: 'handle', targetElementId: 'handle2' }, { sourceElementId: 'late', targetElementId: 'late2' }] },
    });
    expect(v1.deployments[0].process!.version).to.equal(1);
    // The same job is completed under the new version and the new path is taken.
    await t.zeebe.completeJob({ jobKey: job.key, variables: {} });
    const [review] = await jobsOf('mig-review');
    expect(review.processDefinitionVersion).to.equal(2);
    // The timer was kept, not restarted.
    expect(await t.records({ valueType: 'TIMER', intent: 'CREATED', processInstanceKey: instance.processInstanceKey })).to.have.length(timerBefore.length);
  });

  it('refuses a migration that leaves an active element unmapped', async () => {
    const instance = await t.zeebe.createProcessInstance({ bpmnProcessId: 'modify', variables: {} });
    await jobsOf('mod-accept');
    const target = await t.zeebe.deployResource({ process: bpmn('modify', start(), serviceTask('accept2', 'mod-accept'), end(), chain('start', 'accept2', 'end')), name: 'modify.bpmn' });
    const err = await t.zeebe
      .migrateProcessInstance({ processInstanceKey: instance.processInstanceKey, migrationPlan: { targetProcessDefinitionKey: target.deployments[0].process!.processDefinitionKey, mappingInstructions: [] } })
      .then(() => undefined, (e: Error & { code: number }) => e);
    expect(err?.code).to.equal(9);
    expect(err?.message).to.contain("'accept' has no mapping");
  });

  it('user tasks keep their key when migrated', async () => {
    await t.zeebe.deployResource({ process: bpmn('mig-user', start(), userTaskXml('approve', { assignee: 'leader' }), end(), chain('start', 'approve', 'end')), name: 'mig-user.bpmn' });
    const instance = await t.zeebe.createProcessInstance({ bpmnProcessId: 'mig-user', variables: {} });
    const v2 = await t.zeebe.deployResource({ process: bpmn('mig-user', start(), userTaskXml('approve', { assignee: 'leader' }), end('done'), chain('start', 'approve', 'done')), name: 'mig-user.bpmn' });
    await t.zeebe.migrateProcessInstance({
      processInstanceKey: instance.processInstanceKey,
      migrationPlan: { targetProcessDefinitionKey: v2.deployments[0].process!.processDefinitionKey, mappingInstructions: [{ sourceElementId: 'approve', targetElementId: 'approve' }] },
    });
    const migrated = await t.records({ valueType: 'USER_TASK', intent: 'MIGRATED', processInstanceKey: instance.processInstanceKey });
    expect(migrated).to.have.length(1);
    expect(migrated[0].value.processDefinitionVersion).to.equal(2);
  });
});
