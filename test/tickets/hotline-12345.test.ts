// The 12345 push: signature (HMAC-SHA256 over timestamp and body), replay window, idempotent
// dispatch, send-back → reopen count and the ticket.reopened message.
import { expect } from 'chai';
import { auditOf, findTicketsByExternalNo, getTicket, handle12345Push, sign12345, SIGNATURE_HEADER, TIMESTAMP_HEADER, verify12345Signature } from '../../tickets/index.ts';
import { bpmn, chain, end, serviceTask } from '../support/bpmn.ts';
import { eventually, startTestEngine, type TestEngine } from '../support/engine.ts';
import { deployStubProcesses, productDb, type ProductDb } from './product.ts';
import { ID_CARD } from './samples.ts';

const SECRET = 'test-shared-secret';

function signed(body: unknown, options: { secret?: string; at?: number } = {}) {
  const raw = Buffer.from(JSON.stringify(body));
  const timestamp = String(Math.floor((options.at ?? Date.now()) / 1000));
  return { raw, headers: { [TIMESTAMP_HEADER]: timestamp, [SIGNATURE_HEADER]: sign12345(options.secret ?? SECRET, timestamp, raw) } };
}

function dispatch(orderNo: string) {
  return {
    event: 'dispatch',
    orderNo,
    orderType: '投诉',
    receivedAt: '2026-09-30T14:00:00+08:00',
    caller: { name: '钱七', phone: '13600001234', idNumber: ID_CARD('31010419800101123') },
    respondent: { name: '某培训机构', address: '上海市徐汇区某路8号', regionCode: '310104' },
    facts: { description: '预付学费后机构关门，要求退款', amount: 12800 },
    requests: ['refund'],
  };
}

