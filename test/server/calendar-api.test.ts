// The holiday calendar as data: a process admin enters a new year's State Council notice;
// a wrong entry is refused naming its field and nothing changes; deadlines then count with it.
// Every save is a version: history with who and when, a diff, and 回滚 that deadlines follow.
import fs from 'node:fs';
import { expect } from 'chai';
import { createPool, createTestDatabase } from '../../database/index.ts';
import { loadHolidayCalendar, migrateTickets } from '../../tickets/index.ts';
import { departmentId, signedIn, signedInFirstTime, startTestServer, type Client, type TestServer } from './support.ts';

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

  describe('versions (历史版本, 对比, 回滚)', () => {
    let second: Client;
    const v1 = [
      { date: '2028-01-01', kind: 'holiday', name: '元旦' },
      { date: '2028-01-03', kind: 'holiday', name: '元旦' },
      { date: '2028-01-08', kind: 'workday', name: '元旦调休上班' },
    ];
    const v2 = [
      { date: '2028-01-01', kind: 'holiday', name: '元旦' },
      { date: '2028-01-03', kind: 'holiday', name: '元旦补休' },
      { date: '2028-01-04', kind: 'holiday', name: '元旦补休' },
    ];
    const savedAt: string[] = [];
    const state = async () => ({
      entries: (await admin.get('/api/calendar?year=2028')).body.entries,
      versions: (await admin.get('/api/calendar/2028/versions')).body.versions.map((v: { version: number }) => v.version),
    });

    before(async () => {
      const sysadmin = await signedIn(t, 'admin');
      const created = await sysadmin.post('/api/admin/users', { login: 'liucheng2', displayName: '第二流程管理员', departmentId: await departmentId(t, '370100'), roles: ['process-admin'] });
      expect(created.status, JSON.stringify(created.body)).to.equal(201);
      second = await signedInFirstTime(t, 'liucheng2', created.body.initialPassword);
    });

    it('keeps each save of a year as a version with who and when; an unchanged save adds none', async () => {
      const first = await admin.put('/api/calendar/2028', { entries: v1 });
      expect(first.body).to.deep.include({ version: 1, changed: true });
      savedAt.push(t.clock.now.toISOString());
      t.clock.advance(60_000);
      const again = await second.put('/api/calendar/2028', { entries: [v2[2], v2[0], v2[1]] });
      expect(again.body).to.deep.include({ version: 2, changed: true, entries: v2 });
      savedAt.push(t.clock.now.toISOString());
      t.clock.advance(60_000);
      expect((await admin.put('/api/calendar/2028', { entries: v2 })).body).to.deep.include({ version: 2, changed: false });

      const history = await admin.get('/api/calendar/2028/versions');
      expect(history.status).to.equal(200);
      expect(history.body.versions).to.deep.equal([
        { year: 2028, version: 2, savedAt: savedAt[1], savedBy: { login: 'liucheng2', displayName: '第二流程管理员' }, holidays: 3, workdays: 0, rolledBackFrom: null },
        { year: 2028, version: 1, savedAt: savedAt[0], savedBy: { login: 'liucheng', displayName: history.body.versions[1].savedBy.displayName }, holidays: 2, workdays: 1, rolledBackFrom: null },
      ]);
      const one = await admin.get('/api/calendar/2028/versions/1');
      expect(one.body.entries).to.deep.equal(v1);
    });

    it('compares a version with the one in force, day by day, in Chinese', async () => {
      const diff = await admin.get('/api/calendar/2028/versions/1/diff');
      expect(diff.status).to.equal(200);
      expect(diff.body).to.deep.equal({
        from: 1,
        to: 2,
        changes: [
          { date: '2028-01-03', change: 'changed', before: { kind: 'holiday', name: '元旦' }, after: { kind: 'holiday', name: '元旦补休' }, text: '放假（元旦） 改为 放假（元旦补休）' },
          { date: '2028-01-04', change: 'added', before: null, after: { kind: 'holiday', name: '元旦补休' }, text: '新增 放假（元旦补休）' },
          { date: '2028-01-08', change: 'removed', before: { kind: 'workday', name: '元旦调休上班' }, after: null, text: '删除 调休上班（元旦调休上班）' },
        ],
      });
      expect((await admin.get('/api/calendar/2028/versions/2/diff')).body.changes).to.deep.equal([]);
    });

    it('checks a draft before saving and says what it would change, saving nothing', async () => {
      const draft = await admin.post('/api/calendar/2028/check', { entries: [...v2, { date: '2028-01-08', kind: 'workday', name: '调休上班' }] });
      expect(draft.body).to.deep.equal({ ok: true, errors: [], changes: [{ date: '2028-01-08', change: 'added', before: null, after: { kind: 'workday', name: '调休上班' }, text: '新增 调休上班（调休上班）' }] });
      const wrong = await admin.post('/api/calendar/2028/check', { entries: [...v2, { date: '2028-01-01', kind: 'workday', name: '重复' }] });
      expect(wrong.body.ok).to.equal(false);
      expect(wrong.body.errors.map((e: { path: string }) => e.path)).to.deep.equal(['entries[3].date']);
      expect(await state()).to.deep.equal({ entries: v2, versions: [2, 1] });
    });

    it('rolls back to a version as a new one; deadlines count with it from then on', async () => {
      const counting = await loadHolidayCalendar(t.pool);
      // After 01-01: 01-03 and 01-04 off, so 01-05, 01-06, 01-07.
      expect(counting.addWorkingDays('2028-01-01', 3)).to.equal('2028-01-07');
      expect(counting.isWorkingDay('2028-01-08')).to.equal(false);

      const rolledBack = await second.post('/api/calendar/2028/versions/1/rollback', {});
      expect(rolledBack.status).to.equal(201);
      expect(rolledBack.body).to.deep.equal({ entries: v1, version: 3, changed: true });
      const [latest] = (await admin.get('/api/calendar/2028/versions')).body.versions;
      expect(latest).to.deep.include({ version: 3, rolledBackFrom: 1, savedBy: { login: 'liucheng2', displayName: '第二流程管理员' }, savedAt: t.clock.now.toISOString() });

      const after = await loadHolidayCalendar(t.pool);
      expect(after.addWorkingDays('2028-01-01', 3)).to.equal('2028-01-06');
      expect(after.isWorkingDay('2028-01-08')).to.equal(true);
      // Rolling back to what is in force adds nothing.
      const same = await admin.post('/api/calendar/2028/versions/3/rollback', {});
      expect(same.status).to.equal(200);
      expect(same.body).to.deep.include({ version: 3, changed: false });
    });

    it('refuses a rollback to a version that does not exist, or one that fails the check, and changes nothing', async () => {
      const missing = await admin.post('/api/calendar/2028/versions/9/rollback', {});
      expect(missing.status).to.equal(404);
      expect(missing.body.error.message).to.contain('没有第 9 版');
      expect(await state()).to.deep.equal({ entries: v1, versions: [3, 2, 1] });

      // A version kept from before a stricter check: a day outside its year.
      await t.pool.query(`INSERT INTO holiday_calendar_versions (year, version, entries, saved_by, saved_at)
        VALUES (2028, 4, '[{"date": "2029-01-01", "kind": "holiday", "name": "元旦"}]', 'user:unknown', now())`);
      const broken = await admin.post('/api/calendar/2028/versions/4/rollback', {});
      expect(broken.status).to.equal(400);
      expect(broken.body.error.message).to.contain('第 4 版').and.contain('日期应在 2028 年内');
      expect(broken.body.error.details).to.deep.equal([{ path: 'entries[0].date', message: '日期应在 2028 年内' }]);
      expect(await state()).to.deep.equal({ entries: v1, versions: [4, 3, 2, 1] });
      expect((await loadHolidayCalendar(t.pool)).isWorkingDay('2028-01-08')).to.equal(true);
    });

    it('makes the entries of each year entered before versions were kept its version 1', async () => {
      const db = await createTestDatabase();
      const pool = createPool(db.url);
      const sql = (name: string) => fs.readFileSync(new URL(`../../tickets/migrations/${name}`, import.meta.url), 'utf8');
      try {
        await pool.query(sql('003_holiday_calendar.sql'));
        await pool.query(`INSERT INTO holiday_calendar_entries (date, kind, name, updated_by, updated_at) VALUES
          ('2027-01-04', 'holiday', '元旦调休', 'user:b', '2026-10-02T08:00:00Z'), ('2027-01-01', 'holiday', '元旦', 'user:b', '2026-10-02T08:00:00Z'),
          ('2028-01-01', 'holiday', '元旦', 'user:a', '2026-10-01T08:00:00Z')`);
        await pool.query(sql('006_holiday_calendar_versions.sql'));
        const { rows } = await pool.query('SELECT year, version, entries, saved_by, saved_at, rolled_back_from FROM holiday_calendar_versions ORDER BY year');
        expect(rows).to.deep.equal([
          { year: 2027, version: 1, entries: [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }, { date: '2027-01-04', kind: 'holiday', name: '元旦调休' }], saved_by: 'user:b', saved_at: new Date('2026-10-02T08:00:00Z'), rolled_back_from: null },
          { year: 2028, version: 1, entries: [{ date: '2028-01-01', kind: 'holiday', name: '元旦' }], saved_by: 'user:a', saved_at: new Date('2026-10-01T08:00:00Z'), rolled_back_from: null },
        ]);
      } finally {
        await pool.end();
        await db.drop();
      }
    });

    it('is for process admins only', async () => {
      const handler = await signedIn(t, 'chengban');
      expect((await handler.get('/api/calendar/2028/versions')).status).to.equal(403);
      expect((await handler.post('/api/calendar/2028/versions/1/rollback', {})).status).to.equal(403);
    });
  });
});
