import { expect } from 'chai';
import { hashPassword, verifyPassword } from '../../server/auth/passwords.ts';
import { ROUTES } from '../../server/routes/table.ts';
import { Client, PASSWORD, departmentId, signedIn, startTestServer, type TestServer } from './support.ts';

const MINUTE = 60_000;

describe('server: login, sessions and CSRF', function () {
  let t: TestServer;
  before(async () => { t = await startTestServer(); });
  after(async () => { await t?.stop(); });

  describe('login', () => {
    it('signs in with a session cookie (HttpOnly, SameSite, no Secure over plain HTTP) and returns user, roles, department and CSRF token', async () => {
      const client = new Client(t.base);
      const answer = await client.login('chengban');
      expect(answer.status).to.equal(200);
      const cookie = answer.headers.get('set-cookie')!;
      expect(cookie).to.match(/^sid=[A-Za-z0-9_-]{43};/).and.match(/HttpOnly/).and.match(/SameSite=Strict/).and.match(/Path=\//);
      expect(cookie).not.to.match(/Secure/);
      expect(answer.body.user).to.include({ login: 'chengban', displayName: '承办人 王强' });
      expect(answer.body.user.roles).to.deep.equal(['handler']);
      expect(answer.body.user.department).to.include({ code: '370102-DL', kind: 'station' });
      expect(answer.body.user.bureau).to.include({ code: '370102', kind: 'district-bureau' });
      expect(answer.body.user.scope.kind).to.equal('department');
      expect(answer.body.csrfToken).to.be.a('string').with.length.above(30);

      const me = await client.get('/api/auth/me');
      expect(me.status).to.equal(200);
      expect(me.body.user.login).to.equal('chengban');
      expect(me.body.csrfToken).to.equal(answer.body.csrfToken);
    });

    it('accepts the login name in any case and stores the password as scrypt with N = 2^15 and its own salt', async () => {
      expect((await new Client(t.base).login('ChengBan')).status).to.equal(200);
      const { rows } = await t.pool.query<{ password_hash: string }>("SELECT password_hash FROM users WHERE login IN ('chengban', 'fazhi')");
      for (const { password_hash } of rows) expect(password_hash).to.match(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
      expect(rows[0]!.password_hash.split('$')[4]).not.to.equal(rows[1]!.password_hash.split('$')[4]);
    });

    it('answers a wrong password and an unknown login alike, counting down the attempts', async () => {
      const wrong = await new Client(t.base).login('duban', 'Wrong-passw0rd');
      const unknown = await new Client(t.base).login('nobody', 'Wrong-passw0rd');
      for (const answer of [wrong, unknown]) {
        expect(answer.status).to.equal(401);
        expect(answer.body.error).to.include({ code: 'INVALID_CREDENTIALS', attemptsLeft: 4 });
        expect(answer.body.error.message).to.equal('账号或密码错误，再失败 4 次账号将被锁定 15 分钟');
        expect(answer.headers.get('set-cookie')).to.equal(null);
      }
      // A success resets the count.
      expect((await new Client(t.base).login('duban')).status).to.equal(200);
      expect((await new Client(t.base).login('duban', 'Wrong-passw0rd')).body.error.attemptsLeft).to.equal(4);
      await new Client(t.base).login('duban');
    });

    it('locks an account after 5 failures, with the unlock time in Beijing time, refusing even the right password until then', async () => {
      const client = new Client(t.base);
      for (let i = 1; i <= 4; i++) expect((await client.login('fazhi', `Wrong-passw0rd${i}`)).status).to.equal(401);
      const fifth = await client.login('fazhi', 'Wrong-passw0rd5');
      expect(fifth.status).to.equal(423);
      expect(fifth.body.error.code).to.equal('ACCOUNT_LOCKED');
      const until = new Date(t.clock.now.getTime() + 15 * MINUTE);
      expect(fifth.body.error.lockedUntil).to.equal(until.toISOString());
      expect(fifth.body.error.message).to.equal('连续 5 次登录失败，账号已被锁定，请于 2026-05-11 09:15（北京时间）后再试，或联系系统管理员解锁');
      expect(fifth.headers.get('retry-after')).to.equal('900');

      const right = await client.login('fazhi');
      expect(right.status).to.equal(423);
      expect(right.body.error.code).to.equal('ACCOUNT_LOCKED');

      t.clock.advance(15 * MINUTE);
      expect((await client.login('fazhi')).status).to.equal(200);
      const audit = await t.pool.query("SELECT action FROM account_audit WHERE after->>'login' = 'fazhi' OR target_id = (SELECT id::text FROM users WHERE login = 'fazhi') ORDER BY id");
      expect(audit.rows.map((r) => r.action)).to.include.members(['login.failed', 'login.failed-locked', 'login.refused-locked', 'login.succeeded']);
    });

    it('locks an unknown login name the same way, so locking reveals no account', async () => {
      const client = new Client(t.base);
      for (let i = 1; i <= 4; i++) expect((await client.login('ghost', 'Wrong-passw0rd')).status).to.equal(401);
      const fifth = await client.login('ghost', 'Wrong-passw0rd');
      expect(fifth.status).to.equal(423);
      expect(fifth.body.error.code).to.equal('ACCOUNT_LOCKED');
      expect((await client.login('ghost', 'Wrong-passw0rd')).status).to.equal(423);
    });

    it('refuses a body that is not JSON: a cross-site form cannot post a login', async () => {
      const res = await fetch(`${t.base}/api/auth/login`, {
        method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `login=chengban&password=${encodeURIComponent(PASSWORD)}`,
      });
      expect(res.status).to.equal(400);
      expect((await res.json()).error.code).to.equal('BODY_REQUIRED');
    });
  });

  describe('throttling per address', () => {
    let small: TestServer;
    before(async () => { small = await startTestServer({ loginIpMaxFailures: 3, loginIpWindowMinutes: 10 }); });
    after(async () => { await small?.stop(); });

    it('blocks an address after too many failures, across accounts, while other addresses still sign in', async () => {
      const attacker = new Client(small.base, { 'x-forwarded-for': '203.0.113.7' });
      expect((await attacker.login('dengji', 'Wrong-passw0rd')).status).to.equal(401);
      expect((await attacker.login('duban', 'Wrong-passw0rd')).status).to.equal(401);
      const third = await attacker.login('rexian', 'Wrong-passw0rd');
      expect(third.status).to.equal(429);
      expect(third.body.error.code).to.equal('LOGIN_THROTTLED');
      expect(third.body.error.message).to.equal('本网络地址登录失败次数过多，请于 2026-05-11 09:10（北京时间）后再试');
      expect(third.headers.get('retry-after')).to.equal('600');
      // Even the right password waits, and the block is not an account lock.
      expect((await attacker.login('dengji')).status).to.equal(429);
      expect((await new Client(small.base, { 'x-forwarded-for': '198.51.100.9' }).login('dengji')).status).to.equal(200);

      small.clock.advance(10 * MINUTE);
      expect((await attacker.login('dengji')).status).to.equal(200);
    });
  });

  describe('sessions', () => {
    it('ends after 30 idle minutes, and each request keeps it alive', async () => {
      const client = await signedIn(t, 'rexian');
      t.clock.advance(29 * MINUTE);
      expect((await client.get('/api/auth/me')).status).to.equal(200);
      t.clock.advance(29 * MINUTE);
      expect((await client.get('/api/auth/me')).status).to.equal(200);
      t.clock.advance(31 * MINUTE);
      const expired = await client.get('/api/auth/me');
      expect(expired.status).to.equal(401);
      expect(expired.body.error).to.deep.equal({ code: 'UNAUTHENTICATED', message: '未登录或登录已过期，请重新登录' });
    });

    it('ends 12 hours after login however busy it is', async () => {
      const client = await signedIn(t, 'rexian');
      for (let elapsed = 0; elapsed < 11 * 60; elapsed += 25) {
        t.clock.advance(25 * MINUTE);
        expect((await client.get('/api/auth/me')).status, `after ${elapsed + 25} minutes`).to.equal(200);
      }
      t.clock.advance(60 * MINUTE);
      expect((await client.get('/api/auth/me')).status).to.equal(401);
      const { rows } = await t.pool.query("SELECT count(*)::int AS n FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.login = 'rexian'");
      expect(rows[0].n).to.equal(0);
    });

    it('logs out: the cookie is cleared and the old cookie no longer works', async () => {
      const client = await signedIn(t, 'dengji');
      const cookie = client.cookie!;
      const out = await client.post('/api/auth/logout');
      expect(out.status).to.equal(204);
      expect(out.headers.get('set-cookie')).to.match(/^sid=;.*Expires=Thu, 01 Jan 1970/);
      expect((await new Client(t.base, { cookie }).get('/api/auth/me')).status).to.equal(401);
    });

    it('gives a new session at each login (no fixation) and keeps several sessions apart', async () => {
      const a = await signedIn(t, 'dengji');
      const b = await signedIn(t, 'dengji');
      expect(a.cookie).not.to.equal(b.cookie);
      expect(a.csrfToken).not.to.equal(b.csrfToken);
      await a.post('/api/auth/logout');
      expect((await b.get('/api/auth/me')).status).to.equal(200);
    });

    it('sets Secure when configured, or under auto when TLS ended at a trusted proxy', async () => {
      const viaTls = await new Client(t.base, { 'x-forwarded-proto': 'https' }).login('dengji');
      expect(viaTls.headers.get('set-cookie')).to.match(/; Secure/);
      const always = await startTestServer({ cookieSecure: true, cookieSameSite: 'lax' });
      try {
        const answer = await new Client(always.base).login('dengji');
        expect(answer.headers.get('set-cookie')).to.match(/; Secure/).and.match(/SameSite=Lax/);
      } finally {
        await always.stop();
      }
    });
  });

  describe('CSRF (synchronizer token)', () => {
    it('refuses an unsafe cookie request without the token, with a wrong one, or with another session\'s', async () => {
      const client = await signedIn(t, 'dengji');
      const other = await signedIn(t, 'duban');
      const missing = await client.post('/api/auth/logout', undefined, { 'x-csrf-token': '' });
      expect(missing.status).to.equal(403);
      expect(missing.body.error.code).to.equal('CSRF_TOKEN_INVALID');
      expect(missing.body.error.details).to.deep.equal([{ path: 'X-CSRF-Token', message: '缺少 CSRF 令牌' }]);
      const wrong = await client.post('/api/auth/logout', undefined, { 'x-csrf-token': 'x'.repeat(43) });
      expect(wrong.status).to.equal(403);
      expect(wrong.body.error.details[0].message).to.equal('CSRF 令牌不正确');
      expect((await client.post('/api/auth/logout', undefined, { 'x-csrf-token': other.csrfToken! })).status).to.equal(403);
      // Nothing happened: the session is still there; reads need no token.
      expect((await client.get('/api/auth/me', { 'x-csrf-token': '' })).status).to.equal(200);
      expect((await client.post('/api/auth/logout')).status).to.equal(204);
    });
  });

  describe('passwords', () => {
    it('changes one\'s own password under the policy, ending the other sessions', async () => {
      const client = await signedIn(t, 'liucheng');
      const elsewhere = await signedIn(t, 'liucheng');
      const wrongCurrent = await client.post('/api/auth/password', { currentPassword: 'nope', newPassword: 'N3w-Password!' });
      expect(wrongCurrent.status).to.equal(400);
      expect(wrongCurrent.body.error.details).to.deep.equal([{ path: 'currentPassword', message: '当前密码不正确' }]);
      const weak = await client.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'abcdefghijk' });
      expect(weak.status).to.equal(400);
      expect(weak.body.error.details[0].path).to.equal('newPassword');
      expect(weak.body.error.details[0].message).to.match(/^密码太简单/);
      const withLogin = await client.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'Liucheng-2026!' });
      expect(withLogin.body.error.details[0].message).to.equal('密码不能包含登录名');

      expect((await client.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'N3w-Password!' })).status).to.equal(204);
      expect((await client.get('/api/auth/me')).status).to.equal(200);
      expect((await elsewhere.get('/api/auth/me')).status).to.equal(401);
      expect((await new Client(t.base).login('liucheng', 'N3w-Password!')).status).to.equal(200);
      expect((await new Client(t.base).login('liucheng')).status).to.equal(401);
    });

    it('verifies timing-safely and asks for a rehash of hashes made with weaker parameters', async () => {
      const strong = await hashPassword('Some-Passw0rd');
      expect(await verifyPassword('Some-Passw0rd', strong)).to.deep.equal({ ok: true, needsRehash: false });
      expect(await verifyPassword('Some-Passw0rd!', strong)).to.deep.equal({ ok: false, needsRehash: false });
      // Full-width letters from a Chinese IME count as the ASCII ones.
      expect((await verifyPassword('Ｓｏｍｅ-Passw0rd', strong)).ok).to.equal(true);
      const weak = strong.replace('scrypt$32768$', 'scrypt$1024$');
      const [, , , , salt] = weak.split('$');
      const crypto = await import('node:crypto');
      const key = crypto.scryptSync('Some-Passw0rd', Buffer.from(salt!, 'base64'), 32, { N: 1024, r: 8, p: 1 });
      const legacy = `scrypt$1024$8$1$${salt}$${key.toString('base64')}`;
      expect(await verifyPassword('Some-Passw0rd', legacy)).to.deep.equal({ ok: true, needsRehash: true });
    });
  });

  describe('a password set by an administrator', () => {
    it('must be changed before any other API answers: 403 PASSWORD_CHANGE_REQUIRED everywhere but me, password and logout', async () => {
      const admin = await signedIn(t, 'admin');
      const created = await admin.post('/api/admin/users', { login: 'xinren01', displayName: '新同事', departmentId: await departmentId(t, '370102-DL'), roles: ['handler', 'process-admin', 'system-admin'] });
      expect(created.status).to.equal(201);
      const client = await signedIn(t, 'xinren01', created.body.initialPassword);

      const open = new Set(['/api/auth/me', '/api/auth/password', '/api/auth/logout']);
      const guarded = ROUTES.filter((r) => r.access.kind === 'session' && !open.has(r.path));
      expect(guarded.length).to.be.greaterThan(20);
      for (const route of guarded) {
        const path = route.path.replace(/:[A-Za-z]+/g, (p) => (p === ':year' ? '2027' : p === ':version' ? '1' : '00000000-0000-4000-8000-000000000000'));
        const answer = await client.request(route.method, path, route.method === 'GET' ? undefined : {});
        expect(answer.status, `${route.method} ${route.path}`).to.equal(403);
        expect(answer.body.error.code, `${route.method} ${route.path}`).to.equal('PASSWORD_CHANGE_REQUIRED');
      }
      const refused = await client.get('/api/admin/users');
      expect(refused.body.error.message).to.equal('请先修改密码：管理员设置的初始密码或重置后的密码须由本人修改后才能继续使用');
      const me = await client.get('/api/auth/me');
      expect(me.status).to.equal(200);
      expect(me.body.user.mustChangePassword).to.equal(true);

      const changed = await client.post('/api/auth/password', { currentPassword: created.body.initialPassword, newPassword: 'Xinren-01-own!' });
      expect(changed.status).to.equal(204);
      expect((await client.get('/api/auth/me')).body.user.mustChangePassword).to.equal(false);
      expect((await client.get('/api/admin/users')).status).to.equal(200);
      expect((await client.get('/api/notice-templates')).status).to.equal(200);

      // A reset puts the requirement back; signing out stays possible.
      expect((await admin.post(`/api/admin/users/${created.body.user.id}/reset-password`, { password: 'Reset-by-admin-1' })).status).to.equal(204);
      const again = await signedIn(t, 'xinren01', 'Reset-by-admin-1');
      expect((await again.get('/api/admin/users')).body.error.code).to.equal('PASSWORD_CHANGE_REQUIRED');
      expect((await again.post('/api/auth/logout')).status).to.equal(204);
    });
  });
});
