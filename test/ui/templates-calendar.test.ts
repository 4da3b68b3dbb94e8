// 文书模板 and 节假日日历 on the real product, and the forced password change: the process
// admin edits a notice template and sees the preview follow, is refused a broken one with the
// problem shown, deploys, compares and rolls back; marks a day of a year not yet entered and
// saves it, saves again, compares with the first version on the calendar and rolls back to it;
// a new account is sent to change its password before anything else.
import { expect } from 'chai';
import { Client, LOGIN_OF_ROLE, PASSWORD, departmentId } from '../server/support.ts';
import { signInAs, startUiProduct, type UiProduct } from './support/product.ts';

const NEW_SENTENCE = '本局决定予以受理，并已登记在案。';

describe('admin-ui: notice templates, holiday calendar and the forced password change, on the real product', function () {
  this.timeout(240_000);
  let p: UiProduct;

  before(async () => {
    p = await startUiProduct();
    await signInAs(p.ui.page, p.base, 'process-admin');
  });
  after(async () => { await p?.stop(); });

  const versions = async (name: string) =>
    (await p.env.t.pool.query('SELECT version FROM notice_template_versions WHERE name = $1 ORDER BY version', [name])).rows.map((r) => r.version as number);

  it('edits a template with a live preview, refuses a broken one, deploys, compares and rolls back', async () => {
    const { page } = p.ui;
    await page.goto(`${p.base}/process/templates`);
    await page.locator('[data-test=template-accept-decision]').click();
    const preview = page.frameLocator('[data-test=preview]');
    await preview.locator('h1', { hasText: '投诉受理决定书' }).waitFor();
    await preview.locator('text=本局决定予以受理。').waitFor();
    // The notice's own stylesheet applies inside the frame (A4 layout, centred title).
    expect(await preview.locator('h1').evaluate((h) => getComputedStyle(h).textAlign)).to.equal('center');

    const code = page.locator('textarea[name=content]');
    const original = await code.inputValue();
    await code.fill(original.replace('本局决定予以受理。', NEW_SENTENCE));
    await preview.locator(`text=${NEW_SENTENCE}`).waitFor();
    await page.locator('input[name=title]').fill('投诉受理决定书（新）');
    await preview.locator('h1', { hasText: '投诉受理决定书（新）' }).waitFor();
    await page.locator('[data-test=dirty]').waitFor();
    await p.ui.screenshot('notice-templates');

    // A helper that does not exist: the check names it, and deploying changes nothing.
    await code.fill(`${original.replace('本局决定予以受理。', NEW_SENTENCE)}{{shout ticket.ticketNo}}`);
    await page.locator('[data-test=problems]', { hasText: 'shout' }).waitFor();
    await page.locator('[data-test=deploy]').click();
    await page.locator('.el-message--error', { hasText: '检查未通过' }).waitFor();
    expect(await versions('accept-decision')).to.deep.equal([1]);

    await code.fill(original.replace('本局决定予以受理。', NEW_SENTENCE));
    await page.locator('[data-test=problems]', { hasText: 'shout' }).waitFor({ state: 'detached' });
    await page.locator('[data-test=deploy]').click();
    await page.locator('.el-message--success', { hasText: '已部署为第 2 版' }).waitFor();
    expect(await versions('accept-decision')).to.deep.equal([1, 2]);
    const running = await p.env.t.pool.query("SELECT content, entry FROM notice_template_versions WHERE name = 'accept-decision' AND version = 2");
    expect(running.rows[0].content).to.contain(NEW_SENTENCE);
    expect(running.rows[0].entry.title).to.equal('投诉受理决定书（新）');

    await page.locator('[data-test=history]').click();
    await page.locator('[data-test=compare-1]').click();
    await page.locator('[data-test=diff] .add', { hasText: NEW_SENTENCE }).waitFor();
    await page.locator('[data-test=diff] .del', { hasText: '本局决定予以受理。' }).first().waitFor();
    await p.ui.screenshot('notice-template-history');
    await page.locator('[data-test=rollback-1]').click();
    await page.locator('.el-message-box').getByRole('button', { name: '回滚' }).click();
    await page.locator('.el-message--success', { hasText: '第 3 版' }).waitFor();
    expect(await versions('accept-decision')).to.deep.equal([1, 2, 3]);
    const rolledBack = await p.env.t.pool.query("SELECT content FROM notice_template_versions WHERE name = 'accept-decision' AND version = 3");
    expect(rolledBack.rows[0].content).to.equal(original);
    await page.keyboard.press('Escape');

    // A new notice for a new process step: named, given its entry, previewed, deployed.
    await page.locator('[data-test=new-template]').click();
    await page.locator('.el-message-box input').fill('inspection-notice');
    await page.locator('.el-message-box').getByRole('button', { name: '下一步' }).click();
    await page.locator('input[name=title]').fill('现场检查通知书');
    await page.locator('input[name=prefix]').fill('检通');
    await page.locator('input[name=article-20]').fill('第二十条');
    await preview.locator('h1', { hasText: '现场检查通知书' }).waitFor();
    await preview.locator('text=检通〔2026〕000123号').waitFor();
    await page.locator('[data-test=deploy]').click();
    await page.locator('.el-message--success', { hasText: '已部署为第 1 版' }).waitFor();
    const added = await p.env.t.pool.query("SELECT version, entry FROM notice_template_versions WHERE name = 'inspection-notice'");
    expect(added.rows).to.deep.equal([{ version: 1, entry: { title: '现场检查通知书', prefix: '检通', articles: { 'SAMR Order No. 20': '第二十条', 'SAMR Order No. 121': null } } }]);
    await page.locator('[data-test=template-inspection-notice]').waitFor();
    expect(p.ui.problems).to.deep.equal([]);
  });

  it('shows the years still to enter, and saves a clicked day of one', async () => {
    const { page } = p.ui;
    const next = new Date().getFullYear() + 1;
    await page.goto(`${p.base}/process/calendar`);
    const missing = page.locator('[data-test=missing-years]');
    await missing.waitFor();
    expect(await missing.innerText()).to.contain(`${next} 年的节假日安排尚未录入`);
    // The page opens on the first year to enter; a built-in year shows its holidays read-only.
    await page.locator('[data-test=year-status]', { hasText: '尚未录入' }).waitFor();
    await p.ui.screenshot('holiday-calendar-missing');

    await page.locator('input[name=holidayName]').fill('元旦');
    await page.locator(`[data-date="${next}-01-01"]`).click();
    await page.locator('[data-test=mode-workday]').click();
    await page.locator('input[name=holidayName]').fill('春节');
    await page.locator(`[data-date="${next}-02-06"]`).click();
    expect(await page.locator(`[data-date="${next}-01-01"]`).getAttribute('class')).to.contain('holiday');
    expect(await page.locator(`[data-date="${next}-02-06"]`).getAttribute('class')).to.contain('workday').and.contain('pending');
    await page.locator('[data-test=dirty]', { hasText: '未保存的修改 2 处' }).waitFor();
    // 保存 first shows what will change against the version in force (none yet).
    await page.locator('[data-test=save]').click();
    const toSave = page.locator('.el-dialog [data-test=changes] li');
    await toSave.first().waitFor();
    expect(await toSave.allInnerTexts()).to.have.length(2);
    expect((await toSave.allInnerTexts()).join('\n')).to.contain('新增 放假（元旦）').and.contain('新增 调休上班（春节）');
    await page.locator('[data-test=confirm-save]').click();
    await page.locator('.el-message--success', { hasText: `${next} 年的节假日安排已保存为第 1 版` }).waitFor();
    const saved = await p.env.t.pool.query(`SELECT to_char(date, 'YYYY-MM-DD') AS date, kind, name FROM holiday_calendar_entries WHERE extract(year FROM date) = $1 ORDER BY date`, [next]);
    expect(saved.rows).to.deep.equal([{ date: `${next}-01-01`, kind: 'holiday', name: '元旦' }, { date: `${next}-02-06`, kind: 'workday', name: '春节' }]);
    await page.locator('[data-test=year-status]', { hasText: '本局录入' }).waitFor();
    if (await missing.count()) expect(await missing.innerText()).not.to.contain(`${next} 年`);
    await p.ui.screenshot('holiday-calendar');

    // A year the package covers: its State Council days shown as built in.
    await page.locator('[data-test=year]').click();
    await page.locator('.el-select-dropdown__item', { hasText: '2026 年（内置）' }).click();
    await page.locator('[data-test=year-status]', { hasText: '内置数据' }).waitFor();
    expect(await page.locator('[data-date="2026-02-17"]').getAttribute('class')).to.contain('holiday').and.contain('builtin');
    expect(await page.locator('[data-date="2026-02-17"]').getAttribute('title')).to.equal('放假：春节（内置）');
    expect(p.ui.problems).to.deep.equal([]);
  });

  it('saves the year again, shows its history, compares with the first version on the calendar and rolls back', async () => {
    const { page } = p.ui;
    const next = new Date().getFullYear() + 1;
    const entries = async () => (await p.env.t.pool.query(
      `SELECT to_char(date, 'YYYY-MM-DD') AS date, kind, name FROM holiday_calendar_entries WHERE extract(year FROM date) = $1 ORDER BY date`, [next])).rows;
    const first = await entries();
    await page.goto(`${p.base}/process/calendar`);
    await page.locator('[data-test=year]').click();
    await page.locator('.el-select-dropdown__item', { hasText: `${next} 年（已录入）` }).click();
    await page.locator('[data-test=in-force]', { hasText: '第 1 版' }).waitFor();

    // Second save: one more day off, the make-up working day withdrawn.
    await page.locator('input[name=holidayName]').fill('元旦');
    await page.locator(`[data-date="${next}-01-02"]`).click();
    await page.locator('[data-test=mode-normal]').click();
    await page.locator(`[data-date="${next}-02-06"]`).click();
    await page.locator('[data-test=save]').click();
    const toSave = page.locator('.el-dialog [data-test=changes] li');
    await toSave.first().waitFor();
    expect(await toSave.allInnerTexts()).to.have.length(2);
    expect(await toSave.nth(0).innerText()).to.contain('新增').and.contain('放假（元旦）');
    expect(await toSave.nth(1).innerText()).to.contain('删除').and.contain('调休上班（春节）');
    await page.locator('[data-test=confirm-save]').click();
    await page.locator('.el-message--success', { hasText: '已保存为第 2 版' }).waitFor();
    await page.locator('[data-test=in-force]', { hasText: '第 2 版' }).waitFor();
    expect(await entries()).to.deep.equal([{ date: `${next}-01-01`, kind: 'holiday', name: '元旦' }, { date: `${next}-01-02`, kind: 'holiday', name: '元旦' }]);

    // 历史版本: who and when; 对比 lists the days and marks them on the calendar.
    await page.locator('[data-test=history]').click();
    const drawer = page.locator('.el-drawer', { hasText: '历史版本' });
    const { rows: [admin] } = await p.env.t.pool.query("SELECT display_name FROM users WHERE login = 'liucheng'");
    await drawer.locator('.el-table__row', { hasText: '第 1 版' }).filter({ hasText: admin.display_name }).waitFor();
    await drawer.locator('.el-table__row', { hasText: '第 2 版' }).filter({ hasText: '生效中' }).waitFor();
    await page.locator('[data-test=compare-1]').click();
    const diff = page.locator('[data-test=diff] [data-test=changes] li');
    await diff.first().waitFor();
    expect(await diff.evaluateAll((items) => items.map((li) => [li.getAttribute('data-day'), li.className]))).to.deep.equal([[`${next}-01-02`, 'added'], [`${next}-02-06`, 'removed']]);
    expect(await page.locator(`[data-date="${next}-01-02"]`).getAttribute('class')).to.contain('diff-added');
    expect(await page.locator(`[data-date="${next}-02-06"]`).getAttribute('class')).to.contain('diff-removed');
    expect(await page.locator(`[data-date="${next}-01-01"]`).getAttribute('class')).not.to.contain('diff-');
    await page.locator('[data-test=comparing]', { hasText: '2 处不同' }).waitFor();
    await p.ui.screenshot('holiday-calendar-history');

    // 回滚 to the first version, after confirmation: a third version with its days.
    await page.locator('[data-test=rollback-1]').click();
    await page.locator('.el-message-box').getByRole('button', { name: '回滚' }).click();
    await page.locator('.el-message--success', { hasText: '现为第 3 版' }).waitFor();
    await drawer.locator('.el-table__row', { hasText: '第 3 版' }).filter({ hasText: '回滚自第 1 版' }).waitFor();
    await page.locator('[data-test=comparing]').waitFor({ state: 'detached' });
    expect(await entries()).to.deep.equal(first);
    const versions = await p.env.t.pool.query('SELECT version, rolled_back_from FROM holiday_calendar_versions WHERE year = $1 ORDER BY version', [next]);
    expect(versions.rows).to.deep.equal([{ version: 1, rolled_back_from: null }, { version: 2, rolled_back_from: null }, { version: 3, rolled_back_from: 1 }]);
    await page.keyboard.press('Escape');
    expect(await page.locator(`[data-date="${next}-02-06"]`).getAttribute('class')).to.contain('workday');
    expect(p.ui.problems).to.deep.equal([]);
  });

  it('sends a user whose password an administrator set to change it first, then on to the page asked for', async () => {
    const { page } = p.ui;
    const admin = new Client(p.base);
    expect((await admin.login(LOGIN_OF_ROLE['system-admin'], PASSWORD)).status).to.equal(200);
    const created = await admin.post('/api/admin/users', { login: 'xinren02', displayName: '新流程管理员', departmentId: await departmentId(p.env.t, '370100'), roles: ['process-admin'] });
    expect(created.status, JSON.stringify(created.body)).to.equal(201);

    await page.context().clearCookies();
    await page.goto(`${p.base}/process/calendar`);
    await page.waitForURL(/\/login/);
    await page.locator('input[name=login]').fill('xinren02');
    await page.locator('input[name=password]').fill(created.body.initialPassword);
    await page.locator('[data-test=login-submit]').click();
    await page.waitForURL(/\/password\?redirect=(%2F|\/)process(%2F|\/)calendar/);
    await page.locator('[data-test=must-change]').waitFor();
    await p.ui.screenshot('password-change');
    await page.locator('input[name=currentPassword]').fill(created.body.initialPassword);
    await page.locator('input[name=newPassword]').fill('short');
    await page.locator('input[name=confirm]').fill('short');
    await page.locator('[data-test=password-submit]').click();
    await page.locator('.el-form-item__error', { hasText: '密码太短' }).waitFor();
    await page.locator('input[name=newPassword]').fill('Xinren-02-own!');
    await page.locator('input[name=confirm]').fill('Xinren-02-own!');
    await page.locator('[data-test=password-submit]').click();
    await page.waitForURL(/\/process\/calendar$/);
    await page.locator('[data-test=calendar]').waitFor();
    expect(p.ui.problems.filter((m) => !m.includes('403'))).to.deep.equal([]);
  });
});
