// 用户 and 部门 on the real product: the system administrator creates a 市场监管所 and an
// account in it (the server's field messages shown under their fields, the generated password
// shown once), the new person signs in with it; unlock, reset password, disable.
import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { Client, LOGIN_OF_ROLE } from '../server/support.ts';
import { signInAs, startUiProduct, type UiProduct } from './support/product.ts';

/** Picks a node in the open tree-select dropdown by its exact label. */
async function pickTreeNode(page: Page, trigger: string, label: string) {
  await page.locator(trigger).click();
  await page.keyboard.type(label);
  await page.locator('.el-tree-select__popper:visible .el-tree-node__content').getByText(label, { exact: true }).click();
}

async function pickOption(page: Page, trigger: string, label: string) {
  await page.locator(trigger).click();
  await page.locator('.el-select-dropdown__item:visible').getByText(label, { exact: true }).click();
}

const fieldError = (page: Page, dialog: string, label: string) =>
  page.locator(`${dialog} .el-form-item`).filter({ has: page.locator('.el-form-item__label', { hasText: label }) }).locator('.el-form-item__error');

async function signInWith(page: Page, base: string, login: string, password: string) {
  await page.context().clearCookies();
  await page.goto(`${base}/login`);
  await page.locator('input[name=login]').fill(login);
  await page.locator('input[name=password]').fill(password);
  await page.locator('[data-test=login-submit]').click();
}

