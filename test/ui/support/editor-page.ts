// Steps the editor tests share: open a local file through the page's "打开" button, and
// save through "保存" and read the downloaded file.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchUiBrowser, type UiBrowser } from './browser.ts';
import { startStaticServer, type StaticServer } from './static-server.ts';
import { ensureUiBuilt } from './ui-build.ts';
import { signInAs } from './product.ts';
import { PROCESSES } from '../../support/processes.ts';

/** Opens a file; when the editor asks whether to drop unsaved changes, answers 继续. */
export async function openFile(page: Page, file: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.locator('[data-test=open]').click();
  const confirm = page.locator('.el-message-box').getByRole('button', { name: '继续' });
  const first = await Promise.race([chooser.then(() => 'chooser' as const), confirm.waitFor().then(() => 'confirm' as const)]);
  if (first === 'confirm') await confirm.click();
  await (await chooser).setFiles(file);
}

/** Expands a properties panel group (常规, 任务定义…) unless it is open. */
export async function openGroup(page: Page, title: string): Promise<void> {
  const header = page.locator('.bio-properties-panel-group-header', { has: page.locator('.bio-properties-panel-group-header-title', { hasText: title }) }).first();
  if (!(await header.getAttribute('class'))?.includes('open')) await header.click();
}

/** Replaces the text of a decision table cell, as a person types it. */
export async function editCell(page: Page, elementId: string, text: string): Promise<void> {
  const cell = page.locator(`td[data-element-id="${elementId}"] [contenteditable]`);
  await cell.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

/**
 * The rule change the product tests make as a process admin: in the rules editor, the
 * product's routing.dmn with Rule_5 (历下区 offline complaints) sending them to 姚家所
 * instead of 甸柳所 — not yet deployed.
 */
export async function draftRoutingToYaojia(page: Page, base: string): Promise<void> {
  await signInAs(page, base, 'process-admin');
  await page.goto(`${base}/process/rules`);
  await page.locator('[data-test=dmn-editor] .tjs-table').waitFor();
  await openFile(page, path.join(PROCESSES, 'routing.dmn'));
  await page.locator('td[data-element-id="LiteralExpression_5_1"]').waitFor();
  await editCell(page, 'LiteralExpression_5_1', '"370102-YJ"');
  await editCell(page, 'LiteralExpression_5_3', '"姚家市场监管所"');
}

export async function saveAndRead(page: Page): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test=save]').click()]);
  const file = await download.path();
  return { name: download.suggestedFilename(), text: await fs.readFile(file, 'utf8') };
}

/** An editor page alone in the browser: the built app from a local static server. */
export interface EditorSession {
  ui: UiBrowser;
  server: StaticServer;
  close(): Promise<void>;
}

export async function openEditor(route: string, readySelector: string): Promise<EditorSession> {
  await ensureUiBuilt();
  const server = await startStaticServer();
  const ui = await launchUiBrowser();
  await ui.page.goto(`${server.url}${route}`);
  await ui.page.locator(readySelector).waitFor();
  return {
    ui,
    server,
    async close() {
      await ui.close();
      await server.close();
    },
  };
}
