// What the supervision views read from the REST API (/v2): the sequence flows an instance took,
// element statistics per process definition and per instance (Operate's diagram counts), the
// call hierarchy, message subscriptions and correlated messages (all Camunda 8.8, through the
// SDK's Orchestration Cluster API client, which checks every response against the official
// schemas), and the built-in engine's own duration statistics (/v2/x/, raw HTTP) on the
// pinned clock.

import { expect } from 'chai';
import pg from 'pg';
import { bpmn, callActivity, chain, definitions, end, flow, gateway, message, messageCatch, messageStart, processXml, serviceTask, start } from '../support/bpmn.ts';
import { startTestEngine, type TestEngine } from '../support/engine.ts';
import { failure, http, NOW } from '../support/rest.ts';

// start -> Check -> Decide -(ok)-> Archive -> end, and Decide -(default)-> Check again: a loop.
const REVIEW = bpmn(
  'sv-review',
  start(),
  serviceTask('Check', 'sv-check'),
  gateway('exclusive', 'Decide', 'f_again'),
  serviceTask('Archive', 'sv-archive', { retries: '1' }),
  end(),
  flow('f_start', 'start', 'Check'),
  flow('f_check', 'Check', 'Decide'),
  flow('f_done', 'Decide', 'Archive', '= ok'),
  flow('f_again', 'Decide', 'Check'),
  flow('f_archive', 'Archive', 'end'),
);
const PARENT = bpmn('sv-parent', start(), callActivity('Call', 'sv-child'), end(), chain('start', 'Call', 'end'));
const CHILD = bpmn('sv-child', start(), serviceTask('Child_Work', 'sv-child-work', { retries: '1' }), end(), chain('start', 'Child_Work', 'end'));
const WAIT = Buffer.from(definitions(processXml('sv-wait', start(), messageCatch('Wait', 'Msg_Reply'), end(), chain('start', 'Wait', 'end')), message('Msg_Reply', 'sv-reply', '=ticketNo')));
const PUSH = Buffer.from(definitions(processXml('sv-push', messageStart('push', 'Msg_Push'), end(), chain('push', 'end')), message('Msg_Push', 'sv-push-message')));

const T0 = Date.parse('2025-03-03T08:00:00Z');
const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();

type Counts = { elementId: string; active: number; canceled: number; incidents: number; completed: number };
/** The SDK reads counts as bigint; zero counts are left out here, so expectations read short. */
const counts = (items: Array<Record<string, unknown>>): Record<string, Partial<Counts>> =>
  Object.fromEntries(
    items.map((i) => [i.elementId, Object.fromEntries(['active', 'canceled', 'incidents', 'completed'].map((k) => [k, Number(i[k])]).filter(([, n]) => n !== 0))]),
  );

