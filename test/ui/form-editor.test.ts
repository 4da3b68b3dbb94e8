// The form editor in the browser alone: open a form, add a field from the palette, set its
// label and key, see it in the preview, check the preview's validation in Chinese, save.
import path from 'node:path';
import { expect } from 'chai';
import type { UiBrowser } from './support/browser.ts';
import { openFile, openGroup, saveAndRead, openEditor, type EditorSession } from './support/editor-page.ts';

const FIXTURES = path.resolve(import.meta.dirname, 'fixtures');

describe('admin-ui: form editor', function () {
  this.timeout(120_000);
  let editor: EditorSession;
  let ui: UiBrowser;

  before(async () => {
    editor = await openEditor('/editor/form', '.fjs-palette');
    ui = editor.ui;
  });

  after(async () => {
    await editor?.close();
  });

  const preview = () => ui.page.locator('[data-test=form-preview]');

  it('shows the palette and the empty form in Chinese', async () => {
    const { page } = ui;
    const names = await page.locator('.fjs-palette-field-text').allInnerTexts();
    expect(names).to.include.members(['单行文本', '多行文本', '数字', '单选框组', '下拉选择']);
    expect(await page.locator('.fjs-palette-group-title').allInnerTexts()).to.include.members(['输入', '选择', '展示']);
    expect(await page.locator('.fjs-palette-search').getAttribute('placeholder')).to.equal('搜索组件');
    await page.getByText('开始设计表单').waitFor();
  });

  it('opens a form and shows it in the preview', async () => {
    const { page } = ui;
    await openFile(page, path.join(FIXTURES, 'follow-up-visit.form'));
    await page.locator('.fjs-editor-container .fjs-form-field-label', { hasText: '联系情况' }).first().waitFor();
    await preview().locator('.fjs-form-field-label', { hasText: '联系情况' }).waitFor();
    expect(await page.locator('[data-test=file-name]').innerText()).to.contain('follow-up-visit.form');
  });

  it('adds a text field from the palette, names it, and the preview follows', async () => {
    const { page } = ui;
    const source = page.locator('.fjs-palette-field[data-field-type="textfield"]');
    const target = page.locator('.fjs-editor-container .fjs-form-field', { hasText: '联系情况' }).first();
    // draggle (form-js's drag and drop) follows mouse events: press, move in steps, release.
    const from = (await source.boundingBox())!;
    const to = (await target.boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) {
      await page.mouse.move(from.x + ((to.x + 40 - from.x) * i) / 10, from.y + ((to.y + to.height - 8 - from.y) * i) / 10);
    }
    await page.mouse.up();

    await page.locator('.fjs-properties-panel .bio-properties-panel-header-type', { hasText: /text field|单行文本/i }).waitFor();
    await openGroup(page, '常规');
    const label = page.locator('#bio-properties-panel-label');
    await label.waitFor();
    await label.fill('联系电话');
    const key = page.locator('#bio-properties-panel-key');
    await key.fill('contactPhone');
    await preview().locator('.fjs-form-field-label', { hasText: '联系电话' }).waitFor();
    expect(await page.locator('.bio-properties-panel-group-header-title').allInnerTexts()).to.include('常规');
  });

  it('validates the preview like the task list, with Chinese messages', async () => {
    const { page } = ui;
    await page.locator('[data-test=preview-submit]').click();
    await page.locator('[data-test=preview-result]').getByText(/有 \d+ 项未通过校验/).waitFor();
    await preview().locator('.fjs-form-field-error', { hasText: '此项为必填项。' }).first().waitFor();

    await preview().locator('label', { hasText: '已联系到投诉人' }).click();
    await preview().locator('.fjs-form-field', { hasText: '联系电话' }).locator('input').fill('13800000000');
    await ui.screenshot('form-editor');
  });

  it('saves the form with the new field', async () => {
    const { page } = ui;
    const saved = await saveAndRead(page);
    expect(saved.name).to.equal('follow-up-visit.form');
    const schema = JSON.parse(saved.text) as { components: Array<{ type: string; key?: string; label?: string }> };
    expect(schema.components).to.deep.include.members([]);
    const added = schema.components.find((c) => c.key === 'contactPhone');
    expect(added).to.include({ type: 'textfield', label: '联系电话' });
    expect(schema.components.some((c) => c.key === 'visitReached')).to.equal(true);
  });

  it('had no page errors and no content security policy refusals', () => {
    expect(ui.problems).to.deep.equal([]);
  });
});