describe('tickets: 12345 push', () => {
  let t: TestEngine;
  let db: ProductDb;
  before(async () => {
    [t, db] = await Promise.all([startTestEngine(), productDb()]);
    await deployStubProcesses(t);
    // reopen_escalation stand-in: started by the message, waits at a job.
    const reopen = bpmn('reopen_escalation',
      '<bpmn:startEvent id="start"><bpmn:messageEventDefinition messageRef="m_reopened" /></bpmn:startEvent>',
      serviceTask('hold', 'test.reopen'), end(), chain('start', 'hold', 'end'));
    await t.zeebe.deployResources([{ process: Buffer.from(reopen.toString().replace('</bpmn:definitions>', '<bpmn:message id="m_reopened" name="ticket.reopened" /></bpmn:definitions>')), name: 'reopen-stub.bpmn' }]);
  });
  after(async () => {
    await t?.stop();
    await db?.drop();
  });

  const deps = () => ({ pool: db.pool, zeebe: t.zeebe, secret: SECRET });

  it('verifies the signature over timestamp and body, with a replay window', () => {
    const { raw, headers } = signed({ a: 1 });
    expect(verify12345Signature(headers, raw, { secret: SECRET })).to.deep.equal({ ok: true });
    expect(verify12345Signature({ ...headers, [SIGNATURE_HEADER]: `sha256=${headers[SIGNATURE_HEADER]}` }, raw, { secret: SECRET }).ok).to.equal(true);
    expect(verify12345Signature(headers, Buffer.from('{"a":2}'), { secret: SECRET })).to.include({ ok: false, code: 'badSignature' });
    expect(verify12345Signature(headers, raw, { secret: 'other' })).to.include({ ok: false, code: 'badSignature' });
    expect(verify12345Signature(headers, raw, { secret: ['old', SECRET] }).ok).to.equal(true);
    expect(verify12345Signature({}, raw, { secret: SECRET })).to.include({ ok: false, code: 'missingSignature' });
    const old = signed({ a: 1 }, { at: Date.now() - 10 * 60_000 });
    expect(verify12345Signature(old.headers, old.raw, { secret: SECRET })).to.include({ ok: false, code: 'replayWindow' });
    const future = signed({ a: 1 }, { at: Date.now() + 10 * 60_000 });
    expect(verify12345Signature(future.headers, future.raw, { secret: SECRET, windowSeconds: 900 }).ok).to.equal(true);
  });

  it('refuses a bad signature or a replayed old request with 401 and registers nothing', async () => {
    const forged = signed(dispatch('12345-FORGED'), { secret: 'guess' });
    const answer = await handle12345Push(deps(), forged.headers, forged.raw);
    expect(answer.status).to.equal(401);
    expect(answer.body).to.deep.equal({ error: { code: 'badSignature', message: '签名校验失败' } });
    const stale = signed(dispatch('12345-STALE'), { at: Date.now() - 3_600_000 });
    expect((await handle12345Push(deps(), stale.headers, stale.raw)).status).to.equal(401);
    expect(await findTicketsByExternalNo(db.pool, '12345', '12345-FORGED')).to.deep.equal([]);
    expect(await findTicketsByExternalNo(db.pool, '12345', '12345-STALE')).to.deep.equal([]);
  });

  it('registers a dispatched order once, with the platform number, even when pushed again', async () => {
    const push = signed(dispatch('12345-20260930-0001'));
    const first = await handle12345Push(deps(), push.headers, push.raw);
    expect(first.status).to.equal(200);
    expect(first.body).to.deep.include({ ok: true, created: true });
    const again = await handle12345Push(deps(), push.headers, push.raw);
    expect(again.body).to.deep.include({ ok: true, created: false });
    expect(again.body.tickets).to.deep.equal(first.body.tickets);
    const [ticket] = await findTicketsByExternalNo(db.pool, '12345', '12345-20260930-0001');
    expect(ticket!.channel).to.equal('12345');
    expect(ticket!.category).to.equal('其他');
    expect(ticket!.processInstanceKey).to.be.a('string');
  });

  it('answers bad orders with 422 and field paths in the platform terms', async () => {
    const body = dispatch('12345-BAD');
    body.caller.phone = '12345';
    const push = signed(body);
    const answer = await handle12345Push(deps(), push.headers, push.raw);
    expect(answer.status).to.equal(422);
    expect((answer.body.errors as { path: string }[]).map((e) => e.path)).to.deep.equal(['/caller/phone']);
    const badJson = signed('x');
    const raw = Buffer.from('{not json');
    const headers = { ...badJson.headers, [SIGNATURE_HEADER]: sign12345(SECRET, badJson.headers[TIMESTAMP_HEADER]!, raw) };
    expect((await handle12345Push(deps(), headers, raw)).status).to.equal(400);
  });

  it('a send-back starts the reopen escalation once per return number', async () => {
    const order = '12345-20260930-0002';
    const created = signed(dispatch(order));
    await handle12345Push(deps(), created.headers, created.raw);
    const back = signed({ event: 'return', orderNo: order, returnNo: 'R1', reason: '群众不满意，退回重办' });
    const answer = await handle12345Push(deps(), back.headers, back.raw);
    expect(answer.status).to.equal(200);
    const again = await handle12345Push(deps(), back.headers, back.raw);
    expect(again.body).to.deep.equal(answer.body);
    const [ticket] = await findTicketsByExternalNo(db.pool, '12345', order);
    expect((await auditOf(db.pool, ticket!.id)).filter((a) => a.action === 'ticket.sentBack')).to.have.length(1);

    const jobs = async () => (await t.zeebe.activateJobs({ type: 'test.reopen', worker: 'test', maxJobsToActivate: 10, timeout: 60_000, requestTimeout: 500 }))
      .filter((j) => j.variables.ticketNo === ticket!.ticketNo);
    const [job] = await eventually(async () => {
      const found = await jobs();
      return found.length ? found : undefined;
    }, 'the reopen escalation instance');
    expect(job!.variables).to.deep.include({ ticketId: ticket!.id, kind: 'complaint', channel: '12345', receivedAt: '2026-09-30T14:00:00+08:00', reopenReason: '群众不满意，退回重办' });
    // The replay started nothing more; the count is the process's (ticket.reopen).
    expect(await jobs()).to.deep.equal([]);
    expect((await getTicket(db.pool, ticket!.id))!.reopenCount).to.equal(0);

    const second = signed({ event: 'return', orderNo: order, returnNo: 'R2' });
    expect((await handle12345Push(deps(), second.headers, second.raw)).status).to.equal(200);
    const unknown = signed({ event: 'return', orderNo: 'nope', returnNo: 'R1' });
    expect((await handle12345Push(deps(), unknown.headers, unknown.raw)).status).to.equal(404);
  });
});