describe('REST API (/v2): supervision (sequence flows, element statistics, call hierarchy, messages, durations)', () => {
  let t: TestEngine;
  let reviewKey: string;
  let parentKey: string;
  let childKey: string;
  // review instances: p1 loops once and completes, p2 has an incident at Archive, p3 waits at Check, p4 is cancelled
  let p1: string, p2: string, p3: string, p4: string;

  const pin = (seconds: number) => t.api.pinClock({ timestamp: T0 + seconds * 1000 });
  const activate = async (type: string) => t.zeebe.activateJobs({ type, worker: 'sv-test', maxJobsToActivate: 10, timeout: 3_600_000, requestTimeout: 1000 });
  const jobOf = async (type: string, processInstanceKey: string) => {
    const job = (await activate(type)).find((j) => j.processInstanceKey === processInstanceKey);
    if (!job) throw new Error(`no ${type} job for ${processInstanceKey}`);
    return job;
  };
  const create = async (bpmnProcessId: string, variables: Record<string, unknown> = {}) => (await t.zeebe.createProcessInstance({ bpmnProcessId, variables: variables as never })).processInstanceKey;
  const ofInstance = async (processInstanceKey: string) => counts((await t.api.getProcessInstanceStatistics({ processInstanceKey }, NOW)).items!);

  before(async () => {
    t = await startTestEngine();
    const deployed = await t.zeebe.deployResources([
      { process: REVIEW, name: 'sv-review.bpmn' },
      { process: PARENT, name: 'sv-parent.bpmn' },
      { process: CHILD, name: 'sv-child.bpmn' },
      { process: WAIT, name: 'sv-wait.bpmn' },
      { process: PUSH, name: 'sv-push.bpmn' },
    ]);
    const processes = deployed.deployments as Array<{ process?: { bpmnProcessId: string; processDefinitionKey: string } }>;
    const keyOf = (id: string) => processes.find((d) => d.process?.bpmnProcessId === id)!.process!.processDefinitionKey;
    [reviewKey, parentKey, childKey] = [keyOf('sv-review'), keyOf('sv-parent'), keyOf('sv-child')];

    // The review instances, on the pinned clock (seconds after T0).
    await pin(0);
    [p1, p2, p3, p4] = [await create('sv-review'), await create('sv-review'), await create('sv-review'), await create('sv-review')];
    const checks = await activate('sv-check');
    const check = (p: string) => checks.find((j) => j.processInstanceKey === p)!;
    await pin(60);
    await t.zeebe.completeJob({ jobKey: check(p1).key, variables: { ok: false } }); // p1: Check 60 s, back to Check
    await pin(90);
    await t.zeebe.completeJob({ jobKey: check(p2).key, variables: { ok: true } }); // p2: Check 90 s, on to Archive
    await t.zeebe.failJob({ jobKey: (await jobOf('sv-archive', p2)).key, retries: 0, errorMessage: '归档服务不可用', retryBackOff: 0 });
    await pin(180);
    await t.zeebe.completeJob({ jobKey: (await jobOf('sv-check', p1)).key, variables: { ok: true } }); // p1: Check again, 120 s
    await pin(200);
    await t.zeebe.completeJob({ jobKey: (await jobOf('sv-archive', p1)).key, variables: {} }); // p1: Archive 20 s, done
    await t.api.cancelProcessInstance({ processInstanceKey: p4 });
  });
  after(async () => {
    await t?.api.resetClock().catch(() => undefined);
    await t?.stop();
  });

  describe('sequence flows', () => {
    it('lists each flow an instance took once, loops included, in Camunda\'s shape', async () => {
      const flows = async (processInstanceKey: string) => (await t.api.getProcessInstanceSequenceFlows({ processInstanceKey }, NOW)).items!;
      const p1Flows = await flows(p1);
      expect(p1Flows.map((f) => f.elementId)).to.deep.equal(['f_again', 'f_archive', 'f_check', 'f_done', 'f_start']);
      expect(p1Flows[0]).to.deep.equal({
        sequenceFlowId: `${p1}_f_again`,
        processInstanceKey: p1,
        processDefinitionKey: reviewKey,
        processDefinitionId: 'sv-review',
        elementId: 'f_again',
        tenantId: '<default>',
      });
      expect((await flows(p2)).map((f) => f.elementId)).to.deep.equal(['f_check', 'f_done', 'f_start']);
      expect((await flows(p3)).map((f) => f.elementId)).to.deep.equal(['f_start']);
      expect(await flows('2251799813999999')).to.deep.equal([]);
      expect((await http(t, 'GET', '/v2/process-instances/abc/sequence-flows')).status).to.equal(400);
    });
  });

  describe('element statistics', () => {
    const ofDefinition = async (processDefinitionKey: string, filter?: Record<string, unknown>) =>
      counts((await t.api.getProcessDefinitionStatistics({ processDefinitionKey, ...(filter ? { filter } : {}) }, NOW)).items!);
    it('counts per element the instances of a definition that have it active, canceled, with an incident, completed', async () => {
      expect(await ofDefinition(reviewKey)).to.deep.equal({
        Archive: { incidents: 1, completed: 1 },
        Check: { active: 1, canceled: 1, completed: 2 }, // p1 completed it twice: one instance
        Decide: { completed: 2 },
        end: { completed: 1 },
        start: { completed: 4 },
      });
    });

    it('narrows a definition\'s statistics with Camunda\'s process instance filter, $or included', async () => {
      expect(await ofDefinition(reviewKey, { state: 'ACTIVE' })).to.deep.equal({
        Archive: { incidents: 1 },
        Check: { active: 1, completed: 1 },
        Decide: { completed: 1 },
        start: { completed: 2 },
      });
      expect(await ofDefinition(reviewKey, { hasIncident: true })).to.deep.equal({ Archive: { incidents: 1 }, Check: { completed: 1 }, Decide: { completed: 1 }, start: { completed: 1 } });
      expect(await ofDefinition(reviewKey, { $or: [{ processInstanceKey: p1 }, { processInstanceKey: p4 }] })).to.deep.equal({
        Archive: { completed: 1 },
        Check: { canceled: 1, completed: 1 },
        Decide: { completed: 1 },
        end: { completed: 1 },
        start: { completed: 2 },
      });
      expect(await ofDefinition(reviewKey, { elementId: 'Check', elementInstanceState: { $in: ['ACTIVE', 'TERMINATED'] } })).to.deep.equal({ Check: { active: 1, canceled: 1 } });
      expect(await ofDefinition(reviewKey, { hasElementInstanceIncident: true })).to.deep.equal({ Archive: { incidents: 1 } });
      expect(await ofDefinition(reviewKey, { startDate: { $gt: at(1) } })).to.deep.equal({});
      expect(await ofDefinition('2251799813999999')).to.deep.equal({});
    });

    it('refuses an unknown filter field with 400 naming it', async () => {
      const res = await http(t, 'POST', `/v2/process-definitions/${reviewKey}/statistics/element-instances`, { filter: { processDefinitionId: 'x' } });
      expect(res.status).to.equal(400);
      expect(res.body).to.include({ title: 'INVALID_ARGUMENT', detail: `Unknown or unsupported field 'filter.processDefinitionId'` });
    });

    it('counts an instance\'s element instances: how often each element ran', async () => {
      expect(await ofInstance(p1)).to.deep.equal({ Archive: { completed: 1 }, Check: { completed: 2 }, Decide: { completed: 2 }, end: { completed: 1 }, start: { completed: 1 } });
      expect(await ofInstance(p2)).to.deep.equal({ Archive: { incidents: 1 }, Check: { completed: 1 }, Decide: { completed: 1 }, start: { completed: 1 } });
      expect(await ofInstance(p4)).to.deep.equal({ Check: { canceled: 1 }, start: { completed: 1 } });
      expect(await ofInstance('2251799813999999')).to.deep.equal({});
    });
  });

  describe('call activities', () => {
    let parent: string, child: string;
    before(async () => {
      parent = await create('sv-parent');
      const children = await t.api.searchProcessInstances({ filter: { parentProcessInstanceKey: parent } }, NOW);
      child = children.items[0].processInstanceKey;
      await t.zeebe.failJob({ jobKey: (await jobOf('sv-child-work', child)).key, retries: 0, errorMessage: '子流程失败', retryBackOff: 0 });
    });

    it('answers the call hierarchy from the root down to the instance; [] for a root; 404 for an unknown instance', async () => {
      expect(await t.api.getProcessInstanceCallHierarchy({ processInstanceKey: child }, NOW)).to.deep.equal([
        { processInstanceKey: parent, processDefinitionKey: parentKey, processDefinitionName: 'sv-parent' },
        { processInstanceKey: child, processDefinitionKey: childKey, processDefinitionName: 'sv-child' },
      ]);
      expect(await t.api.getProcessInstanceCallHierarchy({ processInstanceKey: parent }, NOW)).to.deep.equal([]);
      expect(await failure(t.api.getProcessInstanceCallHierarchy({ processInstanceKey: '2251799813999999' }, NOW))).to.include({ status: 404 });
    });

    it('shows a called instance\'s incident on the call activity, as Camunda\'s tree path does', async () => {
      expect(await ofInstance(child)).to.deep.equal({ Child_Work: { incidents: 1 }, start: { completed: 1 } });
      expect(await ofInstance(parent)).to.deep.equal({ Call: { incidents: 1 }, start: { completed: 1 } });
      expect(counts((await t.api.getProcessDefinitionStatistics({ processDefinitionKey: parentKey }, NOW)).items!)).to.deep.equal({ Call: { incidents: 1 }, start: { completed: 1 } });
    });
  });

  describe('message subscriptions and correlated messages', () => {
    let w1: string, w2: string, replyKey: string, pushKey: string;
    before(async () => {
      await pin(300);
      [w1, w2] = [await create('sv-wait', { ticketNo: 'T-1' }), await create('sv-wait', { ticketNo: 'T-2' })];
      await pin(330);
      replyKey = (await t.zeebe.publishMessage({ name: 'sv-reply', correlationKey: 'T-1', variables: { answer: '已处理' }, timeToLive: 0 })).key;
      pushKey = (await t.zeebe.publishMessage({ name: 'sv-push-message', correlationKey: 'P-1', variables: {}, timeToLive: 0 })).key;
    });
    const subscriptions = async (filter: Record<string, unknown>) => (await t.api.searchMessageSubscriptions({ filter, sort: [{ field: 'processInstanceKey' }] }, NOW)).items!;
    const correlations = async (filter: Record<string, unknown>) => (await t.api.searchCorrelatedMessageSubscriptions({ filter }, NOW)).items!;

    it('searches the subscriptions of waiting instances, with what became of them', async () => {
      const [waiting] = await subscriptions({ processInstanceKey: w2 });
      expect(waiting).to.deep.include({
        processDefinitionId: 'sv-wait',
        processInstanceKey: w2,
        elementId: 'Wait',
        messageSubscriptionState: 'CREATED',
        lastUpdatedDate: at(300),
        messageName: 'sv-reply',
        correlationKey: 'T-2',
        tenantId: '<default>',
      });
      expect(waiting.elementInstanceKey).to.be.a('string');
      expect(waiting.processDefinitionKey).to.equal((await t.api.getProcessInstance({ processInstanceKey: w2 }, NOW)).processDefinitionKey);

      const [reached] = await subscriptions({ processInstanceKey: w1 });
      // The state is the intent of the subscription's last record (Zeebe writes no DELETED after an
      // interrupting correlation; the built-in runtime does, when the catch event ends).
      const history = await t.records({ valueType: 'PROCESS_MESSAGE_SUBSCRIPTION', processInstanceKey: w1 });
      expect(history.map((r) => r.intent).slice(0, 2)).to.deep.equal(['CREATED', 'CORRELATED']);
      expect(reached.messageSubscriptionState).to.equal(history.at(-1)!.intent);
      expect(reached.lastUpdatedDate).to.equal(at(330));
      expect((await subscriptions({ messageName: 'sv-reply', messageSubscriptionState: 'CREATED' })).map((s) => s.processInstanceKey)).to.deep.equal([w2]);
      expect((await subscriptions({ correlationKey: { $like: 'T-*' } })).map((s) => s.processInstanceKey)).to.deep.equal([w1, w2]);
    });

    it('searches correlated messages: to a waiting instance, and to a message start event', async () => {
      const [reply] = await correlations({ processInstanceKey: w1 });
      const [subscription] = await subscriptions({ processInstanceKey: w1 });
      expect(reply).to.deep.include({
        correlationKey: 'T-1',
        correlationTime: at(330),
        elementId: 'Wait',
        elementInstanceKey: subscription.elementInstanceKey,
        messageKey: replyKey,
        messageName: 'sv-reply',
        partitionId: 1,
        processDefinitionId: 'sv-wait',
        processInstanceKey: w1,
        subscriptionKey: subscription.messageSubscriptionKey,
        tenantId: '<default>',
      });
      expect(await correlations({ processInstanceKey: w2 })).to.deep.equal([]);

      const [started] = await correlations({ messageKey: pushKey });
      expect(started).to.deep.include({ correlationKey: 'P-1', elementId: 'push', messageName: 'sv-push-message', processDefinitionId: 'sv-push', correlationTime: at(330) });
      expect(started.elementInstanceKey).to.equal(undefined);
      const instance = await t.api.getProcessInstance({ processInstanceKey: started.processInstanceKey }, NOW);
      expect(instance).to.deep.include({ processDefinitionId: 'sv-push', processDefinitionKey: started.processDefinitionKey });
      expect((await correlations({ messageName: { $in: ['sv-reply', 'sv-push-message'] }, correlationTime: { $gte: at(330) } })).length).to.equal(2);
    });
  });

  describe('element durations (/v2/x/, not part of Camunda\'s API)', () => {
    const durations = async (processDefinitionKey: string, body?: unknown) => {
      const res = await http(t, 'POST', `/v2/x/process-definitions/${processDefinitionKey}/statistics/element-durations`, body);
      expect(res.status).to.equal(200);
      return Object.fromEntries((res.body.items as Array<{ elementId: string }>).map(({ elementId, ...rest }) => [elementId, rest]));
    };

    it('gives count, average, p50, p90 and max of completed element instances, in milliseconds', async () => {
      expect(await durations(reviewKey)).to.deep.equal({
        Archive: { count: 1, avgMs: 20_000, p50Ms: 20_000, p90Ms: 20_000, maxMs: 20_000 },
        Check: { count: 3, avgMs: 90_000, p50Ms: 90_000, p90Ms: 120_000, maxMs: 120_000 }, // 60 s, 90 s, 120 s
        Decide: { count: 3, avgMs: 0, p50Ms: 0, p90Ms: 0, maxMs: 0 },
        end: { count: 1, avgMs: 0, p50Ms: 0, p90Ms: 0, maxMs: 0 },
        start: { count: 4, avgMs: 0, p50Ms: 0, p90Ms: 0, maxMs: 0 },
      });
    });

    it('limits them to a time window on the end (or start) date, and to elements', async () => {
      expect(await durations(reviewKey, { filter: { endDate: { $gte: at(100), $lt: at(250) } } })).to.deep.equal({
        Archive: { count: 1, avgMs: 20_000, p50Ms: 20_000, p90Ms: 20_000, maxMs: 20_000 },
        Check: { count: 1, avgMs: 120_000, p50Ms: 120_000, p90Ms: 120_000, maxMs: 120_000 },
        Decide: { count: 1, avgMs: 0, p50Ms: 0, p90Ms: 0, maxMs: 0 },
        end: { count: 1, avgMs: 0, p50Ms: 0, p90Ms: 0, maxMs: 0 },
      });
      expect(Object.keys(await durations(reviewKey, { filter: { elementId: { $in: ['Check', 'Archive'] }, startDate: { $gte: at(60) } } }))).to.deep.equal(['Archive', 'Check']);
      expect(await durations(reviewKey, { filter: { type: 'SERVICE_TASK', processInstanceKey: p2 } })).to.deep.equal({ Check: { count: 1, avgMs: 90_000, p50Ms: 90_000, p90Ms: 90_000, maxMs: 90_000 } });
      expect(await durations('2251799813999999')).to.deep.equal({});
    });

    it('answers bad input with 400 Problem Details', async () => {
      const bad = await http(t, 'POST', `/v2/x/process-definitions/${reviewKey}/statistics/element-durations`, { filter: { endDate: { $gte: 'yesterday' } } });
      expect(bad.status).to.equal(400);
      expect(bad.type).to.contain('application/problem+json');
      expect(bad.body.detail).to.contain(`'filter.endDate`);
      expect((await http(t, 'POST', '/v2/x/process-definitions/nope/statistics/element-durations', {})).status).to.equal(400);
    });
  });

  describe('history older than these projections', () => {
    it('is replayed into them at the next start', async () => {
      const before = {
        flows: (await t.api.getProcessInstanceSequenceFlows({ processInstanceKey: p1 }, NOW)).items,
        subscriptions: (await t.api.searchMessageSubscriptions({}, NOW)).items,
        correlations: (await t.api.searchCorrelatedMessageSubscriptions({}, NOW)).items,
      };
      expect(before.flows).to.have.length(5);
      const db = new pg.Pool({ connectionString: t.databaseUrl, max: 1 });
      try {
        await db.query(`TRUNCATE engine_search_sequence_flows, engine_search_message_subscriptions, engine_search_correlated_messages`);
        await db.query(`DELETE FROM engine_meta WHERE name LIKE 'search_%supervision%'`);
      } finally {
        await db.end();
      }
      await t.restart();
      expect({
        flows: (await t.api.getProcessInstanceSequenceFlows({ processInstanceKey: p1 }, NOW)).items,
        subscriptions: (await t.api.searchMessageSubscriptions({}, NOW)).items,
        correlations: (await t.api.searchCorrelatedMessageSubscriptions({}, NOW)).items,
      }).to.deep.equal(before);
    });
  });
});
