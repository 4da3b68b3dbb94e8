// The shell on the real product: login with the server's messages, every demo role's menu,
// name and department, a page outside each role's menu refused, logout with the CSRF header.
import { expect } from 'chai';
import type { Request } from 'playwright-core';
import { LOGIN_OF_ROLE, PASSWORD, signedIn } from '../server/support.ts';
import { accountIn } from '../server/ticket-env.ts';
import { signInAs, startUiProduct, type DemoRole, type UiProduct } from './support/product.ts';

/** What each demo account sees (server/org/demo-organisation.ts, admin-ui/src/menu.ts). */
const ROLES: Record<DemoRole, { name: string; department: string; groups: string[]; menu: string[]; forbidden: string }> = {
  dispatcher: { name: '登记员 李敏', department: '12315 投诉举报指挥中心', groups: ['工作台'], menu: ['我的待办', '工单登记', '工单查询'], forbidden: '/supervision/dashboard' },
  handler: { name: '承办人 王强', department: '甸柳市场监管所', groups: ['工作台'], menu: ['我的待办', '工单查询'], forbidden: '/work/register' },
  legal: { name: '法制审核 赵静', department: '市局政策法规处', groups: ['工作台'], menu: ['我的待办', '工单查询'], forbidden: '/supervision/overdue' },
  'deputy-leader': {
    name: '分管领导 陈卫国', department: '济南市市场监督管理局', groups: ['工作台', '督办监管'],
    menu: ['我的待办', '工单查询', '监管看板', '今日到期', '超期督办'], forbidden: '/supervision/processes',
  },
  'principal-leader': {
    name: '主要领导 周建华', department: '济南市市场监督管理局', groups: ['工作台', '督办监管'],
    menu: ['我的待办', '工单查询', '监管看板', '今日到期', '超期督办'], forbidden: '/admin/users',
  },
  'hotline-centre': { name: '热线服务中心 孙丽', department: '执法大队热线服务中心', groups: ['工作台'], menu: ['我的待办', '工单查询'], forbidden: '/work/register' },
  supervisor: {
    name: '督办员 吴芳', department: '12315 投诉举报指挥中心', groups: ['工作台', '督办监管'],
    menu: ['我的待办', '工单查询', '监管看板', '今日到期', '超期督办', '流程监控'], forbidden: '/process/models',
  },
  'process-admin': {
    name: '流程管理员 郑涛', department: '济南市市场监督管理局', groups: ['流程管理', '督办监管'],
    menu: ['流程建模', '规则管理', '表单管理', '文书模板', '节假日日历', '流程监控'], forbidden: '/admin/users',
  },
  'system-admin': { name: '系统管理员', department: '济南市市场监督管理局', groups: ['系统管理'], menu: ['用户', '部门'], forbidden: '/process/rules' },
};

