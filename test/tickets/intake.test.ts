// Intake: validation with field paths, idempotent registration, split and duplicate links,
// and exactly one process instance per ticket through the SDK, also across failures.
import { expect } from 'chai';
import {
  auditOf, claimProcessInstance, getTicket, linksOf, registerTicket, startPendingProcesses, startTicketProcess,
  type IntakeOutcome,
} from '../../tickets/index.ts';
import { startTestEngine, type TestEngine } from '../support/engine.ts';
import { complaint, externalNo, report } from './samples.ts';
import { count, deployStubProcesses, instancesOf, productDb, type ProductDb } from './product.ts';

function ok(outcome: IntakeOutcome): Extract<IntakeOutcome, { ok: true }> {
  if (!outcome.ok) throw new Error(`expected success, got ${JSON.stringify(outcome.errors)}`);
  return outcome;
}

describe('tickets: intake', () => {
  let t: TestEngine;
  let db: ProductDb;
  before(async () => {
    [t, db] = await Promise.all([startTestEngine(), productDb()]);
    await deployStubProcesses(t);
  });
  after(async () => {
    await t?.stop();
    await db?.drop();
  });

  const deps = () => ({ pool: db.pool, zeebe: t.zeebe });

  it('answers bad input with every problem at its field path, in Chinese, and stores nothing', async () => {
    const before = await count(db.pool, 'tickets');
    const outcome = await registerTicket(deps(), complaint({
      channel: '微博',
      receivedAt: '2026-09-30 09:15',
      complainant: { name: '张三', phone: '1381234567', idNumber: '110105194912310021' },
      respondent: { name: '某公司', uscc: '91310104MA1FL5LX30' },
      requests: [],
      unexpected: true,
    }));
    expect(outcome.ok).to.equal(false);
    const errors = (outcome as { errors: { path: string; code: string; message: string }[] }).errors;
    const byPath = Object.fromEntries(errors.map((e) => [e.path, e]));
    expect(Object.keys(byPath)).to.include.members(['/channel', '/receivedAt', '/complainant/phone', '/complainant/idNumber', '/respondent/uscc', '/requests', '/unexpected']);
    expect(byPath['/complainant/phone']!.code).to.equal('mobile.length');
    expect(byPath['/complainant/phone']!.message).to.contain('11位');
    expect(byPath['/complainant/idNumber']!.code).to.equal('idCard.checkDigit');
    expect(byPath['/respondent/uscc']!.code).to.equal('uscc.checkDigit');
    expect(byPath['/receivedAt']!.message).to.contain('带时区');
    expect(byPath['/requests']!.message).to.equal('请至少选择一项诉求');
    for (const e of errors) expect(e.message).to.match(/[\u4e00-\u9fff]/);
    expect(await count(db.pool, 'tickets')).to.equal(before);
    expect(await count(db.pool, 'intake_submissions')).to.equal(0);
  });

  it('names missing parts: a complaint needs who, whom, what and a request; a real-name report a contact', async () => {
    const noComplainant = await registerTicket(deps(), complaint({ complainant: undefined, facts: { amount: 10 } }));
    expect(noComplainant.ok).to.equal(false);
    const paths = (noComplainant as { errors: { path: string }[] }).errors.map((e) => e.path);
    expect(paths).to.include.members(['/complainant', '/facts/description']);

    const anonymousComplaint = await registerTicket(deps(), complaint({ complainant: { name: '李四', phone: '13912345678', anonymous: true } }));
    expect((anonymousComplaint as { errors: { path: string; code: string }[] }).errors).to.deep.include({ path: '/complainant/anonymous', code: 'anonymousComplaint', message: '投诉须实名登记，不能匿名；匿名反映违法线索请按举报登记' });

    const realNameReport = await registerTicket(deps(), report({ complainant: { name: '王五' } }));
    expect((realNameReport as { errors: { path: string }[] }).errors.map((e) => e.path)).to.deep.equal(['/complainant/phone']);
  });

  it('registers a complaint, normalises identifiers, audits it and starts complaint_handling with the contract variables', async () => {
    const outcome = ok(await registerTicket(deps(), complaint({ complainant: { name: '张三', phone: '+86 138-1234-5678', consentMediation: true } }), { actor: 'user:clerk-1' }));
    expect(outcome.created).to.equal(true);
    const [ticket] = outcome.tickets;
    expect(ticket!.ticketNo).to.match(/^TS20260930\d{6}$/);
    expect(ticket!.complainant.phone).to.equal('13812345678');
    expect(ticket!.status).to.equal('registered');
    expect(ticket!.processInstanceKey).to.be.a('string');
    const audit = await auditOf(db.pool, ticket!.id);
    expect(audit.map((a) => [a.actor, a.action])).to.deep.equal([['user:clerk-1', 'ticket.registered']]);

    const jobs = await t.zeebe.activateJobs({ type: 'test.hold', worker: 'test', maxJobsToActivate: 50, timeout: 1000, requestTimeout: -1 });
    const job = jobs.find((j) => j.processInstanceKey === ticket!.processInstanceKey);
    expect(job?.bpmnProcessId).to.equal('complaint_handling');
    expect(job!.variables).to.deep.include({
      ticketId: ticket!.id, ticketNo: ticket!.ticketNo, kind: 'complaint', channel: '12315', category: '产品质量',
      regionCode: '310104', online: false, receivedAt: '2026-09-30T09:15:00+08:00', odrChosen: false, anonymous: false,
    });
  });

  it('the same external number twice is one ticket and one process instance', async () => {
    const input = complaint();
    const first = ok(await registerTicket(deps(), input));
    const second = ok(await registerTicket(deps(), { ...input, facts: { description: '再次来电催问' } }));
    expect(second.created).to.equal(false);
    expect(second.tickets.map((x) => x.id)).to.deep.equal(first.tickets.map((x) => x.id));
    expect(second.tickets[0]!.processInstanceKey).to.equal(first.tickets[0]!.processInstanceKey);
    const started = await instancesOf(t, 'complaint_handling');
    expect(started.filter((k) => k === first.tickets[0]!.processInstanceKey)).to.have.length(1);
  });

  it('concurrent submissions of one external number register one ticket', async () => {
    const input = complaint();
    const outcomes = await Promise.all([1, 2, 3].map(() => registerTicket(deps(), input)));
    const ids = new Set(outcomes.map((o) => ok(o).tickets[0]!.id));
    expect(ids.size).to.equal(1);
    expect(outcomes.filter((o) => ok(o).created)).to.have.length(1);
  });

  it('splits a mixed submission into a complaint and a report, linked, each with its own process', async () => {
    const outcome = ok(await registerTicket(deps(), complaint({ kind: 'mixed', externalNo: externalNo('MIX') })));
    expect(outcome.tickets.map((x) => x.kind)).to.deep.equal(['complaint', 'report']);
    const [c, r] = outcome.tickets;
    expect(r!.requests).to.deep.equal([]);
    expect(r!.ticketNo).to.match(/^JB/);
    expect(c!.externalNo).to.equal(r!.externalNo);
    const links = await linksOf(db.pool, r!.id);
    expect(links.map((l) => [l.kind, l.fromTicketId, l.toTicketId])).to.deep.equal([['split', r!.id, c!.id]]);
    expect(await instancesOf(t, 'report_verification')).to.include(r!.processInstanceKey);
    expect(await instancesOf(t, 'complaint_handling')).to.include(c!.processInstanceKey);
  });

  it('links a repeat of an open matter within the window as a duplicate', async () => {
    const base = complaint({ complainant: { name: '赵六', phone: '13700001111' }, facts: { goodsOrService: '洗衣机', description: '洗衣机漏水' } });
    const first = ok(await registerTicket(deps(), base));
    const again = ok(await registerTicket(deps(), { ...base, externalNo: externalNo(), receivedAt: '2026-10-09T09:00:00+08:00', facts: { goodsOrService: ' 洗衣机 ', description: '又来投诉' } }));
    const [dup] = again.tickets;
    expect(again.duplicates).to.deep.equal({ [dup!.id]: first.tickets[0]!.id });
    const links = await linksOf(db.pool, dup!.id);
    expect(links.map((l) => [l.kind, l.toTicketId])).to.deep.equal([['duplicate', first.tickets[0]!.id]]);

    const otherMatter = ok(await registerTicket(deps(), { ...base, externalNo: externalNo(), facts: { goodsOrService: '冰箱', description: '冰箱不制冷' } }));
    expect(otherMatter.duplicates).to.deep.equal({});
    const muchLater = ok(await registerTicket(deps(), { ...base, externalNo: externalNo(), receivedAt: '2026-12-30T09:00:00+08:00' }));
    expect(muchLater.duplicates).to.deep.equal({});
  });

  it('keeps a ticket whose process cannot start yet, and recovery starts it later', async () => {
    const outcome = ok(await registerTicket(deps(), complaint({ channel: 'letter', externalNo: undefined, kind: 'suggestion', requests: undefined })));
    expect(outcome.tickets[0]!.processInstanceKey).to.equal(null); // a suggestion runs no process

    const broken = { pool: db.pool, zeebe: { ...t.zeebe, createProcessInstance: async () => { throw new Error('UNAVAILABLE: gateway down'); } } as never };
    const stored = ok(await registerTicket(broken, complaint()));
    const [ticket] = stored.tickets;
    expect(ticket!.processInstanceKey).to.equal(null);
    expect(stored.processErrors[ticket!.id]).to.contain('gateway down');

    const result = await startPendingProcesses(deps(), { olderThanMs: 0 });
    expect(result.failed).to.equal(0);
    const after = await getTicket(db.pool, ticket!.id);
    expect(after!.processInstanceKey).to.be.a('string');
    expect(await instancesOf(t, 'complaint_handling')).to.include(after!.processInstanceKey);
    // Nothing left to start: running it again starts nothing.
    expect((await startPendingProcesses(deps(), { olderThanMs: 0 })).started).to.equal(0);
  });

  it('two starts racing for one ticket leave one live instance: the loser is cancelled', async () => {
    const stored = ok(await registerTicket({ pool: db.pool }, complaint()));
    const ticket = stored.tickets[0]!;
    const keys = await Promise.all([startTicketProcess(deps(), ticket), startTicketProcess(deps(), ticket)]);
    expect(keys[0]).to.equal(keys[1]);
    const holder = (await getTicket(db.pool, ticket.id))!.processInstanceKey;
    expect(holder).to.equal(keys[0]);
    // Both starts created an instance for the ticket; every one but the holder ended cancelled.
    const variables = await t.records({ valueType: 'VARIABLE', intent: 'CREATED' });
    const started = new Set(variables.filter((r) => r.value.name === 'ticketId' && r.value.value === ticket.id).map((r) => String(r.processInstanceKey)));
    expect(started.size).to.equal(2);
    const terminated = await instancesOf(t, 'complaint_handling', 'ELEMENT_TERMINATED');
    for (const key of started) expect(terminated.includes(key)).to.equal(key !== holder);
  });

  it('claimProcessInstance is compare-and-set', async () => {
    const stored = ok(await registerTicket({ pool: db.pool }, complaint()));
    const id = stored.tickets[0]!.id;
    expect(await claimProcessInstance(db.pool, id, 'complaint_handling', '2251799813685249')).to.equal('2251799813685249');
    expect(await claimProcessInstance(db.pool, id, 'complaint_handling', '2251799813685250')).to.equal('2251799813685249');
  });
});
