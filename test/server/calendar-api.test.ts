// The holiday calendar as data: a process admin enters a new year's State Council notice;
// a wrong entry is refused naming its field and nothing changes; deadlines then count with it.
import { expect } from 'chai';
import { loadHolidayCalendar, migrateTickets } from '../../tickets/index.ts';
import { signedIn, startTestServer, type Client, type TestServer } from './support.ts';

describe('server: holiday calendar (节假日日历)', function () {
  this.timeout(60_000);
  let t: TestServer;
  let admin: Client;

  before(async () => {
    t = await startTestServer();
    await migrateTickets(t.pool);
    admin = await signedIn(t, 'liucheng');
  });
  after(async () => { await t?.stop(); });

  const year2027 = [
    { date: '2027-01-01', kind: 'holiday', name: '元旦' },
    { date: '2027-01-04', kind: 'holiday', name: '元旦调休' },
    { date: '2027-01-09', kind: 'workday', name: '元旦调休上班' },
  ];

  it('refuses a wrong entry naming its field, and keeps nothing', async () => {
    const answer = await admin.put('/api/calendar/2027', { entries: [year2027[0], { date: '2027-02-30', kind: 'holiday', name: '春节' }] });
    expect(answer.status).to.equal(400);
    expect(answer.body.error.details.map((d: { path: string }) => d.path)).to.include('entries[1].date');
    expect((await admin.get('/api/calendar?year=2027')).body.entries).to.deep.equal([]);
  });

  it('refuses a date outside the year', async () => {
    const answer = await admin.put('/api/calendar/2027', { entries: [{ date: '2028-01-01', kind: 'holiday', name: '元旦' }] });
    expect(answer.status).to.equal(400);
    expect(answer.body.error.details[0].path).to.equal('entries[0].date');
  });

  it('saves a year; working days then count across it', async () => {
    const before = await loadHolidayCalendar(t.pool);
    expect(() => before.addWorkingDays('2026-12-30', 3)).to.throw(/2027/);
    const answer = await admin.put('/api/calendar/2027', { entries: year2027 });
    expect(answer.status).to.equal(200);
    expect(answer.body.entries).to.deep.equal(year2027);
    const after = await loadHolidayCalendar(t.pool);
    // 12-31, then 01-01 and 01-04 off (01-02/03 a weekend), 01-05, 01-06.
    expect(after.addWorkingDays('2026-12-30', 3)).to.equal('2027-01-06');
    expect(after.isWorkingDay('2027-01-09')).to.equal(true);
  });

  it('is for process admins only', async () => {
    const handler = await signedIn(t, 'chengban');
    expect((await handler.put('/api/calendar/2027', { entries: year2027 })).status).to.equal(403);
    expect((await handler.get('/api/calendar')).status).to.equal(403);
  });
});
