// Statistics through the API: tickets in known states (written through the ticket store),
// the KPIs of DOMAIN.md worked out by hand below for April 2026, the ranking with the
// three-months-below-average flag, hot spots, department scope, and the Excel export read
// back with exceljs.
import { expect } from 'chai';
import ExcelJS from 'exceljs';
import { migrateTickets } from '../../tickets/index.ts';
import { signedIn, startTestServer, type Client, type TestServer } from './support.ts';
import { seedTicket } from './ticket-seed.ts';

const DL = '370102-DL';   // 甸柳所, under 历下区局 370102
const JY = '370115-JY';   // under 济阳区局 370115
const SHOP_A = { name: '济南甲食品有限公司', uscc: '91370102MA3C00000A', regionCode: '370102' };

describe('server: statistics API', function () {
  this.timeout(60_000);
  let t: TestServer;
  let leader: Client;
  let handler: Client;

  before(async () => {
    t = await startTestServer();
    await migrateTickets(t.pool);
    const p = t.pool;
    // April 2026, 甸柳所.
    // T1 accepted on time, mediated to an agreement, closed satisfied, 500 yuan recovered, online.
    await seedTicket(p, { department: DL, received: '2026-04-01 10:00', category: '食品药品安全', online: true, respondent: SHOP_A,
      deadlines: [{ step: 'complaint.accept', dueDay: '2026-04-10', completed: '2026-04-08 15:00' }],
      notices: [{ template: 'accept-decision', issued: '2026-04-08 15:00' }, { template: 'mediation-agreement', issued: '2026-04-20 10:00' }],
      closed: '2026-04-25 10:00', satisfaction: '满意', amountRecovered: 500 });
    // T2 accepted late, mediation terminated, a case opened (诉转案), reopened once, closed unsatisfied.
    await seedTicket(p, { department: DL, received: '2026-04-02 10:00', channel: '12345', category: '产品质量',
      deadlines: [{ step: 'complaint.accept', dueDay: '2026-04-10', completed: '2026-04-14 09:00' }],
      notices: [{ template: 'accept-decision', issued: '2026-04-14 09:00' }, { template: 'termination-decision', issued: '2026-04-28 10:00' }],
      caseOpened: '2026-04-22 10:00', closed: '2026-04-29 10:00', satisfaction: '不满意', reopenCount: 1 });
    // T3 a report verified on time and closed.
    await seedTicket(p, { kind: 'report', channel: 'letter', department: DL, received: '2026-04-03 10:00', category: '价格违法',
      deadlines: [{ step: 'report.verify', dueDay: '2026-04-23', completed: '2026-04-23 16:00' }], closed: '2026-04-23 16:00' });
    // T4 a professional claimant's complaint, its accept decision still open past 2026-04-20: overdue.
    await seedTicket(p, { department: DL, received: '2026-04-10 10:00', category: '食品药品安全', professional: true, respondent: SHOP_A,
      deadlines: [{ step: 'complaint.accept', dueDay: '2026-04-20' }] });
    // T11 just registered.
    await seedTicket(p, { department: DL, received: '2026-04-12 10:00', category: '食品药品安全', respondent: SHOP_A });
    // T12 not routed yet: it counts for the city only.
    await seedTicket(p, { received: '2026-04-15 10:00', category: '其他' });
    // April, 济阳: T5 accepted on time, agreement, closed very satisfied, 300 yuan.
    await seedTicket(p, { department: JY, channel: 'online', received: '2026-04-05 10:00', category: '虚假宣传',
      deadlines: [{ step: 'complaint.accept', dueDay: '2026-04-15', completed: '2026-04-07 10:00' }],
      notices: [{ template: 'accept-decision', issued: '2026-04-07 10:00' }, { template: 'mediation-agreement', issued: '2026-04-15 10:00' }],
      closed: '2026-04-16 10:00', satisfaction: '非常满意', amountRecovered: 300 });
    // February and March: 甸柳 unsatisfied, 济阳 satisfied (the flag needs three months in a row).
    await seedTicket(p, { department: DL, received: '2026-02-02 10:00', closed: '2026-02-15 10:00', satisfaction: '不满意' });
    await seedTicket(p, { department: JY, received: '2026-02-03 10:00', closed: '2026-02-16 10:00', satisfaction: '满意' });
    await seedTicket(p, { department: DL, received: '2026-03-10 10:00', category: '食品药品安全', respondent: SHOP_A, closed: '2026-03-20 10:00', satisfaction: '不满意' });
    await seedTicket(p, { department: JY, received: '2026-03-11 10:00', closed: '2026-03-21 10:00', satisfaction: '满意' });
    // May: outside April.
    await seedTicket(p, { department: DL, received: '2026-05-02 10:00', respondent: SHOP_A, category: '食品药品安全' });

    leader = await signedIn(t, 'fenguan');
    handler = await signedIn(t, 'chengban');
  });
  after(async () => { await t?.stop(); });

  it('computes every KPI of a department for a month from the tickets', async () => {
    const answer = await handler.get(`/api/statistics?department=${DL}&period=2026-04`);
    expect(answer.status, JSON.stringify(answer.body)).to.equal(200);
    expect(answer.body.period).to.include({ kind: 'month', firstDay: '2026-04-01', lastDay: '2026-04-30' });
    expect(answer.body.kpis).to.deep.equal({
      acceptOnTimeRate: 50,          // T1 on time, T2 late
      closedOnTimeRate: 66.7,        // T1, T3 of T1, T2, T3
      reportVerifiedOnTimeRate: 100, // T3
      mediationSuccessRate: 50,      // T1 agreement, T2 terminated
      satisfactionRate: 50,          // T1 满意, T2 不满意
      amountRecovered: 500,
      conversions: 1,                // T2
      conversionRate: 50,            // of T1, T2 accepted
      reopenRate: 33.3,              // T2 of 3 closed
      overdue: 2,                    // T2 (decided late), T4 (still open)
      received: 5,
      closed: 3,
      onlineShare: 20,               // T1 of 5
      professionalShare: 20,         // T4 of 5
    });
    expect(answer.body.definitions.map((d: any) => d.label)).to.include.members(['按时初查率', '按时办结率', '举报按时核查率', '调解成功率', '满意率', '挽回经济损失', '诉转案数', '重办率']);
  });

  it('adds up the departments below for the city, and gives the trend per month', async () => {
    const answer = await leader.get('/api/statistics?period=2026-04');
    expect(answer.status).to.equal(200);
    expect(answer.body.department.code).to.equal('370100');
    expect(answer.body.kpis).to.include({
      received: 7, acceptOnTimeRate: 66.7, closedOnTimeRate: 75, satisfactionRate: 66.7, mediationSuccessRate: 66.7,
      amountRecovered: 800, conversionRate: 33.3, reopenRate: 25, overdue: 2,
    });
    const byMonth = Object.fromEntries(answer.body.trend.map((m: any) => [m.month, m.kpis]));
    expect(answer.body.trend).to.have.length(12);
    expect(answer.body.trend[11].month).to.equal('2026-04');
    expect(byMonth['2026-02']).to.include({ closed: 2, satisfactionRate: 50 });
    expect(byMonth['2026-03']).to.include({ closed: 2, satisfactionRate: 50 });
    expect(byMonth['2026-04']).to.deep.equal(answer.body.kpis);
    expect(byMonth['2025-05']).to.include({ received: 0, satisfactionRate: null });
    const categories = Object.fromEntries(answer.body.breakdowns.category.map((c: any) => [c.key, c.count]));
    expect(categories).to.deep.equal({ 食品药品安全: 3, 产品质量: 1, 价格违法: 1, 虚假宣传: 1, 其他: 1 });
    const channels = Object.fromEntries(answer.body.breakdowns.channel.map((c: any) => [c.key, c.count]));
    expect(channels).to.deep.equal({ 12315: 4, 12345: 1, letter: 1, online: 1 });
    // The units below add up to the city but for the ticket not routed yet.
    const units = answer.body.breakdowns.department.reduce((sum: number, u: any) => sum + u.count, 0);
    expect(units).to.equal(answer.body.kpis.received - 1);
  });

  it('ranks the units below and flags one worse than the city three months in a row', async () => {
    const { body } = await leader.get('/api/statistics?department=370100&period=2026-04');
    expect(body.ranking.flagMonths).to.deep.equal(['2026-02', '2026-03', '2026-04']);
    const [first, second] = body.ranking.rows;
    expect(first).to.include({ rank: 1, code: '370115', flagged: false });   // closed on time 100%
    expect(first.kpis.closedOnTimeRate).to.equal(100);
    expect(second).to.include({ rank: 2, code: '370102', flagged: true });   // 66.7%
    // 满意率 0 / 0 / 50 against the city's 50 / 50 / 66.7; every other rate equal or unknown in some month.
    expect(second.belowAverage).to.deep.equal([{
      kpi: 'satisfactionRate', label: '满意率',
      months: [{ month: '2026-02', value: 0, city: 50 }, { month: '2026-03', value: 0, city: 50 }, { month: '2026-04', value: 50, city: 66.7 }],
    }]);
    expect(body.ranking.rows.slice(2).every((r: any) => r.kpis.received === 0 && !r.flagged)).to.equal(true);
    expect(body.ranking.city).to.include({ code: '370100' });
  });

  it('finds hot spots against the usual level of the months before', async () => {
    const { body } = await leader.get('/api/statistics?period=2026-04');
    // 济南甲食品: 3 in April (T1, T4, T11), 1 in the four months before (usual 0.25).
    expect(body.hotSpots.respondent[0]).to.deep.equal({ key: SHOP_A.uscc, label: SHOP_A.name, count: 3, usual: 0.3, unusual: true });
    expect(body.hotSpots.category[0]).to.include({ key: '食品药品安全', count: 3, unusual: true });
    expect(body.hotSpots.area[0]).to.include({ key: '370102', count: 3 });
  });

  it('keeps a handler to its department and below', async () => {
    const own = await handler.get('/api/statistics?period=2026-04');
    expect(own.status).to.equal(200);
    expect(own.body.department.code).to.equal(DL);
    expect(own.body.ranking.rows.map((r: any) => r.code)).to.deep.equal([DL]);
    for (const code of ['370100', '370102', JY]) {
      const other = await handler.get(`/api/statistics?department=${code}&period=2026-04`);
      expect(other.status, code).to.equal(404);
    }
    const departments = await handler.get('/api/statistics/departments');
    expect(departments.body.items.map((d: any) => d.code)).to.deep.equal([DL]);
    const all = await leader.get('/api/statistics/departments');
    expect(all.body.items.map((d: any) => d.code)).to.include.members(['370100', '370102', DL, JY]);
  });

  it('takes quarters, years and custom ranges, and refuses bad periods naming the field', async () => {
    const quarter = await leader.get('/api/statistics?period=2026-Q2');
    expect(quarter.body.period).to.include({ firstDay: '2026-04-01', lastDay: '2026-06-30' });
    expect(quarter.body.kpis.received).to.equal(8);          // April 7 + May 1
    const year = await leader.get('/api/statistics?period=2026');
    expect(year.body.kpis.received).to.equal(12);
    expect(year.body.kpis.closed).to.equal(8);
    const range = await leader.get('/api/statistics?from=2026-04-01&to=2026-04-05');
    expect(range.body.period.kind).to.equal('range');
    expect(range.body.kpis.received).to.equal(4);            // T1, T2, T3, T5
    const current = await leader.get('/api/statistics');
    expect(current.body.period.label).to.equal('2026-05');    // the server's clock: 2026-05-11

    for (const [query, path] of [['period=2026-13', 'query.period'], ['from=2026-04-01', 'query.to'], ['from=2026-04-09&to=2026-04-01', 'query.to'], ['period=2026&from=2026-01-01&to=2026-01-02', 'query.period']]) {
      const bad = await leader.get(`/api/statistics?${query}`);
      expect(bad.status, query).to.equal(400);
      expect(bad.body.error.details.map((d: any) => d.path), query).to.include(path);
    }
  });

  it('exports the KPIs, the ranking and the trend to an Excel workbook with Chinese headers', async () => {
    const { body } = await leader.get('/api/statistics?period=2026-04');
    const res = await fetch(`${t.base}/api/statistics/export?period=2026-04`, { headers: { cookie: leader.cookie! } });
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-type')).to.contain('spreadsheetml');
    expect(res.headers.get('content-disposition')).to.contain(encodeURIComponent('统计-'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    expect(workbook.worksheets.map((w) => w.name)).to.deep.equal(['指标', '排名', '月度趋势']);

    const values = (sheet: ExcelJS.Worksheet) => sheet.getSheetValues().filter(Boolean).map((row) => (row as unknown[]).slice(1));
    const kpiRows = values(workbook.getWorksheet('指标')!);
    const header = kpiRows.findIndex((r) => r[0] === '指标');
    expect(kpiRows[header]).to.deep.equal(['指标', '数值', '单位', '计算方法']);
    const kpi = Object.fromEntries(kpiRows.slice(header + 1).map((r) => [r[0], r[1]]));
    expect(kpi).to.include({ 按时办结率: 75, 按时初查率: 66.7, 满意率: 66.7, 挽回经济损失: 800, 诉转案数: 1 });

    const rankRows = values(workbook.getWorksheet('排名')!);
    const rankHeader = rankRows.findIndex((r) => r[0] === '名次');
    const cols = rankRows[rankHeader] as string[];
    const lines = rankRows.slice(rankHeader + 1);
    expect(lines).to.have.length(body.ranking.rows.length + 1);
    expect(lines[0]![cols.indexOf('单位')]).to.equal(body.ranking.rows[0].name);
    expect(lines[1]![cols.indexOf('单位')]).to.equal(body.ranking.rows[1].name);
    expect(lines[1]![cols.indexOf('约谈')]).to.equal('是');
    expect(lines[1]![cols.indexOf('连续低于全市平均')]).to.equal('满意率');
    expect(lines[1]![cols.indexOf('按时办结率')]).to.equal(66.7);
    expect(String(lines.at(-1)![cols.indexOf('单位')])).to.contain('全市平均');

    const trend = values(workbook.getWorksheet('月度趋势')!);
    expect(trend.at(-1)![0]).to.equal('2026-04');
  });
});
