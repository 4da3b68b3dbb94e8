// The DMN editor in the browser alone: open a rules file, see it in Chinese, add a rule,
// save the XML; the "试算" panel builds its form from the table's inputs and sends the draft
// to the server's evaluation endpoint, beside the deployed version. Then on the real product:
// a cell edited, 试算 shows the draft's result against the deployed one, and the deploy dialog
// the changes of the sample tickets before the admin confirms.
import path from 'node:path';
import { expect } from 'chai';
import type { UiBrowser } from './support/browser.ts';
import { draftRoutingToYaojia, openFile, saveAndRead, openEditor, type EditorSession } from './support/editor-page.ts';
import { startUiProduct, type UiProduct } from './support/product.ts';

const FIXTURES = path.resolve(import.meta.dirname, 'fixtures');

describe('admin-ui: DMN editor', function () {
  this.timeout(120_000);
  let editor: EditorSession;
  let ui: UiBrowser;

  before(async () => {
    editor = await openEditor('/editor/dmn', '.tjs-table');
    ui = editor.ui;
  });

  after(async () => {
    await editor?.close();
  });

  const field = (expression: string) => ui.page.locator(`[data-test="try-field-${expression}"]`);

  it('starts with a new decision table in Chinese', async () => {
    const { page } = ui;
    expect(await page.locator('.tjs-table .input-cell.input-editor, .tjs-table th.input-cell').first().innerText()).to.contain('当（输入）');
    expect(await page.locator('.hit-policy .dms-label').innerText()).to.equal('命中策略：');
    expect(await page.locator('.bjs-powered-by').isVisible()).to.equal(true);
  });

  it('opens a rules file on its first decision table, with a form of the table inputs', async () => {
    const { page } = ui;
    await openFile(page, path.join(FIXTURES, 'routing.dmn'));
    await page.locator('.tjs-table', { hasText: '食品药品安全' }).first().waitFor();
    expect(await page.locator('[data-test=dmn-views] .el-tabs__item').allInnerTexts())
      .to.deep.equal(['决策需求图', '决策表：投诉举报分派', '决策表：抄送部门']);
    expect(await page.locator('[data-test=dmn-views] .el-tabs__item.is-active').innerText()).to.equal('决策表：投诉举报分派');
    expect(await page.locator('.hit-policy').innerText()).to.contain('首条（First）');

    expect(await field('category').locator('.el-form-item__label').innerText()).to.contain('事项类别');
    expect(await field('regionCode').locator('.el-form-item__label').innerText()).to.contain('行政区划代码');
    expect(await field('amount').locator('.el-input-number').count()).to.equal(1);
  });

  it('sends the draft, and the same variables without it for the deployed version, and says when the server has none', async () => {
    const { page } = ui;
    await field('category').locator('input').fill('食品药品安全');
    await field('regionCode').locator('input').fill('310101');
    await field('amount').locator('input').fill('200000');
    await page.locator('[data-test=try-run]').click();
    await page.locator('[data-test=try-unavailable]').getByText('POST /api/decisions/evaluate').waitFor();

    const sent = editor.server.apiRequests.filter((r) => r.path === '/api/decisions/evaluate');
    expect(sent).to.have.length(2);
    const bodies = sent.map((r) => r.body as { xml?: string; decisionId: string; variables: unknown });
    const draft = bodies.find((b) => b.xml !== undefined)!;
    expect(draft.decisionId).to.equal('complaint_routing');
    expect(draft.variables).to.deep.equal({ category: '食品药品安全', regionCode: '310101', amount: 200000 });
    expect(draft.xml).to.contain('<decision id="complaint_routing" name="投诉举报分派">');
    expect(bodies.find((b) => b.xml === undefined)).to.deep.equal({ decisionId: 'complaint_routing', variables: draft.variables });
  });

  it('adds a rule and saves the XML', async () => {
    const { page } = ui;
    const rules = page.locator('.tjs-table tbody tr');
    expect(await rules.count()).to.equal(5);
    await page.locator('.tjs-table .add-rule-add button').click();
    await page.waitForFunction(() => document.querySelectorAll('.tjs-table tbody tr').length === 6);
    expect(await page.locator('[data-test=file-name]').innerText()).to.contain('未保存');

    const saved = await saveAndRead(page);
    expect(saved.name).to.equal('routing.dmn');
    const table = /<decision id="complaint_routing"[\s\S]*?<\/decision>/.exec(saved.text)![0];
    expect(table.match(/<rule id=/g)).to.have.length(6);
    expect(saved.text).to.contain('<decision id="copy_to" name="抄送部门">');
  });

  it('follows the decision shown in the editor', async () => {
    const { page } = ui;
    await page.locator('[data-test=dmn-views] .el-tabs__item', { hasText: '抄送部门' }).click();
    await page.locator('.tjs-table', { hasText: '卫生健康委员会' }).waitFor();
    await field('reopenCount').waitFor();
    expect(await field('reopenCount').locator('.el-form-item__label').innerText()).to.contain('重复投诉次数');
    expect(await page.locator('[data-test=try-decision] .el-select__placeholder').innerText()).to.contain('抄送部门');
  });

  it('had no page errors and no content security policy refusals', () => {
    expect(ui.problems).to.deep.equal([]);
  });
});

