// The shell: login with the server's messages, the menu by role, route guards, logout
// with the CSRF header. Runs against the TEMPORARY auth stub (support/auth-stub.ts) until
// the real server can be started here.
import { expect } from 'chai';
import { authStub } from './support/auth-stub.ts';
import { launchUiBrowser, type UiBrowser } from './support/browser.ts';
import { startStaticServer, type StaticServer } from './support/static-server.ts';
import { ensureUiBuilt } from './support/ui-build.ts';

describe('admin-ui: login and shell', function () {
  this.timeout(120_000);
  let server: StaticServer;
  let ui: UiBrowser;

  before(async () => {
    await ensureUiBuilt();
    server = await startStaticServer(authStub());
    ui = await launchUiBrowser();
  });

  after(async () => {
    await ui?.close();
    await server?.close();
  });

  const menuTexts = () => ui.page.locator('.side-menu .el-menu-item').allInnerTexts();

  async function login(name: string, password: string) {
    const { page } = ui;
    await page.locator('input[name=login]').fill(name);
    await page.locator('input[name=password]').fill(password);
    await page.locator('[data-test=login-submit]').click();
  }

  it('sends a visitor to the login page and checks the fields before asking the server', async () => {
    const { page } = ui;
    await page.goto(`${server.url}/process/models`);
    await page.waitForURL(/\/login\?redirect=(%2F|\/)process(%2F|\/)models/);
    expect(await page.title()).to.equal('登录 - 投诉举报处置平台');
    await page.locator('[data-test=login-submit]').click();
    await page.getByText('请输入登录名').waitFor();
    await page.getByText('请输入密码').waitFor();
    expect(server.apiRequests.filter((r) => r.path === '/api/auth/login')).to.have.length(0);
    await ui.screenshot('login');
  });

  it("shows the server's message for a wrong password, and a field's own message under that field", async () => {
    const { page } = ui;
    await login('liucheng', 'wrong-password');
    await page.locator('[data-test=login-error]').getByText('账号或密码错误，再失败 4 次账号将被锁定 15 分钟').waitFor();
    expect(await page.locator('input[name=password]').inputValue()).to.equal('');

    // The server's field details (400 VALIDATION_FAILED) go under their field. The page trims
    // the name, so a name of spaces passes the page's own check and reaches the server empty.
    await login('   ', 'x');
    const loginItem = page.locator('.el-form-item').filter({ has: page.locator('input[name=login]') });
    await loginItem.locator('.el-form-item__error').getByText('登录名：不能为空').waitFor();
    await ui.screenshot('login-error');
  });

  it('signs a process administrator in, back to the page asked for, with the menu of that role', async () => {
    const { page } = ui;
    await login('liucheng', 'Test-1234');
    await page.waitForURL(/\/process\/models$/);
    await page.locator('[data-test=bpmn-editor] .djs-palette').waitFor();
    expect(await menuTexts()).to.deep.equal(['流程建模', '规则管理', '表单管理', '文书模板', '节假日日历', '流程监控']);
    expect(await page.locator('.side-menu .el-sub-menu__title').allInnerTexts()).to.deep.equal(['流程管理', '督办监管']);
    expect(await page.locator('[data-test=user]').innerText()).to.contain('王流程');
    expect(await page.locator('[data-test=user]').innerText()).to.contain('流程管理员');
    expect(await page.locator('[data-test=department]').innerText()).to.contain('投诉举报处置中心');
    expect(await page.locator('.top-bar-bureau').innerText()).to.equal('示例市市场监督管理局');
    await ui.screenshot('shell-process-models');
  });

  it('opens the rules and forms editors and a placeholder page from the menu', async () => {
    const { page } = ui;
    await page.locator('.side-menu .el-menu-item', { hasText: '规则管理' }).click();
    await page.waitForURL(/\/process\/rules$/);
    await page.locator('[data-test=dmn-editor] .tjs-table').waitFor();
    await ui.screenshot('shell-process-rules');

    await page.locator('.side-menu .el-menu-item', { hasText: '表单管理' }).click();
    await page.waitForURL(/\/process\/forms$/);
    await page.locator('[data-test=form-editor] .fjs-palette').waitFor();
    await ui.screenshot('shell-process-forms');

    await page.locator('.side-menu .el-menu-item', { hasText: '节假日日历' }).click();
    await page.waitForURL(/\/process\/calendar$/);
    const placeholder = page.locator('[data-test=placeholder]');
    await placeholder.getByText('节假日日历：功能建设中').waitFor();
    expect(await placeholder.innerText()).to.contain('GET /api/holiday-calendar');
    await ui.screenshot('shell-placeholder');
  });

  it('keeps a role out of pages that are not in its menu', async () => {
    const { page } = ui;
    await page.goto(`${server.url}/admin/users`);
    await page.waitForURL(/\/403\?from=(%2F|\/)admin(%2F|\/)users/);
    await page.getByText('无权访问').first().waitFor();
    await ui.screenshot('shell-forbidden');
  });

  it('signs out with the CSRF token, and the next role gets its own menu', async () => {
    const { page } = ui;
    await page.locator('[data-test=user]').click();
    await page.locator('[data-test=logout]').click();
    await page.locator('.el-message-box').getByRole('button', { name: '退出' }).click();
    await page.waitForURL(/\/login$/);
    const logout = server.apiRequests.filter((r) => r.path === '/api/auth/logout');
    expect(logout).to.have.length(1);
    expect(logout[0]!.headers['x-csrf-token']).to.match(/^[0-9a-f]{32}$/);

    await login('duban', 'Test-1234');
    await page.waitForURL(/\/work\/inbox$/);
    expect(await page.locator('.side-menu .el-sub-menu__title').allInnerTexts()).to.deep.equal(['工作台', '督办监管']);
    expect(await menuTexts()).to.deep.equal(['我的待办', '工单查询', '监管看板', '今日到期', '超期督办', '流程监控']);
    await page.locator('.side-menu .el-menu-item', { hasText: '监管看板' }).click();
    await page.locator('[data-test=placeholder]').getByText('监管看板：功能建设中').waitFor();
    await ui.screenshot('shell-supervisor-dashboard');

    await page.goto(`${server.url}/process/models`);
    await page.waitForURL(/\/403/);
  });

  it('had no page errors and no content security policy refusals', () => {
    expect(ui.problems).to.deep.equal([]);
  });
});
