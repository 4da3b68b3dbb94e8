// Split and merge on the real engine with the real workers: a merged duplicate's process is
// ended (its open task gone) while the survivor's goes on to acceptance review; a ticket
// split in two gives a new ticket that runs its own process next to the original's.
import { expect } from 'chai';
import { auditOf, linksOf } from '../../tickets/index.ts';
import { jinanReport } from '../support/stories.ts';
import { signedIn, type Client } from './support.ts';
import { eventually, externalNo, jinanComplaint, startTicketEnv, type TicketEnv } from './ticket-env.ts';

describe('server: splitting and merging tickets', function () {
  this.timeout(120_000);
  let env: TicketEnv;
  let clerk: Client;
  let handler: Client;

  const row = async (id: string) => (await env.t.pool.query(
    'SELECT status, kind, department, process_instance_key::text AS key, closed_at FROM tickets WHERE id = $1', [id])).rows[0];
  /** The process instance as the engine's history has it: ended (terminated) or still running. */
  const processEnded = async (key: string) =>
    (await env.engine.records({ valueType: 'PROCESS_INSTANCE', intent: 'ELEMENT_TERMINATED', processInstanceKey: key }))
      .some((r) => r.value.bpmnElementType === 'PROCESS');
  const processOf = async (key: string) =>
    (await env.engine.records({ valueType: 'PROCESS_INSTANCE', intent: 'ELEMENT_ACTIVATED', processInstanceKey: key }))
      .find((r) => r.value.bpmnElementType === 'PROCESS')?.value.bpmnProcessId as string | undefined;
  const taskOf = (client: Client, ticketId: string, elementId: string) => async () => {
    const inbox = await client.get('/api/inbox?scope=groups');
    return inbox.body.items?.find((i: any) => i.ticket?.id === ticketId && i.elementId === elementId);
  };

  before(async () => {
    env = await startTicketEnv();
    clerk = await signedIn(env.t, 'dengji');
    handler = await signedIn(env.t, 'chengban');
  });
  after(async () => { await env?.stop(); });

  describe('merge (并案)', () => {
    let survivor: string;
    let duplicate: string;

    before(async () => {
      const first = await clerk.post('/api/tickets', jinanComplaint());
      expect(first.status, JSON.stringify(first.body)).to.equal(201);
      survivor = first.body.tickets[0].id;
      // The same complainant about the same matter an hour later: intake links it as a duplicate.
      const again = await clerk.post('/api/tickets', jinanComplaint({ externalNo: externalNo('12315'), receivedAt: '2026-09-30T10:15:00+08:00' }));
      expect(again.status, JSON.stringify(again.body)).to.equal(201);
      duplicate = again.body.tickets[0].id;
      expect(again.body.duplicates[duplicate]).to.equal(survivor);
      // Its process asks the dispatcher whether to merge.
      await eventually(taskOf(clerk, duplicate, 'Task_DuplicateReview'), 'the duplicate review task');
    });

    it('refuses a merge into itself, of another kind, or by a handler', async () => {
      const self = await clerk.post(`/api/tickets/${survivor}/merge`, { ticketIds: [survivor], reason: '重复' });
      expect(self.status).to.equal(422);
      expect(self.body.error.details[0].path).to.equal('ticketIds[0]');
      const report = await clerk.post('/api/tickets', jinanReport());
      expect(report.status, JSON.stringify(report.body)).to.equal(201);
      const otherKind = await clerk.post(`/api/tickets/${survivor}/merge`, { ticketIds: [report.body.tickets[0].id], reason: '重复' });
      expect(otherKind.status).to.equal(409);
      expect(otherKind.body.error.message).to.contain('类型不同');
      expect((await handler.post(`/api/tickets/${survivor}/merge`, { ticketIds: [duplicate], reason: '重复' })).status).to.equal(403);
      expect((await row(duplicate)).status).to.not.equal('merged');
    });

    it('ends the merged ticket\'s process and records the link; the survivor goes on', async () => {
      const key = (await row(duplicate)).key;
      expect(key).to.be.a('string');
      const answer = await clerk.post(`/api/tickets/${survivor}/merge`, { ticketIds: [duplicate], reason: '同一投诉人同一事项重复投诉' });
      expect(answer.status, JSON.stringify(answer.body)).to.equal(200);
      expect(answer.body.merged[0]).to.include({ id: duplicate, status: 'merged' });

      expect(await processEnded(key)).to.equal(true);
      expect(await taskOf(clerk, duplicate, 'Task_DuplicateReview')()).to.equal(undefined);
      const merged = await row(duplicate);
      expect(merged.status).to.equal('merged');
      expect(merged.closed_at).to.be.an.instanceOf(Date);
      expect((await linksOf(env.t.pool, duplicate)).some((l) => l.kind === 'merged' && l.fromTicketId === duplicate && l.toTicketId === survivor)).to.equal(true);
      expect((await auditOf(env.t.pool, duplicate)).map((e) => e.action)).to.include('ticket.merged');
      expect((await auditOf(env.t.pool, survivor)).map((e) => e.action)).to.include('ticket.mergedInto');

      // The survivor's process was untouched and reaches acceptance review at 甸柳所.
      expect(await processEnded((await row(survivor)).key)).to.equal(false);
      await eventually(taskOf(handler, survivor, 'Task_AcceptReview'), 'the survivor\'s 受理审查 task').catch(async (err) => {
        const tasks = await (env.engine.rest as any).searchUserTasks({ filter: { state: 'CREATED' }, page: { from: 0, limit: 20 } });
        const incidents = await (env.engine.rest as any).searchIncidents({ filter: { state: 'ACTIVE' }, page: { from: 0, limit: 20 } });
        throw new Error(`${err.message} ${JSON.stringify(await row(survivor))} tasks ${JSON.stringify(tasks.items.map((i: any) => [i.elementId, i.processInstanceKey, i.candidateGroups]))} incidents ${JSON.stringify(incidents.items.map((i: any) => [i.elementId, i.errorMessage]))}`);
      });
      const detail = await clerk.get(`/api/tickets/${survivor}`);
      expect(detail.body.links.some((l: any) => l.kind === 'merged' && l.fromTicketId === duplicate)).to.equal(true);
    });

    it('does not merge a ticket twice', async () => {
      const again = await clerk.post(`/api/tickets/${survivor}/merge`, { ticketIds: [duplicate], reason: '重复' });
      expect(again.status).to.equal(409);
      expect(again.body.error.details[0].path).to.equal('ticketIds[0]');
    });
  });

  describe('split (拆分)', () => {
    let original: string;

    before(async () => {
      const answer = await clerk.post('/api/tickets', jinanComplaint({
        externalNo: externalNo('12315'),
        complainant: { name: '李四', phone: '13912345678', consentPublish: false, consentMediation: true },
        facts: { occurredAt: '2026-09-22', place: '门店', goodsOrService: '冰箱', amount: 2999, description: '冰箱异响要求退货；另外门店宣传单标称一级能效，实际为三级。' },
      }));
      expect(answer.status, JSON.stringify(answer.body)).to.equal(201);
      original = answer.body.tickets[0].id;
    });

    it('checks each part by the registration rules, naming the part, and stores nothing on error', async () => {
      const report = await clerk.post('/api/tickets', jinanReport({ externalNo: externalNo('12315R') }));
      const count = async () => (await env.t.pool.query('SELECT count(*)::int AS n FROM tickets')).rows[0].n;
      const before = await count();
      // An anonymous reporter cannot become a complainant: a complaint needs a name and phone.
      const answer = await clerk.post(`/api/tickets/${report.body.tickets[0].id}/split`, {
        reason: '另有消费纠纷', parts: [{ kind: 'complaint', description: '要求退款', requests: ['refund'] }],
      });
      expect(answer.status, JSON.stringify(answer.body)).to.equal(422);
      expect(answer.body.error.details.map((d: any) => d.path).join()).to.match(/^parts\[0\]\.complainant/);
      expect(await count()).to.equal(before);
      const unknown = await clerk.post(`/api/tickets/${original}/split`, { reason: 'x', parts: [{ kind: 'mixed', description: 'x' }] });
      expect(unknown.status).to.equal(400);
      expect(unknown.body.error.details[0].path).to.equal('parts[0].kind');
    });

    it('makes a new ticket per part, linked to the original, each running its own process', async () => {
      const answer = await clerk.post(`/api/tickets/${original}/split`, {
        reason: '一单多事项：退货纠纷与虚假宣传线索分开办理',
        parts: [{ kind: 'report', description: '门店宣传单标称冰箱一级能效，实际为三级。', category: '虚假宣传' }],
      });
      expect(answer.status, JSON.stringify(answer.body)).to.equal(201);
      expect(answer.body.processErrors).to.deep.equal({});
      const [part] = answer.body.tickets;
      expect(part).to.include({ kind: 'report', category: '虚假宣传', channel: '12315', complainantName: '李四' });
      expect(part.complainantPhone).to.match(/\*/);

      const split = await row(part.id);
      const kept = await row(original);
      expect(split.key).to.be.a('string').and.not.equal(kept.key);
      expect(await processOf(split.key)).to.equal('report_verification');
      expect(await processOf(kept.key)).to.equal('complaint_handling');
      expect((await linksOf(env.t.pool, original)).some((l) => l.kind === 'split' && l.fromTicketId === part.id && l.toTicketId === original)).to.equal(true);
      expect((await auditOf(env.t.pool, original)).find((e) => e.action === 'ticket.split')?.after).to.deep.include({ into: [part.ticketNo] });

      // Both processes move on: the workers route the new report, the original reaches acceptance review.
      await eventually(async () => ((await row(part.id)).department ? true : undefined), 'the split-off report routed by its own process');
      await eventually(taskOf(handler, original, 'Task_AcceptReview'), 'the original\'s 受理审查 task');
      expect(await processEnded(split.key)).to.equal(false);
    });
  });
});
