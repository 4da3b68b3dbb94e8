import { expect } from 'chai';
import { createPool, createTestDatabase } from '../../database/index.ts';
import { startServer } from '../../server/index.ts';
import { Client, PASSWORD, departmentId, signedIn, signedInFirstTime, startTestServer, userId, type TestServer } from './support.ts';

describe('server: accounts and departments', function () {
  let t: TestServer;
  let admin: Client;
  before(async () => {
    t = await startTestServer();
    admin = await signedIn(t, 'admin');
  });
  after(async () => { await t?.stop(); });

  const snapshot = async () => (await t.pool.query(
    `SELECT (SELECT json_agg(u ORDER BY login) FROM users u) AS users, (SELECT json_agg(d ORDER BY code) FROM departments d) AS departments,
            (SELECT json_agg(r ORDER BY user_id, role) FROM user_roles r) AS roles`)).rows[0];

  describe('users', () => {
    it('creates an account with a generated password shown once, which must be changed', async () => {
      const created = await admin.post('/api/admin/users', {
        login: 'xinjie02', displayName: '承办人 刘洋', departmentId: await departmentId(t, '370102-DL'), roles: ['handler'], phone: '0571-8888 1234',
      });
      expect(created.status).to.equal(201);
      expect(created.body.user).to.include({ login: 'xinjie02', displayName: '承办人 刘洋', status: 'active', mustChangePassword: true, phone: '0571-8888 1234' });
      expect(created.body.user.department.code).to.equal('370102-DL');
      expect(created.body.initialPassword).to.match(/^.{14}$/);
      const me = await signedIn(t, 'xinjie02', created.body.initialPassword);
      expect((await me.get('/api/auth/me')).body.user.mustChangePassword).to.equal(true);
      const again = await admin.get(`/api/admin/users/${created.body.user.id}`);
      expect(again.body).not.to.have.property('initialPassword');
      expect(JSON.stringify(again.body)).not.to.include('scrypt');
    });

    it('names the field of each mistake and changes nothing', async () => {
      const before = await snapshot();
      const bad = await admin.post('/api/admin/users', {
        login: '9lives', displayName: '', departmentId: 'not-a-uuid', roles: ['handler', 'handler', 'boss'], phone: 'call me', nickname: 'x',
      });
      expect(bad.status).to.equal(400);
      expect(bad.body.error.code).to.equal('VALIDATION_FAILED');
      const byPath = Object.fromEntries(bad.body.error.details.map((d: any) => [d.path, d.message]));
      expect(byPath).to.include({
        login: '登录名：格式不正确：小写字母开头，由小写字母、数字、点、下划线、连字符组成，2–32 位',
        displayName: '姓名：不能为空',
        departmentId: '所属部门：格式不正确：UUID',
        'roles[2]': '角色：应为以下之一：dispatcher、handler、legal、deputy-leader、principal-leader、hotline-centre、supervisor、process-admin、system-admin',
        roles: '角色：不能有重复项',
        phone: '联系电话：格式不正确：手机或座机号码，5–20 位数字，可含 + - ( ) 空格',
        nickname: '不允许的字段',
      });
      const missing = await admin.post('/api/admin/users', { login: 'abc' });
      expect(missing.body.error.details.map((d: any) => d.path)).to.deep.equal(['displayName', 'departmentId', 'roles']);
      const weak = await admin.post('/api/admin/users', { login: 'abc', displayName: 'A', departmentId: await departmentId(t, '370100'), roles: ['handler'], password: 'short' });
      expect(weak.body.error.details).to.deep.equal([{ path: 'password', message: '密码太短：至少 10 个字符，包含大写字母、小写字母、数字、符号中的至少三类，且不含登录名' }]);
      const duplicate = await admin.post('/api/admin/users', { login: 'chengban', displayName: '重名', departmentId: await departmentId(t, '370100'), roles: ['handler'] });
      expect(duplicate.status).to.equal(409);
      expect(duplicate.body.error).to.deep.include({ code: 'LOGIN_TAKEN', details: [{ path: 'login', message: '登录名已被使用' }] });
      const badQuery = await admin.get('/api/admin/users?limit=0&status=gone');
      expect(badQuery.body.error.details.map((d: any) => d.path).sort()).to.deep.equal(['query.limit', 'query.status']);
      const badJson = await admin.request('PATCH', `/api/admin/users/${await userId(t, 'chengban')}`, '{"displayName": ');
      expect(badJson.status).to.equal(400);
      expect(badJson.body.error.code).to.equal('INVALID_JSON');
      expect(await snapshot()).to.deep.equal(before);
    });

    it('lists and filters accounts', async () => {
      const all = await admin.get('/api/admin/users');
      expect(all.body.total).to.equal(all.body.items.length).and.to.be.at.least(10);
      const handlers = await admin.get('/api/admin/users?role=handler');
      expect(handlers.body.items.map((u: any) => u.login).sort()).to.deep.equal(['chengban', 'xinjie02']);
      const byName = await admin.get(`/api/admin/users?q=${encodeURIComponent('刘洋')}`);
      expect(byName.body.items.map((u: any) => u.login)).to.deep.equal(['xinjie02']);
      const lixia = await departmentId(t, '370102');
      expect((await admin.get(`/api/admin/users?departmentId=${lixia}`)).body.total).to.equal(2);
      expect((await admin.get(`/api/admin/users?departmentId=${lixia}&includeSubDepartments=false`)).body.total).to.equal(0);
      const page = await admin.get('/api/admin/users?limit=2&offset=1');
      expect(page.body.items).to.have.length(2);
      expect(page.body.total).to.equal(all.body.total);
      expect((await admin.get('/api/admin/users?q=%25')).body.total).to.equal(0);
    });

    it('changes roles and department with effect on the user\'s next request', async () => {
      const client = await signedIn(t, 'xinjie02', await resetTo('xinjie02', 'Xinjie-02-pass'));
      const id = await userId(t, 'xinjie02');
      const changed = await admin.patch(`/api/admin/users/${id}`, { roles: ['handler', 'supervisor'], departmentId: await departmentId(t, '370102-YJ'), phone: null });
      expect(changed.status).to.equal(200);
      expect(changed.body.roles).to.deep.equal(['handler', 'supervisor']);
      expect(changed.body.phone).to.equal(null);
      const me = (await client.get('/api/auth/me')).body.user;
      expect(me.department.code).to.equal('370102-YJ');
      expect(me.scope).to.deep.equal({ kind: 'bureau', departmentId: await departmentId(t, '370102'), wholeOrganisation: false });
      const audit = await t.pool.query("SELECT before, after FROM account_audit WHERE action = 'user.updated' AND target_id = $1", [id]);
      expect(audit.rows[0].before.roles).to.deep.equal(['handler']);
      expect(audit.rows[0].after.roles).to.deep.equal(['handler', 'supervisor']);
    });

    it('disables an account: its sessions end and it cannot sign in', async () => {
      const client = await signedIn(t, 'duban');
      const id = await userId(t, 'duban');
      expect((await admin.patch(`/api/admin/users/${id}`, { status: 'disabled' })).status).to.equal(200);
      expect((await client.get('/api/auth/me')).status).to.equal(401);
      const refused = await new Client(t.base).login('duban');
      expect(refused.status).to.equal(403);
      expect(refused.body.error).to.deep.equal({ code: 'ACCOUNT_DISABLED', message: '账号已停用，请联系系统管理员' });
      // A wrong password still says only "wrong": a disabled account is not revealed to guessers.
      expect((await new Client(t.base).login('duban', 'Wrong-passw0rd')).status).to.equal(401);
      await admin.patch(`/api/admin/users/${id}`, { status: 'active' });
      expect((await new Client(t.base).login('duban')).status).to.equal(200);
    });

    it('keeps administrators from locking themselves out', async () => {
      const self = await userId(t, 'admin');
      expect((await admin.patch(`/api/admin/users/${self}`, { status: 'disabled' })).body.error.details[0].path).to.equal('status');
      expect((await admin.patch(`/api/admin/users/${self}`, { roles: ['handler'] })).body.error.details[0].path).to.equal('roles');
      expect((await admin.post(`/api/admin/users/${self}/reset-password`)).status).to.equal(400);
    });

    it('resets a password (generated or given), unlocking the account and ending its sessions', async () => {
      const client = await signedIn(t, 'zhuyao');
      for (let i = 0; i < 5; i++) await new Client(t.base).login('zhuyao', 'Wrong-passw0rd');
      const id = await userId(t, 'zhuyao');
      expect((await admin.get(`/api/admin/users/${id}`)).body.lockedUntil).to.be.a('string');
      const reset = await admin.post(`/api/admin/users/${id}/reset-password`);
      expect(reset.status).to.equal(200);
      expect(reset.body.password).to.match(/^.{14}$/);
      expect((await client.get('/api/auth/me')).status).to.equal(401);
      const fresh = await new Client(t.base).login('zhuyao', reset.body.password);
      expect(fresh.status).to.equal(200);
      expect(fresh.body.user.mustChangePassword).to.equal(true);
      const given = await admin.post(`/api/admin/users/${id}/reset-password`, { password: PASSWORD });
      expect(given.status).to.equal(204);
      expect((await new Client(t.base).login('zhuyao')).status).to.equal(200);
    });

    it('unlocks a locked account', async () => {
      for (let i = 0; i < 5; i++) await new Client(t.base).login('fenguan', 'Wrong-passw0rd');
      expect((await new Client(t.base).login('fenguan')).status).to.equal(423);
      expect((await admin.post(`/api/admin/users/${await userId(t, 'fenguan')}/unlock`)).status).to.equal(204);
      expect((await new Client(t.base).login('fenguan')).status).to.equal(200);
    });

    it('answers 404 for accounts that do not exist or are outside the administrator\'s scope', async () => {
      expect((await admin.get('/api/admin/users/00000000-0000-4000-8000-000000000000')).status).to.equal(404);
      const district = await districtAdmin();
      const cityUser = await userId(t, 'fenguan');
      expect((await district.get(`/api/admin/users/${cityUser}`)).status).to.equal(404);
      expect((await district.patch(`/api/admin/users/${cityUser}`, { displayName: 'x' })).status).to.equal(404);
      expect((await district.post(`/api/admin/users/${cityUser}/unlock`)).status).to.equal(404);
      const logins = (await district.get('/api/admin/users')).body.items.map((u: any) => u.login).sort();
      expect(logins).to.deep.equal(['chengban', 'lixia-admin', 'xinjie02']);
      const outside = await district.post('/api/admin/users', { login: 'sneaky', displayName: 'x', departmentId: await departmentId(t, '370100'), roles: ['handler'] });
      expect(outside.status).to.equal(400);
      expect(outside.body.error.details[0].path).to.equal('departmentId');
    });
  });

  describe('departments', () => {
    it('creates departments under a parent in scope, with unique codes', async () => {
      const parent = await departmentId(t, '370102');
      const created = await admin.post('/api/admin/departments', { code: '370102-BY', name: '北苑市场监管所', kind: 'station', parentId: parent });
      expect(created.status).to.equal(201);
      expect(created.body).to.include({ code: '370102-BY', name: '北苑市场监管所', kind: 'station', parentId: parent, active: true });
      const duplicate = await admin.post('/api/admin/departments', { code: '370102-BY', name: '又一个', kind: 'station', parentId: parent });
      expect(duplicate.status).to.equal(409);
      expect(duplicate.body.error.details[0].path).to.equal('code');
      const city = await admin.post('/api/admin/departments', { code: 'city2', name: '第二市局', kind: 'city-bureau', parentId: parent });
      expect(city.body.error.details).to.deep.equal([{ path: 'kind', message: '市局只能是组织树的根' }]);
      const badCode = await admin.post('/api/admin/departments', { code: 'dept:x', name: 'x', kind: 'station', parentId: parent });
      expect(badCode.body.error.details[0].path).to.equal('code');
    });

    it('moves a department with everything below it, and its people follow into the new bureau', async () => {
      const xinjie = await departmentId(t, '370102-DL');
      const moved = await admin.patch(`/api/admin/departments/${xinjie}`, { parentId: await departmentId(t, '370115'), name: '甸柳市场监管所（划转）' });
      expect(moved.status).to.equal(200);
      const chengban = await signedIn(t, 'chengban');
      expect((await chengban.get('/api/auth/me')).body.user.bureau.code).to.equal('370115');
      const { rows } = await t.pool.query("SELECT d.path, p.path AS parent_path FROM departments d JOIN departments p ON p.id = d.parent_id WHERE d.code = '370102-DL'");
      expect(rows[0].path.startsWith(rows[0].parent_path)).to.equal(true);
      const cycle = await admin.patch(`/api/admin/departments/${await departmentId(t, '370115')}`, { parentId: xinjie });
      expect(cycle.body.error.details).to.deep.equal([{ path: 'parentId', message: '不能移到自身或其下级部门之下' }]);
      const root = await admin.patch(`/api/admin/departments/${await departmentId(t, '370100')}`, { parentId: xinjie });
      expect(root.body.error.details[0].path).to.equal('parentId');
      await admin.patch(`/api/admin/departments/${xinjie}`, { parentId: await departmentId(t, '370102') });
    });

    it('deactivates only a department with no active people or sub-departments', async () => {
      const busy = await admin.patch(`/api/admin/departments/${await departmentId(t, '370102')}`, { active: false });
      expect(busy.status).to.equal(409);
      expect(busy.body.error.code).to.equal('DEPARTMENT_IN_USE');
      const empty = await departmentId(t, '370102-BY');
      expect((await admin.patch(`/api/admin/departments/${empty}`, { active: false })).body.active).to.equal(false);
      expect((await admin.get('/api/admin/departments')).body.items.map((d: any) => d.code)).not.to.include('370102-BY');
      expect((await admin.get('/api/admin/departments?includeInactive=true')).body.items.map((d: any) => d.code)).to.include('370102-BY');
      const into = await admin.post('/api/admin/users', { login: 'late', displayName: 'x', departmentId: empty, roles: ['handler'] });
      expect(into.body.error.details[0].path).to.equal('departmentId');
      expect((await admin.patch(`/api/admin/departments/${empty}`, {})).body.error.details[0].message).to.equal('至少提供 1 个字段');
    });

    it('shows a district administrator only its own bureau', async () => {
      const district = await districtAdmin();
      const codes = (await district.get('/api/admin/departments')).body.items.map((d: any) => d.code).sort();
      expect(codes).to.deep.equal(['370102', '370102-DL', '370102-XBK', '370102-YJ', '370102-ZFDD']);
      expect((await district.get(`/api/admin/departments/${await departmentId(t, '370100')}`)).status).to.equal(404);
      const up = await district.patch(`/api/admin/departments/${await departmentId(t, '370102')}`, { active: false });
      expect(up.body.error.details[0].path).to.equal('active');
    });
  });

  describe('first start', () => {
    it('seeds once: a restart on the same database creates nothing', async () => {
      const before = await snapshot();
      const again = await startServer({ pool: t.pool, port: 0, settings: { demoPassword: PASSWORD, logLevel: 'silent' }, clock: () => t.clock.now, announce: () => {} });
      try {
        expect(again.seeded).to.deep.equal([]);
        expect(await snapshot()).to.deep.equal(before);
      } finally {
        await again.stop();
      }
    });

    it('without the demo, creates one bureau and an administrator who must change the generated password', async () => {
      const db = await createTestDatabase();
      const pool = createPool(db.url);
      const lines: string[] = [];
      const server = await startServer({ pool, port: 0, settings: { demoSeed: false, logLevel: 'silent' }, announce: (l) => lines.push(l) });
      try {
        expect(server.seeded.map((a) => a.login)).to.deep.equal(['admin']);
        expect(lines.join('\n')).to.include(server.seeded[0]!.password);
        const login = await new Client(`http://127.0.0.1:${server.port}`).login('admin', server.seeded[0]!.password);
        expect(login.body.user).to.deep.include({ mustChangePassword: true, roles: ['system-admin'] });
        expect(login.body.user.department).to.include({ code: 'bureau', kind: 'city-bureau' });
      } finally {
        await server.stop();
        await pool.end();
        await db.drop();
      }
    });
  });

  async function resetTo(login: string, password: string): Promise<string> {
    await admin.post(`/api/admin/users/${await userId(t, login)}/reset-password`, { password });
    return password;
  }

  let districtClient: Client | undefined;
  async function districtAdmin(): Promise<Client> {
    if (!districtClient) {
      const created = await admin.post('/api/admin/users', { login: 'lixia-admin', displayName: '历下区局系统管理员', departmentId: await departmentId(t, '370102'), roles: ['system-admin'] });
      if (created.status !== 201) throw new Error(JSON.stringify(created.body));
      districtClient = await signedInFirstTime(t, 'lixia-admin', created.body.initialPassword, 'Lixia#2026-ok');
    }
    return districtClient;
  }
});
