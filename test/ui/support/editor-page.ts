// Steps the editor tests share: open a local file through the page's "打开" button, and
// save through "保存" and read the downloaded file.
import fs from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { launchUiBrowser, type UiBrowser } from './browser.ts';
import { startStaticServer, type StaticServer } from './static-server.ts';
import { ensureUiBuilt } from './ui-build.ts';

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
