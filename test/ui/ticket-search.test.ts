// 工单查询 in the browser on the whole product: the clerk finds a ticket by its respondent
// (常用 row) and by the open deadline's due date, opens 更多条件, exports the result to
// Excel (masked); on a phone-sized screen the 菜单 button opens the menu in a drawer,
// reachable by keyboard, and leads to 工单查询.
import { expect } from 'chai';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { deadlinesOf } from '../../tickets/index.ts';
import { signedIn } from '../server/support.ts';
import { ENGINE_CLOCK, eventually, jinanComplaint } from '../server/ticket-env.ts';
import { signInAs, startUiProduct, type UiProduct } from './support/product.ts';

const DESKTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };

describe('ticket search page and the phone menu', function () {
  this.timeout(300_000);
  let p: UiProduct;
  let page: Page;
  let aircon: { id: string; ticketNo: string };
  let mooncake: { id: string; ticketNo: string };
  let mooncakeDue: string;

  const rowTexts = () => page.locator('[data-test=tickets-table] .el-table__body-wrapper tbody tr td:first-child').allInnerTexts();
  /** Waits for the table to show exactly these ticket numbers. */
  const showsOnly = async (ticketNos: string[]) => {
    await eventually(async () => {
      const texts = (await rowTexts()).map((t) => t.trim());
      return JSON.stringify([...texts].sort()) === JSON.stringify([...ticketNos].sort()) ? true : undefined;
    }, `the table to show ${ticketNos.join(', ')}`);
  };

  before(async () => {
    p = await startUiProduct();
    page = p.ui.page;
    await page.clock.setFixedTime(new Date(ENGINE_CLOCK));
    const clerk = await signedIn(p.env.t, 'dengji');
    const register = async (s: Record<string, unknown>) => {
      const answer = await clerk.post('/api/tickets', s);
      expect(answer.status, JSON.stringify(answer.body)).to.equal(201);
      return answer.body.tickets[0];
    };
    aircon = await register(jinanComplaint());
    mooncake = await register(jinanComplaint({
      receivedAt: '2026-09-24T10:00:00+08:00',
      complainant: { name: '李四', phone: '13900001111' },
      respondent: { name: '济阳某某食品有限公司', regionCode: '370115', platform: '某某优选' },
      facts: { goodsOrService: '月饼', description: '网购月饼收到时已过保质期。' },
      category: '食品药品安全',
      online: true,
    }));
    const dueOf = (id: string) => eventually(async () => (await deadlinesOf(p.env.t.pool, id)).find((d) => !d.completedAt)?.dueDate, 'a deadline');
    mooncakeDue = await dueOf(mooncake.id);
    expect(await dueOf(aircon.id), 'the two complaints are due on different days').to.not.equal(mooncakeDue);
    await signInAs(page, p.base, 'dispatcher');
  });
  after(async () => { await p?.stop(); });
  afterEach(() => {
    expect(p.ui.problems, 'page errors, console errors or refused content').to.deep.equal([]);
  });

  it('finds a ticket by its respondent', async () => {
    await page.goto(`${p.base}/work/tickets`);
    await showsOnly([aircon.ticketNo, mooncake.ticketNo]);
    await page.locator('input[data-test=q-respondentName]').fill('电器');
    await page.locator('[data-test=q-search]').click();
    await showsOnly([aircon.ticketNo]);
    // The department column names the unit the process routed it to.
    await eventually(async () => {
      await page.locator('[data-test=q-search]').click();
      const row = await page.locator('[data-test=tickets-table] tbody tr').first().innerText();
      return row.includes('甸柳') ? true : undefined;
    }, 'the routed unit\'s name in the row');
  });

  it('finds a ticket by the due date of its open deadline', async () => {
    await page.getByRole('button', { name: '重置' }).click();
    await showsOnly([aircon.ticketNo, mooncake.ticketNo]);
    const [from, to] = await page.locator('.el-form-item', { hasText: '办理期限' }).locator('input').all();
    await from!.fill(mooncakeDue);
    await to!.fill(mooncakeDue);
    await to!.press('Enter');
    await page.keyboard.press('Escape');
    await page.locator('[data-test=q-search]').click();
    await showsOnly([mooncake.ticketNo]);
    await p.ui.screenshot('ticket-search-due');
  });

  it('opens 更多条件 with the complainant filters for the clerk, and exports what it shows', async () => {
    const more = page.locator('[data-test=q-more]');
    expect(await more.getAttribute('aria-expanded')).to.equal('false');
    await more.click();
    expect(await more.getAttribute('aria-expanded')).to.equal('true');
    await page.locator('[data-test=filters-more]').waitFor();
    expect(await page.locator('[data-test=q-complainantPhone]').isVisible()).to.equal(true);
    await page.locator('input[data-test=q-goods]').fill('月饼');
    await page.locator('[data-test=q-search]').click();
    await showsOnly([mooncake.ticketNo]);
    await p.ui.screenshot('ticket-search-more');

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test=q-export]').click()]);
    expect(download.suggestedFilename()).to.match(/^工单查询-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await download.path())!);
    const rows = workbook.getWorksheet('工单查询')!.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
    const lines = rows.slice(rows.findIndex((r) => r[0] === '工单编号') + 1);
    expect(lines.map((r) => r[0])).to.deep.equal([mooncake.ticketNo]);
    expect(lines[0]).to.include.members(['李四', '139****1111', '济阳某某食品有限公司', '月饼']);
  });

  it('hides the complainant filters from a role that does not see personal data', async () => {
    await signInAs(page, p.base, 'hotline-centre');
    await page.goto(`${p.base}/work/tickets`);
    await page.locator('[data-test=q-more]').click();
    await page.locator('[data-test=q-goods]').waitFor();
    expect(await page.locator('[data-test=q-complainantPhone]').count()).to.equal(0);
  });

  it('opens the menu from the top bar on a phone, by keyboard too, and goes to 工单查询', async () => {
    await signInAs(page, p.base, 'dispatcher');
    await page.setViewportSize(PHONE);
    try {
      await page.goto(`${p.base}/work/inbox`);
      const button = page.getByRole('button', { name: '菜单' });
      await button.waitFor();
      expect(await page.locator('.app-aside').isVisible()).to.equal(false);
      // Keyboard: focus the button, Enter opens the drawer, Esc closes it.
      await button.focus();
      await page.keyboard.press('Enter');
      const drawer = page.locator('.app-menu-drawer');
      await drawer.getByRole('menuitem', { name: '工单查询' }).waitFor();
      expect(await button.getAttribute('aria-expanded')).to.equal('true');
      await p.ui.screenshot('phone-menu-drawer');
      await page.keyboard.press('Escape');
      await drawer.waitFor({ state: 'hidden' });

      await button.click();
      await drawer.getByRole('menuitem', { name: '工单查询' }).click();
      await page.waitForURL(`${p.base}/work/tickets`);
      await drawer.waitFor({ state: 'hidden' });
      await page.locator('[data-test=tickets-table]').waitFor();
      await showsOnly([aircon.ticketNo, mooncake.ticketNo]);
    } finally {
      await page.setViewportSize(DESKTOP);
    }
    // On a wide screen the side menu is there and the button is not.
    expect(await page.getByRole('button', { name: '菜单' }).isVisible()).to.equal(false);
    expect(await page.locator('.app-aside').isVisible()).to.equal(true);
  });
});
