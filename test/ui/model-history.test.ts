// Changing the product's models from the browser on the real product: a rule edited in the
// rules editor and deployed routes the next ticket registered through the API differently
// (as in test/stories/rule-change.test.ts); a flow changed in the modeler is compared with
// the running version, deployed twice, compared in the history and rolled back.
import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { ID_CARD, USCC } from '../tickets/samples.ts';
import { signedIn, type Client } from '../server/support.ts';
import { eventually, jinanComplaint } from '../server/ticket-env.ts';
import { draftRoutingToYaojia } from './support/editor-page.ts';
import { startUiProduct, type UiProduct } from './support/product.ts';

/** Renames a diagram element through the canvas's direct editing. */
async function rename(page: Page, elementId: string, name: string) {
  await page.locator(`[data-test=canvas] .djs-element[data-element-id="${elementId}"]`).dblclick();
  const editor = page.locator('.djs-direct-editing-parent');
  await editor.waitFor();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(name);
  await page.keyboard.press('Enter');
  await editor.waitFor({ state: 'hidden' });
}

async function deploy(page: Page): Promise<string> {
  await page.locator('[data-test=deploy]').click();
  const result = page.locator('[data-test=deploy-result]');
  await result.waitFor();
  const text = await result.innerText();
  await page.locator('.el-message-box').getByRole('button', { name: '知道了' }).click();
  return text;
}

async function confirmBox(page: Page, button: string) {
  await page.locator('.el-message-box').getByRole('button', { name: button }).click();
}

