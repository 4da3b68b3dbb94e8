// ─── TEMPORARY STUB ────────────────────────────────────────────────────────────────────
// A stand-in for the three /api/auth endpoints of server/, used ONLY by the login-shell
// test until the real server can be started in the UI tests; then that test runs against
// the real Express app and this file is deleted. It answers in the real server's shapes
// (server/routes/auth.ts, server/http/errors.ts): { user, csrfToken }, { error: { code,
// message, details } }, and checks the X-CSRF-Token header on logout as the server does.
// ───────────────────────────────────────────────────────────────────────────────────────
import crypto from 'node:crypto';
import type { ApiHandler, RecordedRequest } from './static-server.ts';

export interface StubAccount {
  login: string;
  password: string;
  displayName: string;
  roles: string[];
  department: string;
}

export const STUB_ACCOUNTS: StubAccount[] = [
  { login: 'liucheng', password: 'Test-1234', displayName: '王流程', roles: ['process-admin'], department: '投诉举报处置中心' },
  { login: 'duban', password: 'Test-1234', displayName: '李督办', roles: ['supervisor'], department: '12315 指挥中心' },
];

export function authStub(): ApiHandler & { sessions: Map<string, { account: StubAccount; csrfToken: string }> } {
  const sessions = new Map<string, { account: StubAccount; csrfToken: string }>();
  const sessionOf = (req: RecordedRequest) => {
    const sid = /(?:^|;\s*)sid=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
    return sid ? sessions.get(sid) : undefined;
  };
  const signedIn = (account: StubAccount, csrfToken: string) => ({
    user: {
      id: crypto.randomUUID(),
      login: account.login,
      displayName: account.displayName,
      roles: account.roles,
      department: { id: crypto.randomUUID(), code: 'D01', name: account.department, kind: 'centre' },
      bureau: { id: crypto.randomUUID(), code: 'B01', name: '示例市市场监督管理局', kind: 'city-bureau' },
      scope: { kind: 'bureau', departmentId: crypto.randomUUID() },
      mustChangePassword: false,
    },
    csrfToken,
  });
  const unauthenticated = { status: 401, body: { error: { code: 'UNAUTHENTICATED', message: '未登录或登录已过期，请重新登录' } } };

  const handler = (async (req: RecordedRequest) => {
    if (req.method === 'POST' && req.path === '/api/auth/login') {
      const body = (req.body ?? {}) as { login?: string; password?: string };
      const name = body.login?.trim().toLowerCase();
      if (!name) {
        return { status: 400, body: { error: { code: 'VALIDATION_FAILED', message: '请求内容有误：login（登录名：不能为空）', details: [{ path: 'login', message: '登录名：不能为空' }] } } };
      }
      const account = STUB_ACCOUNTS.find((a) => a.login === name);
      if (!account || account.password !== body.password) {
        return { status: 401, body: { error: { code: 'INVALID_CREDENTIALS', message: '账号或密码错误，再失败 4 次账号将被锁定 15 分钟', attemptsLeft: 4 } } };
      }
      const sid = crypto.randomBytes(16).toString('hex');
      const csrfToken = crypto.randomBytes(16).toString('hex');
      sessions.set(sid, { account, csrfToken });
      return { status: 200, body: signedIn(account, csrfToken), headers: { 'Set-Cookie': `sid=${sid}; Path=/; HttpOnly; SameSite=Lax` } };
    }
    if (req.method === 'GET' && req.path === '/api/auth/me') {
      const session = sessionOf(req);
      return session ? { status: 200, body: signedIn(session.account, session.csrfToken) } : unauthenticated;
    }
    if (req.method === 'POST' && req.path === '/api/auth/logout') {
      const session = sessionOf(req);
      if (!session) return unauthenticated;
      if (req.headers['x-csrf-token'] !== session.csrfToken) {
        return { status: 403, body: { error: { code: 'CSRF_TOKEN_INVALID', message: '页面已过期或请求来源不可信，请刷新页面后重试' } } };
      }
      for (const [sid, s] of sessions) if (s === session) sessions.delete(sid);
      return { status: 204, headers: { 'Set-Cookie': 'sid=; Path=/; Max-Age=0' } };
    }
    return undefined;
  }) as ApiHandler & { sessions: typeof sessions };
  handler.sessions = sessions;
  return handler;
}
