// A ticket whose time limit runs into a year nobody has entered yet stops at an incident;
// when the process admin saves that year, the server retries those incidents itself and the
// ticket goes on — on the real engine and workers.
import { expect } from 'chai';
import { deadlinesOf } from '../../tickets/index.ts';
import { signedIn, type Client } from './support.ts';
import { eventually, jinanComplaint, startTicketEnv, type TicketEnv } from './ticket-env.ts';

describe('server: saving a missing calendar year resumes the tickets that waited for it', function () {
  this.timeout(120_000);
  const RECEIVED = '2026-12-28T10:00:00+08:00';
  let env: TicketEnv;
  let clerk: Client;
  let admin: Client;

  before(async () => {
    env = await startTicketEnv();
    // Late December: the 受理审查 limit (working days) runs into 2027.
    await (env.engine.api as any).pinClock({ timestamp: Date.parse(RECEIVED) });
    env.t.clock.now = new Date(RECEIVED);
    clerk = await signedIn(env.t, 'dengji');
    admin = await signedIn(env.t, 'liucheng');
  });
  after(async () => { await env?.stop(); });

  const calendarIncidents = async () => {
    const found = await (env.engine.rest as any).searchIncidents({ filter: { state: 'ACTIVE' }, page: { from: 0, limit: 50 } });
    return (found.items as { errorMessage: string }[]).filter((i) => i.errorMessage.includes('没有 2027 年的节假日安排数据'));
  };

  it('stops at an incident naming the year, and goes on once the year is saved', async () => {
    const registered = await clerk.post('/api/tickets', jinanComplaint({ receivedAt: RECEIVED }));
    expect(registered.status, JSON.stringify(registered.body)).to.equal(201);
    const ticketId = registered.body.tickets[0].id;
    await eventually(async () => ((await calendarIncidents()).length ? true : undefined), 'the calendar incident');
    expect(await deadlinesOf(env.t.pool, ticketId)).to.deep.equal([]);

    const saved = await admin.put('/api/calendar/2027', { entries: [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }] });
    expect(saved.status, JSON.stringify(saved.body)).to.equal(200);
    expect(saved.body.resumed).to.equal(1);

    const deadline = await eventually(async () => (await deadlinesOf(env.t.pool, ticketId))[0], 'the 受理审查 deadline');
    // 7 working days after 12-28 with 2027-01-01 a holiday: 29, 30, 31, 4, 5, 6, 7.
    expect(deadline.dueDate).to.equal('2027-01-07');
    expect(await calendarIncidents()).to.deep.equal([]);
    // The retry is in the ticket's timeline, by the admin who saved the year.
    const { rows } = await env.t.pool.query(`SELECT actor FROM ticket_audit WHERE ticket_id = $1 AND action = 'process.incidentRetried'`, [ticketId]);
    expect(rows).to.have.length(1);
  });

  it('saving a year again resumes nothing more', async () => {
    const again = await admin.put('/api/calendar/2027', { entries: [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }, { date: '2027-01-02', kind: 'holiday', name: '元旦' }] });
    expect(again.status).to.equal(200);
    expect(again.body.resumed).to.equal(0);
  });
});
