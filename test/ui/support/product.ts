// The whole product for a browser test: the real server serving the built app, on a fresh
// database, wired to a real engine with the product's models deployed and the real job
// workers running; Debian's Chromium signed in as one of the demo accounts. The server's
// clock and the engine's are pinned to the same instant (ENGINE_CLOCK).
import type { Page } from 'playwright-core';
import { uiAssetsDir } from '../../../admin-ui/index.ts';
import { LOGIN_OF_ROLE, PASSWORD } from '../../server/support.ts';
import { ENGINE_CLOCK, startTicketEnv, type TicketEnv } from '../../server/ticket-env.ts';
import { launchUiBrowser, type UiBrowser } from './browser.ts';
import { ensureUiBuilt } from './ui-build.ts';

export type DemoRole = keyof typeof LOGIN_OF_ROLE;

export interface UiProduct {
  env: TicketEnv;
  /** http://127.0.0.1:<port> of the server. */
  base: string;
  ui: UiBrowser;
  stop(): Promise<void>;
}

export async function startUiProduct(): Promise<UiProduct> {
  await ensureUiBuilt();
  const env = await startTicketEnv(uiAssetsDir());
  env.t.clock.now = new Date(ENGINE_CLOCK);
  let ui: UiBrowser;
  try {
    ui = await launchUiBrowser();
  } catch (err) {
    await env.stop();
    throw err;
  }
  return {
    env,
    base: env.t.base,
    ui,
    async stop() {
      await ui.close();
      await env.stop();
    },
  };
}

/** Signs the page in as the demo account of `role` (signing out whoever was signed in). */
export async function signInAs(page: Page, base: string, role: DemoRole): Promise<void> {
  await page.context().clearCookies();
  await page.goto(`${base}/login`);
  await page.locator('input[name=login]').fill(LOGIN_OF_ROLE[role]);
  await page.locator('input[name=password]').fill(PASSWORD);
  await page.locator('[data-test=login-submit]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}
