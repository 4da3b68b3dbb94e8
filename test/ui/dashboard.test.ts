// The supervision dashboard and the public disclosure on the whole product: two complaints
// registered through the real intake (routed by the real process), concluded tickets of the
// months before written through the ticket store; the supervisor reads the KPIs (the same
// as the API's), sees the flagged unit in the ranking, switches to the year, and downloads
// the Excel file; then the public page opens without signing in, masked.
import { expect } from 'chai';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { signedIn, type Client } from '../server/support.ts';
import { eventually, jinanComplaint } from '../server/ticket-env.ts';
import { seedTicket } from '../server/ticket-seed.ts';
import { signInAs, startUiProduct, type UiProduct } from './support/product.ts';

describe('dashboard (监管看板) and public disclosure (投诉公示) in the browser', function () {
  this.timeout(300_000);
  let p: UiProduct;
  let page: Page;
  let supervisor: Client;

  before(async () => {
    p = await startUiProduct();
    page = p.ui.page;
    const clerk = await signedIn(p.env.t, 'dengji');
    for (const respondent of ['济南某某电器有限公司', '济南某某家具有限公司']) {
      const answer = await clerk.post('/api/tickets', jinanComplaint({ respondent: { name: respondent, address: '济南市历下区泉城路1号', regionCode: '370102' } }));
      expect(answer.status, JSON.stringify(answer.body)).to.equal(201);
      const id = answer.body.tickets[0].id;
      await eventually(async () => {
        const { rows } = await p.env.t.pool.query('SELECT department FROM tickets WHERE id = $1', [id]);
        return rows[0]?.department ?? undefined;
      }, 'routing');
    }
    // July to September: 甸柳所 unsatisfied each month, 济阳 satisfied: 历下区局 is flagged.
    const pool = p.env.t.pool;
    for (const m of ['07', '08', '09']) {
      await seedTicket(pool, { department: '370102-DL', received: `2026-${m}-02 10:00`, closed: `2026-${m}-20 10:00`, satisfaction: '不满意', category: '产品质量' });
      await seedTicket(pool, {
        department: '370115-JY', received: `2026-${m}-03 10:00`, closed: `2026-${m}-21 10:00`, satisfaction: '满意', category: '食品药品安全',
        respondent: { name: '济阳某某超市' }, goods: '月饼', amountRecovered: 120,
        complainant: { name: '欧阳明', phone: '13812345678', consentPublish: m === '09' },
        notices: [{ template: 'mediation-agreement', issued: `2026-${m}-18 10:00` }],
      });
    }
    supervisor = await signedIn(p.env.t, 'duban');
  });
  after(async () => { await p?.stop(); });
  afterEach(function () {
    if (this.currentTest?.state === 'failed') return;
    expect(p.ui.problems, 'page errors, console errors or refused content').to.deep.equal([]);
  });

  async function expectCardsMatch(apiKpis: Record<string, number | null>) {
    for (const [id, value] of Object.entries(apiKpis)) {
      const card = page.locator(`[data-test="kpi-${id}"] .kpi-value`);
      expect(await card.getAttribute('data-value'), id).to.equal(value === null ? '' : String(value));
    }
  }

  it('shows the supervisor this month\'s KPIs as the API computes them, charts, the ranking with its flag and hot spots', async () => {
    await signInAs(page, p.base, 'supervisor');
    await page.goto(`${p.base}/supervision/dashboard`);
    await page.locator('[data-test="kpi-received"]').waitFor();
    const api = await supervisor.get('/api/statistics');
    expect(api.status).to.equal(200);
    expect(api.body.period.label).to.equal('2026-09');
    expect(api.body.kpis).to.include({ received: 4, closed: 2, satisfactionRate: 50, mediationSuccessRate: 100, amountRecovered: 120 });
    await expectCardsMatch(api.body.kpis);
    expect(await page.locator('[data-test="kpi-satisfactionRate"]').innerText()).to.contain('50.0%');
    expect(await page.locator('[data-test="dashboard-caption"]').innerText()).to.contain('2026年9月');
    expect(await page.locator('[data-test="chart-trend"] canvas').count()).to.equal(1);

    const flagged = page.locator('[data-test="ranking-table"] .el-table__body-wrapper tr.row-flagged');
    await expect(await flagged.count()).to.equal(1);
    const flaggedRow = api.body.ranking.rows.find((r: any) => r.flagged);
    expect(flaggedRow.code).to.equal('370102');
    expect(await flagged.innerText()).to.contain(flaggedRow.name);
    expect(await page.locator('[data-test="ranking-flag"]').count()).to.be.at.least(1);
    expect(await page.locator('[data-test="hotspot-respondent"]').innerText()).to.contain('济南某某电器有限公司');
    await p.ui.screenshot('dashboard-month');
    await page.locator('[data-test="ranking-table"]').scrollIntoViewIfNeeded();
    await p.ui.screenshot('dashboard-ranking');
  });

  it('switches to the year and downloads the Excel workbook of what it shows', async () => {
    // Listening before the click: the answer can come before a listener set up after it.
    await Promise.all([
      page.waitForResponse((r) => r.url().includes('/api/statistics?') && r.url().includes('period=2026') && r.ok()),
      page.locator('[data-test="dashboard-period-kind"]').getByText('年', { exact: true }).click(),
    ]);
    await expect(await page.locator('[data-test="dashboard-caption"]').innerText()).to.contain('2026年');
    const api = await supervisor.get('/api/statistics?period=2026');
    expect(api.body.kpis.received).to.equal(8);
    await page.waitForFunction(() => document.querySelector('[data-test="kpi-received"] .kpi-value')?.getAttribute('data-value') === '8');
    await expectCardsMatch(api.body.kpis);
    await p.ui.screenshot('dashboard-year');

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test="dashboard-export"]').click()]);
    expect(download.suggestedFilename()).to.match(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    expect(workbook.worksheets.map((w) => w.name)).to.deep.equal(['指标', '排名', '月度趋势']);
    const rows = workbook.getWorksheet('指标')!.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
    const kpi = Object.fromEntries(rows.map((r) => [r[0], r[1]]));
    expect(kpi['登记量']).to.equal(8);
    expect(kpi['满意率']).to.equal(api.body.kpis.satisfactionRate);
  });

  it('opens the public disclosure without signing in, with the complainant masked', async () => {
    await page.context().clearCookies();
    await page.goto(`${p.base}/public/disclosure`);
    const table = page.locator('[data-test="disclosure-table"]');
    await table.locator('.el-table__body tr').first().waitFor();
    const text = await table.innerText();
    expect(text).to.contain('济阳某某超市').and.contain('欧阳某').and.contain('138****5678').and.contain('调解成功');
    expect(text).not.to.contain('13812345678');
    expect(await table.locator('.el-table__body tr').count()).to.equal(1);   // only September's consented one
    expect(page.url()).to.equal(`${p.base}/public/disclosure`);
    expect(await page.locator('[data-test="disclosure-year"]').innerText()).to.contain('2026年');   // the server's year
    await p.ui.screenshot('public-disclosure');
  });
});
