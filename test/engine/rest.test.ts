// The engine's Orchestration Cluster REST API (/v2) through the official SDK clients: the
// topology, Camunda user tasks (search, get, form, assign, unassign, update, complete), the
// clock, and errors as Problem Details. The Orchestration Cluster API client checks every
// response against the official schemas (res:strict), so a shape that differs fails here.

import { expect } from 'chai';
import pg from 'pg';
import { bpmn, chain, end, serviceTask, start, userTask } from '../support/bpmn.ts';
import { startTestEngine, type TestEngine } from '../support/engine.ts';
import { failure, http, NOW } from '../support/rest.ts';
import { startRestServer } from '../../engine/rest/index.ts';

const FORM = { id: 'review-form', type: 'default', schemaVersion: 16, components: [{ key: 'approved', type: 'checkbox', label: '同意受理' }] };

const REVIEW = bpmn(
  'rest-review',
  start(),
  userTask('Task_Review', { name: '审核投诉', assignee: '= assignee', candidateGroups: '= groups', dueDate: '= due', priority: '= priority', formId: 'review-form' }),
  serviceTask('After', 'rest-after'),
  end(),
  chain('start', 'Task_Review', 'After', 'end'),
);

describe('REST API (/v2): topology, user tasks, clock, errors', () => {
  let t: TestEngine;
  before(async () => {
    t = await startTestEngine();
    await t.zeebe.deployResources([
      { form: Buffer.from(JSON.stringify(FORM)), name: 'review.form' },
      { process: REVIEW, name: 'rest-review.bpmn' },
      { process: Buffer.from(REVIEW.toString().replace(/rest-review/g, 'rest-inbox')), name: 'rest-inbox.bpmn' },
      { process: bpmn('rest-plain', start(), userTask('Task_Plain'), end(), chain('start', 'Task_Plain', 'end')), name: 'rest-plain.bpmn' },
    ]);
  });
  after(async () => {
    await t?.stop();
  });

  const review = async (variables: Record<string, unknown>, bpmnProcessId = 'rest-review') =>
    (await t.zeebe.createProcessInstance({ bpmnProcessId, variables: { assignee: null, groups: ['staff'], due: null, priority: 50, ...variables } as never })).processInstanceKey;
  const taskOf = async (processInstanceKey: string) => {
    const { items } = await t.api.searchUserTasks({ filter: { processInstanceKey } }, NOW);
    expect(items).to.have.length(1);
    return items[0];
  };

  it('answers the topology through both SDK clients', async () => {
    for (const topology of [await t.rest.getTopology(), await t.api.getTopology()]) {
      expect(topology).to.include({ clusterSize: 1, partitionsCount: 1, replicationFactor: 1, gatewayVersion: '8.8.0' });
      expect(topology.brokers[0].partitions[0]).to.deep.include({ partitionId: 1 });
      expect(topology.brokers[0].port).to.equal(t.engine.grpcPort);
    }
  });

  describe('user tasks', () => {
    let a: string, b: string, c: string;
    before(async () => {
      a = await review({ assignee: 'zhang', groups: ['staff', 'leads'], due: '2025-10-01T17:00:00+08:00', priority: 80 }, 'rest-inbox');
      b = await review({ assignee: 'li', groups: ['staff'], due: '2025-09-01T09:00:00Z', priority: 10 }, 'rest-inbox');
      c = await review({ groups: ['leads'], due: '2025-11-01T00:00:00Z', priority: 50 }, 'rest-inbox');
    });
    // Only these three tasks are instances of 'rest-inbox'.
    const ours = () => ({ processDefinitionId: 'rest-inbox' });
    const instancesOf = (items: Array<{ processInstanceKey?: unknown }>) => items.map((i) => String(i.processInstanceKey));

    it('searches by assignee, candidate group, state, dates, variables and process instance', async () => {
      const search = async (filter: Record<string, unknown>) => instancesOf((await t.api.searchUserTasks({ filter: { ...ours(), ...filter } }, NOW)).items);
      expect(await search({ assignee: 'zhang' })).to.deep.equal([a]);
      expect(await search({ assignee: { $exists: false } })).to.deep.equal([c]);
      expect(await search({ candidateGroup: 'leads' })).to.deep.equal([a, c]);
      expect(await search({ candidateGroup: { $in: ['staff'] } })).to.deep.equal([a, b]);
      expect(await search({ state: 'CREATED', elementId: 'Task_Review', name: '审核投诉' })).to.deep.equal([a, b, c]);
      expect(await search({ dueDate: { $lt: '2025-10-15T00:00:00Z' } })).to.deep.equal([a, b]);
      expect(await search({ priority: { $gte: 50 } })).to.deep.equal([a, c]);
      expect(await search({ processInstanceVariables: [{ name: 'assignee', value: '"li"' }] })).to.deep.equal([b]);
      expect(instancesOf((await t.api.searchUserTasks({ filter: { processInstanceKey: b } }, NOW)).items)).to.deep.equal([b]);
      // The SDK's 8.7-style client (it sends a lower-case default sort order)
      expect(instancesOf((await t.rest.searchUserTasks({ filter: { assignee: 'li' } } as never)).items as never)).to.deep.equal([b]);
    });

    it('sorts and pages with offsets and with cursors both ways', async () => {
      const byPriority = [{ field: 'priority' as const, order: 'DESC' as const }];
      const priorities = (items: Array<{ priority?: number }>) => items.map((i) => i.priority);
      const first = await t.api.searchUserTasks({ filter: ours(), sort: byPriority, page: { limit: 2 } }, NOW);
      expect(Number(first.page.totalItems)).to.equal(3);
      expect(priorities(first.items)).to.deep.equal([80, 50]);
      const next = await t.api.searchUserTasks({ filter: ours(), sort: byPriority, page: { after: first.page.endCursor!, limit: 2 } }, NOW);
      expect(priorities(next.items)).to.deep.equal([10]);
      expect(Number(next.page.totalItems)).to.equal(3);
      const back = await t.api.searchUserTasks({ filter: ours(), sort: byPriority, page: { before: next.page.startCursor!, limit: 2 } }, NOW);
      expect(priorities(back.items)).to.deep.equal([80, 50]);
      const offset = await t.api.searchUserTasks({ filter: ours(), sort: byPriority, page: { from: 1, limit: 1 } }, NOW);
      expect(priorities(offset.items)).to.deep.equal([50]);
      const byDue = await t.api.searchUserTasks({ filter: ours(), sort: [{ field: 'dueDate' }] }, NOW);
      expect(instancesOf(byDue.items)).to.deep.equal([b, a, c]);
    });

    it('gets a task, with its linked form, and answers 204 for a task without one', async () => {
      const { userTaskKey } = await taskOf(a);
      const task = await t.api.getUserTask({ userTaskKey }, NOW);
      expect(task).to.deep.include({
        name: '审核投诉',
        state: 'CREATED',
        assignee: 'zhang',
        elementId: 'Task_Review',
        candidateGroups: ['staff', 'leads'],
        candidateUsers: [],
        processDefinitionId: 'rest-inbox',
        processName: 'rest-inbox',
        dueDate: '2025-10-01T09:00:00.000Z',
        priority: 80,
        tenantId: '<default>',
        processInstanceKey: a,
      });
      expect(Date.parse(task.creationDate!)).to.be.closeTo(Date.now(), 60_000);
      expect(await t.rest.getUserTask(userTaskKey)).to.deep.include({ userTaskKey, assignee: 'zhang' });

      const form = await t.api.getUserTaskForm({ userTaskKey }, NOW);
      expect(form).to.deep.include({ formId: 'review-form', formKey: task.formKey, tenantId: '<default>' });
      expect(Number(form!.version)).to.equal(1);
      expect(form!.schema).to.deep.equal(FORM);
      expect((await http(t, 'GET', `/v2/forms/${task.formKey}`)).body).to.deep.include({ formId: 'review-form', schema: FORM });

      const plain = (await t.zeebe.createProcessInstance({ bpmnProcessId: 'rest-plain', variables: {} })).processInstanceKey;
      const withoutForm = await taskOf(plain);
      expect(withoutForm.formKey).to.equal(undefined);
      expect((await http(t, 'GET', `/v2/user-tasks/${withoutForm.userTaskKey}/form`)).status).to.equal(204);
    });

    it('assigns, refuses a reassignment without override, unassigns and updates', async () => {
      const { userTaskKey } = await taskOf(await review({}));
      await t.rest.assignUserTask({ userTaskKey, assignee: 'wang' } as never);
      expect((await t.api.getUserTask({ userTaskKey }, NOW)).assignee).to.equal('wang');

      const taken = await failure(t.api.assignUserTask({ userTaskKey, assignee: 'zhao', allowOverride: false }));
      expect(taken).to.include({ status: 409, title: 'INVALID_STATE' });
      expect(taken.detail).to.contain("already assigned to 'wang'");

      await t.api.unassignUserTask({ userTaskKey });
      expect((await t.api.getUserTask({ userTaskKey }, NOW)).assignee).to.equal(undefined);
      await t.api.assignUserTask({ userTaskKey, assignee: 'zhao', allowOverride: false });
      expect((await t.api.getUserTask({ userTaskKey }, NOW)).assignee).to.equal('zhao');

      await t.api.updateUserTask({ userTaskKey, changeset: { priority: 99, candidateGroups: ['supervisors'], dueDate: '2025-12-01T08:00:00Z' } });
      expect(await t.api.getUserTask({ userTaskKey }, NOW)).to.deep.include({ priority: 99, candidateGroups: ['supervisors'], dueDate: '2025-12-01T08:00:00.000Z' });
      await t.api.updateUserTask({ userTaskKey, changeset: { dueDate: '', candidateGroups: null } });
      const updated = await t.api.getUserTask({ userTaskKey }, NOW);
      expect(updated.dueDate).to.equal(undefined);
      expect(updated.candidateGroups).to.deep.equal(['supervisors']);

      const tooHigh = await http(t, 'PATCH', `/v2/user-tasks/${userTaskKey}`, { changeset: { priority: 101 } });
      expect(tooHigh.status).to.equal(400);
      expect(tooHigh.body.detail).to.contain("'changeset.priority'");
      const nothing = await http(t, 'PATCH', `/v2/user-tasks/${userTaskKey}`, { changeset: {} });
      expect(nothing.status).to.equal(400);
    });

    it("searches a task's variables: its own and those of the scopes around it", async () => {
      const { userTaskKey } = await taskOf(b);
      const all = await t.api.searchUserTaskVariables({ userTaskKey, sort: [{ field: 'name' }] }, NOW);
      expect(all.items.map((v) => v.name)).to.deep.equal(['assignee', 'due', 'groups', 'priority']);
      const one = await t.api.searchUserTaskVariables({ userTaskKey, filter: { name: 'assignee' } }, NOW);
      expect(one.items.map((v) => v.value)).to.deep.equal(['"li"']);
    });

    it('completes with variables; the process goes on with them; a completed task cannot be completed again', async () => {
      const instance = await review({ assignee: 'zhang' });
      const { userTaskKey } = await taskOf(instance);
      await t.api.completeUserTask({ userTaskKey, variables: { approved: true, opinion: '同意受理' } });

      const [job] = await t.zeebe.activateJobs({ type: 'rest-after', worker: 'rest-test', maxJobsToActivate: 1, timeout: 60_000, requestTimeout: 5000 });
      expect(job.processInstanceKey).to.equal(instance);
      expect(job.variables).to.include({ approved: true, opinion: '同意受理' });
      await t.zeebe.completeJob({ jobKey: job.key, variables: {} });

      const done = await t.api.getUserTask({ userTaskKey }, NOW);
      expect(done.state).to.equal('COMPLETED');
      expect(Date.parse(done.completionDate!)).to.be.at.least(Date.parse(done.creationDate!));
      expect((await t.api.getProcessInstance({ processInstanceKey: instance }, NOW)).state).to.equal('COMPLETED');
      expect(await failure(t.api.completeUserTask({ userTaskKey }))).to.include({ status: 404, title: 'NOT_FOUND' });
      const completed = await t.rest.searchUserTasks({ filter: { processInstanceKey: instance, state: 'COMPLETED' } } as never);
      expect(completed.items).to.have.length(1);
    });
  });

  describe('clock', () => {
    it('pins and resets the engine clock through both clients; times of records follow it', async () => {
      const t0 = Date.parse('2025-09-30T16:00:00+08:00');
      await t.rest.pinInternalClock(t0);
      expect(t.engine.clock.now()).to.equal(t0);
      const instance = await review({ assignee: 'zhang' });
      await t.api.pinClock({ timestamp: t0 + 3_600_000 });
      expect(t.engine.clock.now()).to.equal(t0 + 3_600_000);
      const { userTaskKey, creationDate } = await taskOf(instance);
      expect(creationDate).to.equal(new Date(t0).toISOString());
      await t.api.completeUserTask({ userTaskKey });

      // Durations per element instance, as the heatmaps read them.
      const { items } = await t.api.searchElementInstances({ filter: { processInstanceKey: instance, elementId: 'Task_Review' } }, NOW);
      expect(items).to.have.length(1);
      expect(items![0]).to.deep.include({ state: 'COMPLETED', startDate: new Date(t0).toISOString(), endDate: new Date(t0 + 3_600_000).toISOString() });
      expect((await t.api.getUserTask({ userTaskKey }, NOW)).completionDate).to.equal(new Date(t0 + 3_600_000).toISOString());

      await t.rest.resetClock();
      expect(t.engine.clock.isPinned).to.equal(false);
      await t.api.pinClock({ timestamp: t0 });
      await t.api.resetClock();
      expect(t.engine.clock.isPinned).to.equal(false);
      const records = await t.records({ valueType: 'CLOCK' });
      expect(records.map((r) => r.intent)).to.deep.equal(['PINNED', 'PINNED', 'RESETTED', 'PINNED', 'RESETTED']);
    });

    it('refuses to move the clock when clock control is off (403), and negative times (400)', async () => {
      const pool = new pg.Pool({ connectionString: t.databaseUrl, max: 1 });
      const server = await startRestServer(t.engine.engine, pool, { host: '127.0.0.1', port: 0, clockControlled: false });
      try {
        const res = await fetch(`http://127.0.0.1:${server.port}/v2/clock`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ timestamp: 0 }) });
        expect(res.status).to.equal(403);
        expect(await res.json()).to.deep.include({ status: 403, title: 'FORBIDDEN' });
      } finally {
        await server.stop();
        await pool.end();
      }
      const negative = await failure(t.rest.pinInternalClock(-5));
      expect(negative.response.statusCode).to.equal(400);
      expect(JSON.parse(negative.response.body).detail).to.contain("'timestamp'");
      expect(t.engine.clock.isPinned).to.equal(false);
    });
  });

  describe('errors', () => {
    it('answers bad input with 400 Problem Details naming the field', async () => {
      const cases: Array<[string, string, unknown, string]> = [
        ['POST', '/v2/user-tasks/search', { filter: { state: 'BOGUS' } }, "'filter.state'"],
        ['POST', '/v2/process-instances/search', { filter: { bogus: 1 } }, "'filter.bogus'"],
        ['POST', '/v2/user-tasks/search', { filter: { candidateGroup: { $in: [1] } } }, "'filter.candidateGroup.$in[0]'"],
        ['POST', '/v2/incidents/search', { sort: [{ field: 'nope' }] }, "'sort[0].field'"],
        ['POST', '/v2/variables/search', { page: { limit: -1 } }, "'page.limit'"],
        ['POST', '/v2/jobs/search', { page: { after: 'bm90IGEgY3Vyc29y' } }, "'page.after'"],
        ['POST', '/v2/jobs/search', { page: { from: 1, after: 'WzFd' } }, "'page.from'"],
        ['POST', '/v2/element-instances/search', { filter: { startDate: { $gt: 'yesterday' } } }, "'filter.startDate.$gt'"],
        ['POST', '/v2/user-tasks/1/assignment', {}, "'assignee'"],
        ['PUT', '/v2/clock', { timestamp: 'soon' }, "'timestamp'"],
        ['GET', '/v2/user-tasks/abc', undefined, "'userTaskKey'"],
        ['POST', '/v2/user-tasks/search', '{"filter": ', 'not valid JSON'],
      ];
      for (const [method, path, body, field] of cases) {
        const res = await http(t, method, path, body);
        expect(res.status, `${method} ${path}`).to.equal(400);
        expect(res.type).to.contain('application/problem+json');
        expect(res.body).to.include({ type: 'about:blank', status: 400, instance: path });
        expect(res.body.detail, `${method} ${path}`).to.contain(field);
      }
      const viaSdk = await failure(t.rest.searchUserTasks({ filter: { state: 'BOGUS' } } as never));
      expect(viaSdk.response.statusCode).to.equal(400);
      expect(JSON.parse(viaSdk.response.body).detail).to.contain("'filter.state'");
    });

    it('answers unknown keys with 404, for reads and for commands', async () => {
      const missing = '2251799813999999';
      const reads = [
        () => t.api.getUserTask({ userTaskKey: missing }, NOW),
        () => t.api.getUserTaskForm({ userTaskKey: missing }, NOW),
        () => t.api.getProcessInstance({ processInstanceKey: missing }, NOW),
        () => t.api.getElementInstance({ elementInstanceKey: missing }, NOW),
        () => t.api.getIncident({ incidentKey: missing }, NOW),
        () => t.api.getVariable({ variableKey: missing }, NOW),
        () => t.api.getProcessDefinition({ processDefinitionKey: missing }, NOW),
        () => t.api.getProcessDefinitionXml({ processDefinitionKey: missing }, NOW),
        () => t.api.getDecisionDefinition({ decisionDefinitionKey: missing }, NOW),
        () => t.api.getDecisionRequirements({ decisionRequirementsKey: missing }, NOW),
      ];
      for (const read of reads) expect(await failure(read())).to.include({ status: 404, title: 'NOT_FOUND' });
      const commands = [
        () => t.api.assignUserTask({ userTaskKey: missing, assignee: 'x' }),
        () => t.api.unassignUserTask({ userTaskKey: missing }),
        () => t.api.updateUserTask({ userTaskKey: missing, changeset: { priority: 1 } }),
        () => t.api.completeUserTask({ userTaskKey: missing }),
        () => t.api.cancelProcessInstance({ processInstanceKey: missing }),
        () => t.api.resolveIncident({ incidentKey: missing }),
      ];
      for (const command of commands) {
        const err = await failure(command());
        expect(err).to.include({ status: 404, title: 'NOT_FOUND' });
        expect(err.detail).to.match(/^Command '\w+' rejected with code 'NOT_FOUND'/);
      }
      expect((await http(t, 'GET', '/v2/nothing-here')).status).to.equal(404);
    });
  });
});
