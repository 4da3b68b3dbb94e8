// The BPMN modeler in the browser alone: open a file, edit it (rename, append, change a
// task's type), see the Camunda 8.8 problems in Chinese while editing, fix one from the
// problems panel, save and check the XML.
import fs from 'node:fs/promises';
import path from 'node:path';
import { expect } from 'chai';
import type { UiBrowser } from './support/browser.ts';
import { openFile, openGroup, saveAndRead, openEditor, type EditorSession } from './support/editor-page.ts';

const FIXTURES = path.resolve(import.meta.dirname, 'fixtures');
const PROCESSES = path.resolve(import.meta.dirname, '../../processes');
const HAN = /[\u4e00-\u9fa5]/;

describe('admin-ui: BPMN modeler', function () {
  this.timeout(120_000);
  let editor: EditorSession;
  let ui: UiBrowser;

  before(async () => {
    editor = await openEditor('/editor/bpmn', '.djs-palette');
    ui = editor.ui;
  });

  after(async () => {
    await editor?.close();
  });

  const shape = (id: string) => ui.page.locator(`.djs-element.djs-shape[data-element-id="${id}"]`);
  const problems = () => ui.page.locator('[data-test=problem]');

  it('starts with a new Camunda 8.8 diagram, Chinese tools and the bpmn.io watermark', async () => {
    const { page } = ui;
    expect(await page.locator('.djs-palette [data-action="create.task"]').getAttribute('aria-label')).to.equal('创建任务');
    expect(await page.locator('.djs-palette [data-action="hand-tool"]').getAttribute('aria-label')).to.equal('抓手工具（平移画布）');
    await page.locator('[data-test=problems-ok]').waitFor();
    const watermark = page.locator('.bjs-powered-by');
    expect(await watermark.isVisible()).to.equal(true);
    const box = (await watermark.boundingBox())!;
    const canvas = (await page.locator('[data-test=canvas]').boundingBox())!;
    expect(box.x + box.width).to.be.within(canvas.x, canvas.x + canvas.width);
    expect(box.y + box.height).to.be.within(canvas.y, canvas.y + canvas.height);
    expect(await page.locator('.bio-properties-panel-group-header-title').allInnerTexts()).to.include('常规');
  });

  it('opens a file and renames a task in the properties panel', async () => {
    const { page } = ui;
    await openFile(page, path.join(FIXTURES, 'acceptance.bpmn'));
    await shape('Task_Validate').waitFor();
    expect(await page.locator('[data-test=file-name]').innerText()).to.contain('acceptance.bpmn');
    await page.locator('[data-test=problems-ok]').waitFor();

    await shape('Task_Validate').click();
    expect(await page.locator('.bio-properties-panel-header-type').innerText()).to.equal('服务任务');
    await openGroup(page, '常规');
    const name = page.locator('#bio-properties-panel-name');
    await name.fill('登记信息校验');
    await page.waitForFunction(() => document.querySelector('[data-element-id="Task_Validate"] text')?.textContent?.includes('登记信息校验'));
    expect(await page.locator('[data-test=file-name]').innerText()).to.contain('未保存');
  });

  it('lists a service task without a job type in Chinese, selects it from the list, and clears it once fixed', async () => {
    const { page } = ui;
    // Append a task after 受理审查 with the context pad, name it, make it a service task.
    await shape('Task_Review').click();
    await page.locator('.djs-context-pad [data-action="append.append-task"]').click();
    await page.locator('.djs-direct-editing-parent').waitFor();
    await page.keyboard.type('核查线索');
    await page.locator('[data-test=canvas]').click({ position: { x: 600, y: 450 } });
    const added = page.locator('.djs-element.djs-shape', { hasText: '核查线索' });
    await added.waitFor();
    const id = (await added.getAttribute('data-element-id'))!;
    await shape(id).click();
    await page.locator('.djs-context-pad [data-action="replace"]').click();
    await page.locator('.djs-popup [data-id="replace-with-service-task"]').click();

    const problem = problems().filter({ hasText: '「服务任务」必须设置「任务定义类型（job type）」' });
    await problem.waitFor();
    expect(await problem.innerText()).to.contain('核查线索');
    expect(await page.locator('[data-test=problem-errors]').innerText()).to.equal('1 个错误');
    // The canvas marks the element too.
    await page.locator(`.djs-overlay-container [data-container-id="${id}"] .cl-overlay-root`).waitFor();
    await page.locator('[data-test=canvas]').click({ position: { x: 600, y: 450 } });
    await ui.screenshot('bpmn-modeler-problem');

    await problem.click();
    await page.locator(`.djs-element.selected[data-element-id="${id}"]`).waitFor();
    const jobType = page.locator('#bio-properties-panel-taskDefinitionType');
    await jobType.waitFor();
    // The properties panel shows the same message at the field.
    expect(await page.locator('.bio-properties-panel-error').first().innerText()).to.contain('必须填写');
    await jobType.fill('clue.verify');
    await page.locator('[data-test=problems-ok]').waitFor();
    expect(await problems().count()).to.equal(0);
    await ui.screenshot('bpmn-modeler');

    const saved = await saveAndRead(page);
    expect(saved.name).to.equal('acceptance.bpmn');
    expect(saved.text).to.contain('name="登记信息校验"');
    expect(saved.text).to.match(new RegExp(`<bpmn:serviceTask id="${id}" name="核查线索">\\s*<bpmn:extensionElements>\\s*<zeebe:taskDefinition type="clue.verify" />`));
    expect(saved.text).to.match(/<bpmn:sequenceFlow id="\w+" sourceRef="Task_Review" targetRef="\w+" \/>/);
    expect(saved.text).to.contain('modeler:executionPlatformVersion="8.8.0"');
    expect(await page.locator('[data-test=file-name]').innerText()).not.to.contain('未保存');
  });

  it('says every problem of a model full of mistakes in Chinese', async () => {
    const { page } = ui;
    await openFile(page, path.join(FIXTURES, 'problems.bpmn'));
    await shape('Multi').waitFor();
    await page.locator('[data-test=problem-errors]').waitFor();
    const texts = await page.locator('[data-test=problem] .problem-message').allInnerTexts();
    expect(texts.length).to.be.greaterThan(8);
    for (const text of texts) expect(text, text).to.match(HAN).and.not.match(/\b(must|should|supported|defined)\b/);
    expect(await page.locator('[data-test=problem] .problem-original').count(), 'messages left untranslated').to.equal(0);
    await ui.screenshot('bpmn-modeler-problems');
  });

  it("opens every model of processes/ with its problems, if any, in Chinese", async () => {
    const { page } = ui;
    const files = (await fs.readdir(PROCESSES)).filter((f) => f.endsWith('.bpmn')).sort();
    expect(files.length).to.be.greaterThan(0);
    for (const file of files) {
      await openFile(page, path.join(PROCESSES, file));
      await page.waitForFunction((name) => document.querySelector('[data-test=file-name]')?.textContent?.includes(name), file);
      await page.locator('[data-test=problems-ok], [data-test=problem]').first().waitFor();
      expect(await page.locator('[data-test=problem] .problem-original').count(), `${file}: untranslated messages`).to.equal(0);
      if (file === 'complaint-handling.bpmn') await ui.screenshot('bpmn-modeler-complaint-handling');
    }
  });

  it('had no page errors and no content security policy refusals', () => {
    expect(ui.problems).to.deep.equal([]);
  });
});