describe('admin-ui: 用户 and 部门 pages', function () {
  this.timeout(240_000);
  let p: UiProduct;
  let password = '';

  before(async () => { p = await startUiProduct(); });
  after(async () => { await p?.stop(); });

  it('shows the department tree and creates a 市场监管所 under 历下区局, with the server refusing a code in use under its field', async () => {
    const { page } = p.ui;
    await signInAs(page, p.base, 'system-admin');
    await page.locator('.side-menu .el-menu-item', { hasText: '部门' }).click();
    await page.waitForURL(/\/admin\/departments$/);
    const table = page.locator('[data-test=department-table]');
    await table.getByText('甸柳市场监管所').waitFor();
    for (const name of ['济南市市场监督管理局', '济南市历下区市场监督管理局', '12315 投诉举报指挥中心', '市局综合行政执法支队']) await table.getByText(name, { exact: true }).waitFor();
    await p.ui.screenshot('admin-departments');

    await page.locator('[data-test=department-row-370102] button', { hasText: '新建下级' }).click();
    const dialog = '[data-test=department-dialog]';
    await page.locator(`${dialog} input[name=name]`).fill('泉城路市场监管所');
    await page.locator(`${dialog} input[name=code]`).fill('370102-DL');
    await pickOption(page, '.el-select[data-test=department-kind]', '市场监管所');
    await page.locator('[data-test=department-save]').click();
    await fieldError(page, dialog, '部门编号').getByText('部门编号已被使用').waitFor();
    await p.ui.screenshot('admin-department-error');

    await page.locator(`${dialog} input[name=code]`).fill('370102-QCL');
    await page.locator('[data-test=department-save]').click();
    await page.locator(dialog).waitFor({ state: 'hidden' });
    await table.getByText('泉城路市场监管所').waitFor();
    const { rows } = await p.env.t.pool.query(
      `SELECT d.name, d.kind, p.code AS parent FROM departments d JOIN departments p ON p.id = d.parent_id WHERE d.code = '370102-QCL'`);
    expect(rows).to.deep.equal([{ name: '泉城路市场监管所', kind: 'station', parent: '370102' }]);
  });

  it('creates an account in it: a bad login name is refused under 登录名, the generated password is shown once', async () => {
    const { page } = p.ui;
    await page.locator('.side-menu .el-menu-item', { hasText: '用户' }).click();
    await page.waitForURL(/\/admin\/users$/);
    await page.locator('[data-test=user-table]').getByText(LOGIN_OF_ROLE.handler, { exact: true }).waitFor();
    await p.ui.screenshot('admin-users');

    await page.locator('[data-test=user-new]').click();
    const dialog = '[data-test=user-dialog]';
    await page.locator(`${dialog} input[name=login]`).fill('Zhang San');
    await page.locator(`${dialog} input[name=displayName]`).fill('承办人 张三');
    await pickTreeNode(page, '.el-select[data-test=user-department]', '泉城路市场监管所');
    await page.locator('[data-test=user-roles] label', { hasText: '承办人' }).click();
    await page.locator(`${dialog} input[name=phone]`).fill('0531-86000000');
    await page.locator('[data-test=user-save]').click();
    await fieldError(page, dialog, '登录名').getByText(/格式不正确/).waitFor();
    await p.ui.screenshot('admin-user-error');

    await page.locator(`${dialog} input[name=login]`).fill('zhangsan');
    await page.locator('[data-test=user-save]').click();
    const secret = page.locator('[data-test=one-time-password]');
    await secret.waitFor();
    password = (await secret.innerText()).trim();
    expect(password).to.have.length.at.least(8);
    await p.ui.screenshot('admin-user-password');
    await page.locator('[data-test=password-dialog]').getByRole('button', { name: '我已记下' }).click();

    await page.locator('[data-test=user-search]').fill('张三');
    await page.locator('[data-test=user-search]').press('Enter');
    const row = page.locator('[data-test=user-table] .el-table__row', { hasText: 'zhangsan' });
    await page.locator('[data-test=user-table] .el-table__body .el-table__row').nth(1).waitFor({ state: 'detached' });
    await row.waitFor();
    expect(await row.innerText()).to.contain('泉城路市场监管所');
    expect(await row.innerText()).to.contain('待改密');
  });

  it('signs the new account in with that password, which it must change first; then the handler menu and the new department', async () => {
    const { page } = p.ui;
    await signInWith(page, p.base, 'zhangsan', password);
    await page.waitForURL(/\/password/);
    await page.locator('[data-test=must-change]').waitFor();
    await page.locator('input[name=currentPassword]').fill(password);
    await page.locator('input[name=newPassword]').fill('Quancheng#2026');
    await page.locator('input[name=confirm]').fill('Quancheng#2026');
    await page.locator('[data-test=password-submit]').click();
    await page.waitForURL((url) => !/^\/(login|password)/.test(url.pathname));
    await page.locator('.side-menu .el-menu-item').first().waitFor();
    expect(await page.locator('.side-menu .el-menu-item').allInnerTexts()).to.deep.equal(['我的待办', '工单查询']);
    expect(await page.locator('[data-test=department]').innerText()).to.contain('泉城路市场监管所');
    expect(await page.locator('[data-test=user]').innerText()).to.contain('承办人 张三');
  });

  it('unlocks a locked account, resets a password (shown once) and disables an account', async () => {
    const { page } = p.ui;
    const outsider = new Client(p.base);
    for (let i = 0; i < 5; i++) await outsider.post('/api/auth/login', { login: LOGIN_OF_ROLE.legal, password: 'wrong-password' });
    expect((await outsider.post('/api/auth/login', { login: LOGIN_OF_ROLE.legal, password: 'wrong-password' })).body.error.code).to.match(/LOCKED/);

    await signInAs(page, p.base, 'system-admin');
    await page.goto(`${p.base}/admin/users`);
    const legalRow = page.locator('[data-test=user-table] .el-table__row', { hasText: LOGIN_OF_ROLE.legal });
    await legalRow.getByText('已锁定').waitFor();
    await page.locator(`[data-test=user-row-${LOGIN_OF_ROLE.legal}] button`, { hasText: '解锁' }).click();
    await legalRow.getByText('启用').waitFor();
    await signInAs(page, p.base, 'legal');

    await signInAs(page, p.base, 'system-admin');
    await page.goto(`${p.base}/admin/users`);
    await page.locator('[data-test=user-row-zhangsan] button', { hasText: '重置密码' }).click();
    await page.locator('.el-message-box').getByRole('button', { name: '确定' }).click();
    const fresh = (await page.locator('[data-test=one-time-password]').innerText()).trim();
    expect(fresh).to.not.equal(password);
    await page.locator('[data-test=password-dialog]').getByRole('button', { name: '我已记下' }).click();

    await page.locator('[data-test=user-row-zhangsan] button', { hasText: '停用' }).click();
    await page.locator('.el-message-box').getByRole('button', { name: '确定' }).click();
    await page.locator('[data-test=user-table] .el-table__row', { hasText: 'zhangsan' }).getByText('停用').first().waitFor();
    await p.ui.screenshot('admin-users-disabled');
    const refused = await new Client(p.base).post('/api/auth/login', { login: 'zhangsan', password: fresh });
    expect(refused.status).to.be.oneOf([401, 403]);
  });

  it('had no page errors and no content security policy refusals', () => {
    expect(p.ui.problems).to.deep.equal([]);
  });
});
