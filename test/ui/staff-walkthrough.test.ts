// The staff pages on the whole product: the clerk registers a walk-in complaint in the form
// (a wrong phone number first: the server's message shows under the field), the handler of
// 甸柳所 works it through the inbox — accept, plan the mediation (on a phone), mediate to an
// agreement with money recovered, answer — and the district's supervisor visits and closes
// it. The ticket page then shows the timeline, a printable notice and the diagram with the
// path taken. The browser's clock stands where the engine's is pinned.
import fs from 'node:fs/promises';
import { expect } from 'chai';
import type { Locator, Page } from 'playwright-core';
import { PASSWORD, signedIn } from '../server/support.ts';
import { accountIn, ENGINE_CLOCK, eventually } from '../server/ticket-env.ts';
import { signInAs, startUiProduct, type UiProduct } from './support/product.ts';

const DESKTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };
/** A supervisor of 历下区局: the follow-up visit is offered to the district's supervisors. */
const DISTRICT_SUPERVISOR = 'duban.lx';

describe('staff pages: register a complaint, work it through the inbox to closing, read the ticket', function () {
  this.timeout(300_000);
  let p: UiProduct;
  let page: Page;
  let ticketId: string;
  let ticketNo: string;

  before(async () => {
    p = await startUiProduct();
    page = p.ui.page;
    await page.clock.setFixedTime(new Date(ENGINE_CLOCK));
    await accountIn(p.env.t, await signedIn(p.env.t, 'admin'), DISTRICT_SUPERVISOR, '370102', ['supervisor']);
  });
  after(async () => {
    if (process.env.SHOW_WORKER_LOGS) console.log(p?.env.logs.join('\n'));
    await p?.stop();
  });
  // Each step needs the one before it.
  let broken = false;
  beforeEach(function () {
    if (broken) this.skip();
  });
  afterEach(function () {
    if (this.currentTest?.state === 'failed') {
      broken = true;
      return;
    }
    // The fixed clock is a script Playwright adds to every frame; the notice's frame is
    // sandboxed without scripts and refuses it, as it should.
    const problems = p.ui.problems.filter((m) => !m.startsWith("console: Blocked script execution in 'about:srcdoc' because the document's frame is sandboxed"));
    expect(problems, 'page errors, console errors or refused content').to.deep.equal([]);
  });

  /** Element Plus puts the attributes of el-input on the input (or textarea) itself. */
  const input = (name: string) => page.locator(`input[data-test="${name}"], textarea[data-test="${name}"], [data-test="${name}"] input`).first();
  const field = (name: string) => page.locator(`.el-form-item:has([data-test="${name}"])`);

  async function pick(testId: string, option: string) {
    await page.locator(`[data-test="${testId}"]`).click();
    await page.locator('.el-select-dropdown__item:visible', { hasText: option }).first().click();
  }

  it('the clerk registers a walk-in complaint; a wrong phone number is refused under its field with the server\'s message', async () => {
    await signInAs(page, p.base, 'dispatcher');
    await page.goto(`${p.base}/work/register`);
    await input('f-complainant-name').fill('张三');
    await input('f-complainant-phone').fill('12345');
    await input('f-complainant-address').fill('济南市历下区文化东路1号');
    await input('f-respondent-name').fill('济南某某电器有限公司');
    await input('f-respondent-address').fill('济南市历下区泉城路1号');
    await input('f-respondent-regionCode').fill('370102');
    await pick('f-category', '产品质量');
    await input('f-goodsOrService').fill('空调');
    await input('f-amount').fill('3999');
    await input('f-description').fill('空调安装后不制冷，商家拒绝退货。');
    await page.locator('[data-test="f-requests"]').getByText('退货', { exact: true }).click();
    await page.locator('[data-test="f-requests"]').getByText('退款', { exact: true }).click();

    const refused = page.waitForResponse((r) => r.url().endsWith('/api/tickets') && r.request().method() === 'POST');
    await page.locator('[data-test="register-submit"]').click();
    const answer = await refused;
    expect(answer.status()).to.equal(422);
    const details: Array<{ path: string; message: string }> = (await answer.json()).error.details;
    expect(details.map((d) => d.path), JSON.stringify(details)).to.deep.equal(['complainant.phone']);
    await expect(await field('f-complainant-phone').locator('.el-form-item__error').innerText()).to.equal(details[0]!.message);
    expect(await page.locator('[data-test="register-error"]').innerText()).to.contain('1 处需要更正');
    // The clerk is taken to the field to correct.
    expect(await input('f-complainant-phone').evaluate((el) => el === document.activeElement)).to.equal(true);
    await p.ui.screenshot('staff-register-refused');

    await input('f-complainant-phone').fill('13812345678');
    await page.locator('[data-test="register-submit"]').click();
    await page.waitForURL(/\/work\/tickets\/[0-9a-f-]{36}$/);
    ticketId = page.url().split('/').at(-1)!;
    ticketNo = (await page.locator('[data-test="ticket-no"]').innerText()).trim();
    expect(ticketNo).to.match(/^TS20260930\d{6}$/);
    expect(await page.locator('[data-test="ticket-complainant"]').innerText()).to.contain('13812345678');
    await p.ui.screenshot('staff-ticket-registered');
  });

  /** Signs in by login (the district supervisor is not one of the demo accounts). */
  async function signInAsLogin(login: string) {
    await page.context().clearCookies();
    await page.goto(`${p.base}/login`);
    await page.locator('input[name=login]').fill(login);
    await page.locator('input[name=password]').fill(PASSWORD);
    await page.locator('[data-test=login-submit]').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  }

  /** The inbox's 本组可认领 list until the ticket's task arrives (the workers move the process on). */
  async function openGroupTask(elementId: string): Promise<Locator> {
    await page.goto(`${p.base}/work/inbox`);
    await page.locator('[data-test="inbox-scope"]').getByText('本组可认领').click();
    const item = page.locator(`[data-test="task-${elementId}"]`, { hasText: ticketNo });
    const until = Date.now() + 30_000;
    while (!(await item.count())) {
      if (Date.now() > until) throw new Error(`no ${elementId} task for ${ticketNo} in the inbox:\n${p.env.logs.slice(-10).join('\n')}`);
      await page.waitForTimeout(500);
      await page.locator('[data-test="inbox-refresh"]').click();
      await page.locator('[data-test="inbox-refresh"].is-loading').waitFor({ state: 'detached' });
    }
    await item.click();
    const panel = page.locator('[data-test="task-panel"]');
    await panel.locator('[data-test="claim"]').click();
    await panel.locator('[data-test="unclaim"]').waitFor();
    await panel.locator('.fjs-form').waitFor();
    return panel;
  }

  async function complete(panel: Locator, name: string) {
    await panel.locator('[data-test="complete"]').click();
    await page.locator('.el-message--success', { hasText: `“${name}”已办结` }).waitFor();
    await panel.waitFor({ state: 'detached' });
  }

  const radio = (panel: Locator, group: string, option: string) =>
    panel.locator('.fjs-form-field-radio', { hasText: group }).getByLabel(option, { exact: true }).check();

  it('the handler of 甸柳所 claims the 受理审查 task and accepts the complaint in its form', async () => {
    await signInAs(page, p.base, 'handler');
    const panel = await openGroupTask('Task_AcceptReview');
    expect(await panel.locator('[data-test="ticket-facts"]').innerText()).to.contain(ticketNo).and.contain('济南某某电器有限公司').and.contain('3,999.00 元');
    // Due 2026-10-15 (seven working days over National Day): not today, not yet urgent.
    expect(await panel.locator('.task-panel-tags .el-tag').first().innerText()).to.contain('剩 16 天');

    // The form checks what it can before the server does: the decision is required.
    await panel.locator('[data-test="complete"]').click();
    expect(await panel.locator('[data-test="submit-error"]').innerText()).to.contain('1 项');
    expect(await panel.locator('.fjs-form-field-radio', { hasText: '审查结论' }).locator('.fjs-form-field-error').innerText()).to.equal('此项为必填项。');

    await radio(panel, '审查结论', '受理');
    await panel.getByLabel('涉案金额').fill('3999');
    await panel.getByLabel('投诉人数').fill('1');
    await panel.getByLabel('审查意见').fill('符合受理条件，予以受理');
    await p.ui.screenshot('staff-inbox-task');
    await complete(panel, '受理审查');
  });

  it('plans the mediation on a phone: the list fills the screen, the task opens full-screen', async () => {
    await page.setViewportSize(PHONE);
    try {
      const panel = await openGroupTask('Task_MediationPlan');
      const box = (await page.locator('.inbox-detail').boundingBox())!;
      expect([box.x, box.y, box.width, box.height]).to.deep.equal([0, 0, PHONE.width, PHONE.height]);
      await radio(panel, '调解方式', '电话、网络等非现场调解');
      const [date, time] = [0, 1].map((i) => panel.locator('.fjs-form-field-datetime input.fjs-input').nth(i));
      await date!.click();
      await date!.pressSequentially('2026/10/12');
      await date!.press('Enter');
      await time!.click();
      await time!.pressSequentially('10:00');
      await time!.press('Tab');
      await p.ui.screenshot('staff-inbox-phone-task');
      await complete(panel, '确定调解方式');

      // Back on the list, which fills the screen.
      const list = (await page.locator('.inbox-list').boundingBox())!;
      expect(list.width).to.be.greaterThan(PHONE.width - 20);
      await p.ui.screenshot('staff-inbox-phone-list');
    } finally {
      await page.setViewportSize(DESKTOP);
    }
  });

  it('mediates to an agreement with 3,999 yuan recovered, then answers the complainant', async () => {
    let panel = await openGroupTask('Task_Mediate');
    await radio(panel, '调解结果', '达成调解协议');
    await panel.getByLabel('挽回经济损失').fill('3999');
    await panel.getByLabel('调解协议内容').fill('经营者为消费者办理退货并退款3999元');
    await panel.getByLabel('调解经过').fill('电话调解，双方同意退货退款');
    await complete(panel, '组织调解');

    panel = await openGroupTask('Task_Reply');
    await radio(panel, '答复方式', '电话');
    await panel.getByLabel('答复内容').fill('经调解，经营者已同意退货并退款3999元，请注意查收。');
    await complete(panel, '答复投诉人');
  });

  it('the district\'s supervisor visits the complainant (满意) and the ticket is closed', async () => {
    await signInAsLogin(DISTRICT_SUPERVISOR);
    const panel = await openGroupTask('Task_Visit');
    await radio(panel, '联系情况', '已联系到投诉人');
    await radio(panel, '总体评价', '满意');
    await radio(panel, '过程满意度', '满意');
    await radio(panel, '结果满意度', '满意');
    await complete(panel, '回访');
    // The process closes the ticket through its workers, just after the form is in.
    const closed = await eventually(async () => {
      const { rows } = await p.env.t.pool.query('SELECT status, satisfaction, amount_recovered FROM tickets WHERE id = $1', [ticketId]);
      return rows[0]?.status === 'closed' ? rows[0] : undefined;
    }, 'the ticket closed');
    expect(closed).to.deep.include({ satisfaction: '满意', amount_recovered: '3999.00' });
  });

  it('the handler finds the ticket in 工单查询 with personal data masked', async () => {
    await signInAs(page, p.base, 'handler');
    await page.goto(`${p.base}/work/tickets`);
    // 类型 and 有挽回经济损失 are under 更多条件.
    await page.locator('[data-test="q-more"]').click();
    await pick('q-kind', '投诉');
    await page.locator('[data-test="q-amountRecovered"]').click();
    await page.locator('[data-test="q-search"]').click();
    const row = page.locator('[data-test="tickets-table"] .el-table__row', { hasText: ticketNo }).first();
    await row.waitFor();
    const text = await row.innerText();
    expect(text).to.contain('已办结').and.contain('来访').and.contain('张三');
    expect(text).to.match(/138\*+5678/).and.not.contain('13812345678');
    await p.ui.screenshot('staff-tickets');
    await row.locator('.ticket-no').click();
    await page.waitForURL(`${p.base}/work/tickets/${ticketId}`);
  });

  it('the ticket page shows the outcome, the timeline, a printable notice and the diagram with the path taken', async () => {
    expect(await page.locator('[data-test="ticket-status"]').innerText()).to.equal('已办结');
    expect(await page.locator('[data-test="ticket-outcome"]').innerText()).to.contain('3,999.00 元').and.contain('满意');
    expect(await page.locator('.ticket-head-dept').innerText()).to.equal('承办单位：甸柳市场监管所');
    await p.ui.screenshot('staff-ticket-info');

    const tabs = page.locator('[data-test="ticket-tabs"]');
    await tabs.getByRole('tab', { name: /办理经过/ }).click();
    const timeline = await page.locator('[data-test="ticket-timeline"]').innerText();
    expect(timeline).to.contain('登记工单').and.contain('出具文书：投诉受理决定书').and.contain('出具文书：调解书').and.contain('已受理 → ').and.contain('已办结');
    await p.ui.screenshot('staff-ticket-timeline');

    await tabs.getByRole('tab', { name: /文书/ }).click();
    await page.locator('[data-test="notice-open-accept-decision"]').click();
    const notice = page.frameLocator('[data-test="notice-frame"]');
    await notice.locator('h1').waitFor();
    expect(await notice.locator('h1').innerText()).to.equal('投诉受理决定书');
    expect(await notice.locator('body').innerText()).to.contain('张三').and.contain('决定予以受理').and.contain(`工单编号：${ticketNo}`);
    // Styled by its own stylesheet, which the page's policy lets the frame use: on screen the
    // body is an A4 sheet, 210 mm wide.
    expect((await notice.locator('body').boundingBox())!.width).to.be.closeTo(210 / 25.4 * 96, 1);
    expect(await page.locator('[data-test="notice-print"]').isEnabled()).to.equal(true);
    await p.ui.screenshot('staff-ticket-notice');
    await page.locator('[data-test="notice-dialog"]').getByRole('button', { name: '关闭', exact: true }).click();

    // The mediation record as an attachment: uploaded, listed, downloaded as it was.
    await tabs.getByRole('tab', { name: /附件/ }).click();
    const record = { name: '调解笔录.txt', mimeType: 'text/plain', buffer: Buffer.from('2026年10月12日电话调解，双方同意退货退款。') };
    await page.locator('[data-test="attachment-input"]').setInputFiles(record);
    const link = page.locator('[data-test="attachments"] .attachment-name', { hasText: record.name });
    await link.waitFor();
    expect(await tabs.getByRole('tab', { name: /附件/ }).innerText()).to.equal('附件（1）');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).to.equal(record.name);
    expect(await fs.readFile((await download.path())!)).to.deep.equal(record.buffer);
    await p.ui.screenshot('staff-ticket-attachments');

    await tabs.getByRole('tab', { name: '流程图' }).click();
    const diagram = page.locator('[data-test="bpmn-viewer"]');
    await diagram.locator('[data-element-id="Task_Visit"]').waitFor();
    // The path: every user task it went through done, the flows between them taken, nothing active.
    for (const task of ['Task_AcceptReview', 'Task_MediationPlan', 'Task_Mediate', 'Task_Reply', 'Task_Visit']) {
      expect(await diagram.locator(`.djs-element.path-completed[data-element-id="${task}"]`).count(), task).to.equal(1);
    }
    expect(await diagram.locator('.djs-connection.path-taken').count()).to.be.greaterThan(5);
    expect(await diagram.locator('.path-active').count()).to.equal(0);
    // A branch not taken (rejection) stays unmarked.
    expect(await diagram.locator('.djs-element.path-completed').count()).to.be.lessThan(await diagram.locator('.djs-shape').count());
    expect(await diagram.locator('.bjs-powered-by').isVisible(), 'the bpmn.io watermark').to.equal(true);
    await p.ui.screenshot('staff-ticket-diagram');
  });
});