describe('admin-ui: login and shell, on the real product', function () {
  this.timeout(240_000);
  let p: UiProduct;
  const apiRequests: Request[] = [];

  before(async () => {
    p = await startUiProduct();
    p.ui.page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/')) apiRequests.push(request);
    });
  });
  after(async () => { await p?.stop(); });

  const sent = (path: string) => apiRequests.filter((r) => new URL(r.url()).pathname === path);
  const menuTexts = () => p.ui.page.locator('.side-menu .el-menu-item').allInnerTexts();

  async function login(name: string, password: string) {
    const { page } = p.ui;
    await page.locator('input[name=login]').fill(name);
    await page.locator('input[name=password]').fill(password);
    await page.locator('[data-test=login-submit]').click();
  }

  it('sends a visitor to the login page and checks the fields before asking the server', async () => {
    const { page } = p.ui;
    await page.goto(`${p.base}/process/models`);
    await page.waitForURL(/\/login\?redirect=(%2F|\/)process(%2F|\/)models/);
    expect(await page.title()).to.equal('登录 - 投诉举报处置平台');
    await page.locator('[data-test=login-submit]').click();
    await page.getByText('请输入登录名').waitFor();
    await page.getByText('请输入密码').waitFor();
    expect(sent('/api/auth/login')).to.have.length(0);
    await p.ui.screenshot('login');
  });

  it("shows the server's message for a wrong password, and a field's own message under that field", async () => {
    const { page } = p.ui;
    await login(LOGIN_OF_ROLE['process-admin'], 'wrong-password');
    await page.locator('[data-test=login-error]').getByText(/^账号或密码错误，再失败 \d+ 次账号将被锁定 \d+ 分钟$/).waitFor();
    expect(await page.locator('input[name=password]').inputValue()).to.equal('');

    // The page trims the name, so a name of spaces passes the page's own check and reaches
    // the server empty: its field message (400 VALIDATION_FAILED) goes under that field.
    await login('   ', 'x');
    const loginItem = page.locator('.el-form-item').filter({ has: page.locator('input[name=login]') });
    await loginItem.locator('.el-form-item__error').getByText('不能为空').waitFor();
    await p.ui.screenshot('login-error');
  });

  it('signs a process administrator in, back to the page asked for', async () => {
    const { page } = p.ui;
    await login(LOGIN_OF_ROLE['process-admin'], PASSWORD);
    await page.waitForURL(/\/process\/models$/);
    await page.locator('[data-test=bpmn-editor] .djs-palette').waitFor();
    expect(await page.locator('.top-bar-bureau').innerText()).to.equal('济南市市场监督管理局');
    await p.ui.screenshot('shell-process-models');
  });

  for (const role of Object.keys(ROLES) as DemoRole[]) {
    it(`shows ${role} its own menu, name and department, and refuses a page outside it`, async () => {
      const { page } = p.ui;
      const expected = ROLES[role];
      await signInAs(page, p.base, role);
      await page.locator('.side-menu').waitFor();
      expect(await page.locator('.side-menu .el-sub-menu__title').allInnerTexts()).to.deep.equal(expected.groups);
      expect(await menuTexts()).to.deep.equal(expected.menu);
      expect(await page.locator('[data-test=user]').innerText()).to.contain(expected.name);
      expect(await page.locator('[data-test=department]').innerText()).to.contain(expected.department);
      await page.goto(`${p.base}${expected.forbidden}`);
      await page.waitForURL((url) => url.pathname === '/403' && url.searchParams.get('from') === expected.forbidden);
      await page.getByText('无权访问').first().waitFor();
      if (role === 'supervisor') await p.ui.screenshot('shell-forbidden');
    });
  }

  it("shows a district bureau's supervisor its due lists but not the city-wide process monitor", async () => {
    const { page } = p.ui;
    const admin = await signedIn(p.env.t, LOGIN_OF_ROLE['system-admin']);
    await accountIn(p.env.t, admin, 'duban.lixia', '370102', ['supervisor']);
    await page.context().clearCookies();
    await page.goto(`${p.base}/login`);
    await login('duban.lixia', PASSWORD);
    await page.locator('.side-menu').waitFor();
    expect(await menuTexts()).to.deep.equal(['我的待办', '工单查询', '监管看板', '今日到期', '超期督办']);
    await page.goto(`${p.base}/supervision/processes`);
    await page.waitForURL((url) => url.pathname === '/403');
  });

  it('signs out with the CSRF token; the session is over on the server too', async () => {
    const { page } = p.ui;
    await signInAs(page, p.base, 'supervisor');
    await page.locator('[data-test=user]').click();
    await page.locator('[data-test=logout]').click();
    await page.locator('.el-message-box').getByRole('button', { name: '退出' }).click();
    await page.waitForURL(/\/login$/);
    const logout = sent('/api/auth/logout');
    expect(logout).to.have.length(1);
    // The server refuses an unsafe request without the session's token (403 CSRF_TOKEN_INVALID).
    expect(await logout[0]!.headerValue('x-csrf-token')).to.match(/^[\w-]{20,}$/);
    expect((await logout[0]!.response())!.status()).to.equal(204);
    const me = await page.evaluate(async () => (await fetch('/api/auth/me')).status);
    expect(me).to.equal(401);
    await page.goto(`${p.base}/work/inbox`);
    await page.waitForURL(/\/login\?redirect=/);
  });

  it('had no page errors and no content security policy refusals', () => {
    expect(p.ui.problems).to.deep.equal([]);
  });
});