describe('admin-ui: DMN editor on the product — 试算 on the draft against the deployed rule, sample changes before deploying', function () {
  this.timeout(300_000);
  let p: UiProduct;

  before(async () => { p = await startUiProduct(); });
  after(async () => { await p?.stop(); });

  const field = (expression: string) => p.ui.page.locator(`[data-test="try-field-${expression}"]`);

  it('shows the edited routing rule\'s department for the draft beside the deployed version\'s', async () => {
    const { page } = p.ui;
    await draftRoutingToYaojia(page, p.base);

    await field('kind').locator('input').fill('complaint');
    await field('category').locator('input').fill('食品药品安全');
    await field('regionCode').locator('input').fill('370102');
    await page.locator('[data-test=try-run]').click();
    await page.locator('[data-test=try-compare-summary]').waitFor();
    expect(await page.locator('[data-test=try-output]').innerText()).to.equal('{"department":"370102-YJ","bureau":"370102","departmentName":"姚家市场监管所"}');
    expect(await page.locator('[data-test=try-deployed-label]').innerText()).to.equal('已部署第 1 版');
    expect(await page.locator('[data-test=try-compare-summary]').innerText()).to.equal('草稿与已部署第 1 版有 2 项结果不同');
    expect(await page.locator('[data-test=try-diff-row]').allInnerTexts()).to.deep.equal([
      'department\t"370102-YJ"\t"370102-DL"',
      'departmentName\t"姚家市场监管所"\t"甸柳市场监管所"',
    ]);
    expect(await page.locator('[data-test=try-same-row]').allInnerTexts()).to.have.length.above(0);
    // The draft's matched rule, by its number in the table (Rule_5 is the fifth).
    await page.locator('[data-test=try-outcome]').getByText('第 5 条').first().waitFor();
    await p.ui.screenshot('dmn-try-draft-vs-deployed');
  });

  it('shows in the deploy dialog which sample tickets the change reroutes, and deploys once confirmed', async () => {
    const { page } = p.ui;
    await page.locator('[data-test=deploy]').click();
    const dialog = page.locator('.el-dialog[data-test=deploy-check]');
    await dialog.locator('[data-test=sample-summary]').waitFor();
    expect(await dialog.locator('[data-test=sample-summary]').innerText()).to.equal('2 个样例工单的结果将改变（共 8 个）');
    const changed = dialog.locator('.sample-row-changed');
    expect(await changed.count()).to.equal(2);
    expect(await changed.first().innerText()).to.contain('济南历下区食品投诉').and.to.contain('第 1 版')
      .and.to.contain('department："370102-DL" → "370102-YJ"').and.to.contain('departmentName："甸柳市场监管所" → "姚家市场监管所"');
    expect(await dialog.locator('.sample-row-same').count()).to.equal(6);
    await p.ui.screenshot('dmn-deploy-sample-changes');

    await dialog.locator('[data-test=deploy-confirm]').click();
    const result = page.locator('[data-test=deploy-result]');
    await result.waitFor();
    expect(await result.innerText()).to.contain('已部署为第 2 版');
    await page.locator('.el-message-box').getByRole('button', { name: '知道了' }).click();
  });

  it('had no page errors and no content security policy refusals', () => {
    expect(p.ui.problems).to.deep.equal([]);
  });
});