describe('admin-ui: changing rules and flows, version history, diff and rollback', function () {
  this.timeout(300_000);
  let p: UiProduct;
  let clerk: Client;

  before(async () => {
    p = await startUiProduct();
    clerk = await signedIn(p.env.t, 'dengji');
  });
  after(async () => { await p?.stop(); });

  async function departmentOf(submission: Record<string, unknown>): Promise<string> {
    const answer = await clerk.post('/api/tickets', submission);
    expect(answer.status, JSON.stringify(answer.body)).to.equal(201);
    const id = answer.body.tickets[0].id as string;
    return eventually(async () => {
      const { rows } = await p.env.t.pool.query('SELECT department FROM tickets WHERE id = $1', [id]);
      return rows[0]?.department ?? undefined;
    }, `routing of ticket ${id}`);
  }

  it('routes the next 历下区 offline complaint to 姚家所 once the routing rule is changed and deployed from the rules editor', async () => {
    expect(await departmentOf(jinanComplaint())).to.equal('370102-DL');

    const { page } = p.ui;
    await draftRoutingToYaojia(page, p.base);
    await p.ui.screenshot('rules-edited');
    // Rules are dry-run on the sample tickets first; the dialog shows the change before deploying.
    await page.locator('[data-test=deploy]').click();
    const check = page.locator('.el-dialog[data-test=deploy-check]');
    await check.locator('.sample-row-changed', { hasText: '济南历下区食品投诉' }).waitFor();
    await check.locator('[data-test=deploy-confirm]').click();
    const result = page.locator('[data-test=deploy-result]');
    await result.waitFor();
    expect(await result.innerText()).to.contain('已部署为第 2 版');
    await page.locator('.el-message-box').getByRole('button', { name: '知道了' }).click();

    expect(await departmentOf(jinanComplaint({
      complainant: { name: '吴九', phone: '13805319999', idType: 'resident_id', idNumber: ID_CARD('37010219700707001'), address: '济南市历下区姚家街道', consentPublish: false, consentMediation: true },
      respondent: { name: '济南某某家电商场', uscc: USCC('91370102MA3K4L5M6'), address: '济南市历下区工业南路50号', regionCode: '370102' },
    }))).to.equal('370102-YJ');

    await page.locator('[data-test=versions]').click();
    const drawer = page.locator('[data-test=versions-drawer]');
    await drawer.locator('[data-test=versions-running]').getByText('第 2 版').waitFor();
    await drawer.locator('[data-test=version-2]').waitFor();
    expect(await drawer.locator('[data-test=versions-table] .el-table__row').first().innerText()).to.contain('流程管理员 郑涛');
    await p.ui.screenshot('rules-versions');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
  });

  it('opens the running flow in the modeler and compares an edit with it before deploying', async () => {
    const { page } = p.ui;
    await page.goto(`${p.base}/process/models`);
    await page.locator('[data-test=bpmn-editor] .djs-palette').waitFor();
    await page.locator('[data-test=versions]').click();
    const drawer = page.locator('[data-test=versions-drawer]');
    await drawer.locator('.el-select[data-test=versions-resource]').click();
    await page.locator('.el-select-dropdown__item:visible', { hasText: '（complaint_handling）' }).click();
    await drawer.locator('[data-test=versions-running]').getByText('第 1 版').waitFor();
    await drawer.getByRole('button', { name: '打开运行版本' }).click();
    await confirmBox(page, '打开');
    await page.locator('[data-test=canvas] .djs-element[data-element-id="Task_Correct"]').waitFor();
    expect(await page.locator('[data-test=file-name]').innerText()).to.contain('complaint-handling.bpmn');

    await rename(page, 'Task_Correct', '补正登记信息（含证明材料）');
    await page.locator('[data-test=versions]').click();
    await drawer.locator('[data-test=compare-running]').click();
    const diff = page.locator('[data-test=diff-dialog]');
    const changes = diff.locator('[data-test=diff-changes]');
    await changes.getByText('用户任务「补正登记信息（含证明材料）」').waitFor();
    expect(await changes.innerText()).to.contain('名称：「补正登记信息」 → 「补正登记信息（含证明材料）」');
    expect(await changes.locator('li').count()).to.equal(1);
    // Coloured on both sides as a change.
    expect(await diff.locator('[data-test=diff-old] .djs-element.diff-changed[data-element-id="Task_Correct"]').count()).to.equal(1);
    expect(await diff.locator('[data-test=diff-new] .djs-element.diff-changed[data-element-id="Task_Correct"]').count()).to.equal(1);
    // The bpmn.io watermark of both viewers stays visible (its licence).
    for (const side of ['old', 'new']) expect(await diff.locator(`[data-test=diff-${side}] .bjs-powered-by`).isVisible(), side).to.equal(true);
    await p.ui.screenshot('model-diff-edit');
    await page.keyboard.press('Escape');
    await diff.waitFor({ state: 'hidden' });
    await page.keyboard.press('Escape');

    expect(await deploy(page)).to.contain('流程「complaint_handling」已部署为第 2 版');
  });

  it('deploys a second change, shows the history with the diff of a version against the running one, and rolls back', async () => {
    const { page } = p.ui;
    await rename(page, 'Task_DuplicateReview', '重复投诉核对');
    expect(await deploy(page)).to.contain('已部署为第 3 版');

    await page.locator('[data-test=versions]').click();
    const drawer = page.locator('[data-test=versions-drawer]');
    await drawer.locator('[data-test=versions-running]').getByText('第 3 版').waitFor();
    expect(await drawer.locator('[data-test=versions-table] .el-table__row').count()).to.equal(2);
    await drawer.locator('[data-test=version-2] [data-test=compare]').click();
    const diff = page.locator('[data-test=diff-dialog]');
    const changes = diff.locator('[data-test=diff-changes]');
    await changes.getByText('名称：「重复投诉核对」 → 「重复投诉确认」').waitFor();
    expect(await changes.locator('li').count()).to.equal(1);
    await p.ui.screenshot('model-history-diff');
    await page.keyboard.press('Escape');
    await diff.waitFor({ state: 'hidden' });

    await drawer.locator('[data-test=version-2] [data-test=rollback]').click();
    await confirmBox(page, '回滚');
    await page.locator('.el-message').getByText('已回滚：第 2 版的内容部署为第 4 版').waitFor();
    await drawer.locator('[data-test=versions-running]').getByText('第 4 版').waitFor();
    expect(await drawer.locator('[data-test=version-4]').locator('xpath=ancestor::tr').innerText()).to.contain('回滚自第 2 版');
    await p.ui.screenshot('model-history-rollback');

    // The engine runs version 4 with the names of version 2.
    const rest = p.env.client.getCamundaRestClient();
    const latest = await rest.searchProcessDefinitions({ filter: { processDefinitionId: 'complaint_handling' }, sort: [{ field: 'version', order: 'DESC' }], page: { from: 0, limit: 1 } });
    expect(Number(latest.items[0]!.version)).to.equal(4);
    const xml = await rest.getProcessDefinitionXML(String(latest.items[0]!.processDefinitionKey));
    expect(xml).to.contain('name="补正登记信息（含证明材料）"').and.to.contain('name="重复投诉确认"');
  });

  it('keeps the history of forms too: a form deployed from the forms editor is the running version under 版本', async () => {
    const { page } = p.ui;
    await page.goto(`${p.base}/process/forms`);
    await page.locator('[data-test=form-editor] .fjs-palette').waitFor();
    expect(await deploy(page)).to.match(/表单「.+」已部署为第 1 版/);
    await page.locator('[data-test=versions]').click();
    const drawer = page.locator('[data-test=versions-drawer]');
    await drawer.locator('[data-test=versions-running]').getByText('第 1 版').waitFor();
    await drawer.locator('[data-test=version-1]').waitFor();
    await p.ui.screenshot('forms-versions');
  });

  it('had no page errors and no content security policy refusals', () => {
    expect(p.ui.problems).to.deep.equal([]);
  });
});
