// The ticket store: append-only audit trail, list queries on indexes with keyset pages and
// masked rows, cases and their stages, deadlines and notifications.
import { expect } from 'chai';
import {
  addNotification, appendAudit, auditOf, caseStages, casesOfTicket, createCase, deadlinesOf, linksOf, listTickets, markNotificationRead,
  notificationsFor, openDeadlinesDueBefore, registerTicket, setCaseStage, toListItem, updateTicket, upsertDeadline, type Ticket,
} from '../../tickets/index.ts';
import { productDb, type ProductDb } from './product.ts';
import { complaint, ID_CARD, report } from './samples.ts';

describe('tickets: store', () => {
  let db: ProductDb;
  const tickets: Ticket[] = [];
  before(async () => {
    db = await productDb();
    for (let i = 0; i < 5; i++) {
      const outcome = await registerTicket({ pool: db.pool }, complaint({ receivedAt: `2026-10-0${i + 1}T09:00:00+08:00`, complainant: { name: `投诉人${i}`, phone: `1380000000${i}`, idNumber: ID_CARD(), address: '浙江省杭州市西湖区文三路90号' } }));
      if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
      tickets.push(outcome.tickets[0]!);
    }
    const r = await registerTicket({ pool: db.pool }, report());
    if (!r.ok) throw new Error('report');
    tickets.push(r.tickets[0]!);
    await updateTicket(db.pool, tickets[0]!.id, { department: 'A', status: 'accepted' });
    await updateTicket(db.pool, tickets[1]!.id, { department: 'B', status: 'accepted' });
    await updateTicket(db.pool, tickets[2]!.id, { department: 'A', status: 'closed', professionalClaimant: true });
  });
  after(async () => {
    await db?.drop();
  });

  it('the audit trail refuses updates, deletes and truncation', async () => {
    await appendAudit(db.pool, { ticketId: tickets[0]!.id, actor: 'user:u1', action: 'ticket.viewed', after: { fields: ['phone'] } });
    for (const sql of ['UPDATE ticket_audit SET action = $1', 'DELETE FROM ticket_audit WHERE action <> $1', 'TRUNCATE ticket_audit']) {
      const err = await db.pool.query(sql, sql.includes('$1') ? ['x'] : []).then(() => undefined, (e: Error) => e);
      expect(err?.message, sql).to.contain('append-only');
    }
    expect((await auditOf(db.pool, tickets[0]!.id)).map((a) => a.action)).to.deep.equal(['ticket.registered', 'ticket.viewed']);
    expect(await appendAudit(db.pool, { ticketId: tickets[0]!.id, actor: 'x', action: 'y', idempotencyKey: 'k1' })).to.equal(true);
    expect(await appendAudit(db.pool, { ticketId: tickets[0]!.id, actor: 'x', action: 'y', idempotencyKey: 'k1' })).to.equal(false);
  });

  it('lists by department, status and flags, newest first, in keyset pages', async () => {
    const a = await listTickets(db.pool, { departments: ['A'] });
    expect(a.tickets.map((t) => t.id)).to.deep.equal([tickets[2]!.id, tickets[0]!.id]);
    expect((await listTickets(db.pool, { status: ['accepted'], kind: 'complaint' })).tickets).to.have.length(2);
    expect((await listTickets(db.pool, { professionalClaimant: true })).tickets.map((t) => t.id)).to.deep.equal([tickets[2]!.id]);
    expect((await listTickets(db.pool, { kind: 'report' })).tickets.map((t) => t.id)).to.deep.equal([tickets[5]!.id]);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listTickets(db.pool, { kind: 'complaint', limit: 2, cursor });
      seen.push(...page.tickets.map((t) => t.id));
      cursor = page.next;
    } while (cursor);
    expect(seen).to.deep.equal(tickets.slice(0, 5).map((t) => t.id).reverse());
  });

  it('list rows mask personal data', () => {
    const item = toListItem(tickets[0]!);
    expect(item.complainantPhone).to.equal('138****0000');
    expect(item.complainantAddress).to.equal('浙江省杭州市西湖区****');
    expect(item.complainantIdNumber).to.match(/^\d{6}\*{8}\d{3}[\dX]$/);
    const anonymous = toListItem(tickets[5]!);
    expect(anonymous).to.include({ anonymous: true, complainantName: null, complainantPhone: null });
  });

  it('every list query uses an index', async () => {
    const client = await db.pool.connect();
    try {
      await client.query('SET enable_seqscan = off');
      const plans: Record<string, string> = {};
      const explain = async (name: string, sql: string, params: unknown[]) => {
        const rows = (await client.query(`EXPLAIN ${sql}`, params)).rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n');
        plans[name] = rows;
      };
      await explain('department', 'SELECT * FROM tickets WHERE department = ANY($1) ORDER BY received_at DESC, id DESC LIMIT 51', [['A']]);
      await explain('status', 'SELECT * FROM tickets WHERE status = ANY($1) ORDER BY received_at DESC, id DESC LIMIT 51', [['accepted']]);
      await explain('respondent', 'SELECT * FROM tickets WHERE respondent_uscc = $1 ORDER BY received_at DESC, id DESC LIMIT 51', ['x']);
      await explain('external', 'SELECT * FROM tickets WHERE channel = $1 AND external_no = $2', ['12315', 'x']);
      await explain('dedup', `SELECT id FROM tickets WHERE dedup_key = $1 AND received_at <= $2 ORDER BY received_at LIMIT 1`, ['x', new Date()]);
      await explain('complainant', 'SELECT count(*) FROM tickets WHERE complainant_key = $1 AND received_at <= $2', ['x', new Date()]);
      await explain('without process', `SELECT * FROM tickets WHERE process_instance_key IS NULL AND kind IN ('complaint', 'report') AND registered_at < $1 ORDER BY registered_at LIMIT 100`, [new Date()]);
      await explain('deadlines', 'SELECT * FROM ticket_deadlines WHERE completed_at IS NULL AND due_at < $1 ORDER BY due_at LIMIT 200', [new Date()]);
      await explain('audit', 'SELECT * FROM ticket_audit WHERE ticket_id = $1 ORDER BY id', [tickets[0]!.id]);
      await explain('notices', 'SELECT * FROM notices WHERE ticket_id = $1 ORDER BY issued_at', [tickets[0]!.id]);
      await explain('links', 'SELECT * FROM ticket_links WHERE to_ticket_id = $1', [tickets[0]!.id]);
      await explain('cases', 'SELECT * FROM cases WHERE stage = $1 ORDER BY created_at DESC LIMIT 100', ['investigation']);
      await explain('supervision', 'SELECT * FROM supervision_list WHERE cleared_at IS NULL ORDER BY listed_at DESC LIMIT 200', []);
      await explain('case of ticket', 'SELECT * FROM cases WHERE ticket_id = $1 ORDER BY created_at', [tickets[0]!.id]);
      await explain('notifications', 'SELECT * FROM notifications WHERE recipient = ANY($1) AND read_at IS NULL ORDER BY created_at DESC LIMIT 50', [['dept:A']]);
      for (const [name, plan] of Object.entries(plans)) expect(plan, `${name}:\n${plan}`).not.to.match(/Seq Scan/);
    } finally {
      client.release();
    }
  });

  it('cases record their stages and are linked to the ticket', async () => {
    const ticket = tickets[1]!;
    const c = await createCase(db.pool, { ticketId: ticket.id, actor: 'user:legal', createdAt: new Date('2026-10-10T02:00:00Z') });
    expect(c.caseNo).to.match(/^AJ2026\d{6}$/);
    await setCaseStage(db.pool, c.id, { stage: 'filing_approval', actor: 'user:deputy' });
    const filed = await setCaseStage(db.pool, c.id, { stage: 'investigation', actor: 'user:deputy', at: new Date('2026-10-12T02:00:00Z') });
    expect(filed.filedAt?.toISOString()).to.equal('2026-10-12T02:00:00.000Z');
    const closed = await setCaseStage(db.pool, c.id, { stage: 'closed', actor: 'user:legal', decision: 'penalty' });
    expect(closed).to.include({ stage: 'closed', decision: 'penalty' });
    expect((await caseStages(db.pool, c.id)).map((s) => s.stage)).to.deep.equal(['clue_verification', 'filing_approval', 'investigation', 'closed']);
    expect((await casesOfTicket(db.pool, ticket.id)).map((x) => x.id)).to.deep.equal([c.id]);
    expect((await linksOf(db.pool, ticket.id)).map((l) => [l.kind, l.toCaseId])).to.deep.equal([['converted', c.id]]);
  });

  it('keeps one deadline per step and lists the open ones by due time', async () => {
    const base = { ticketId: tickets[3]!.id, startedAt: new Date('2026-10-04T01:00:00Z'), remindAt3: null, remindAt2: null, dueDayStart: null, extendedDueAt: null, regulation: 'SAMR Order No. 20', article: 'Art 14', citation: null };
    await upsertDeadline(db.pool, { ...base, step: 'accept', dueDate: '2026-10-15', dueAt: new Date('2026-10-15T16:00:00Z') });
    await upsertDeadline(db.pool, { ...base, step: 'accept', dueDate: '2026-10-16', dueAt: new Date('2026-10-16T16:00:00Z') });
    const [d] = await deadlinesOf(db.pool, tickets[3]!.id);
    expect(d).to.include({ step: 'accept', dueDate: '2026-10-16', article: 'Art 14' });
    expect((await openDeadlinesDueBefore(db.pool, new Date('2026-10-17T00:00:00Z'))).map((x) => x.ticketId)).to.include(tickets[3]!.id);
    expect((await openDeadlinesDueBefore(db.pool, new Date('2026-10-16T00:00:00Z'))).map((x) => x.ticketId)).not.to.include(tickets[3]!.id);
  });

  it('notifications reach a user through any of its groups, once per idempotency key', async () => {
    await addNotification(db.pool, { recipient: 'dept:A', ticketId: tickets[0]!.id, title: '催办', body: '请办理', idempotencyKey: 'n1' });
    await addNotification(db.pool, { recipient: 'dept:A', ticketId: tickets[0]!.id, title: '催办', body: '请办理', idempotencyKey: 'n1' });
    const list = await notificationsFor(db.pool, ['user:u1', 'dept:A'], { unreadOnly: true });
    expect(list).to.have.length(1);
    await markNotificationRead(db.pool, list[0]!.id);
    expect(await notificationsFor(db.pool, ['dept:A'], { unreadOnly: true })).to.have.length(0);
  });
});
