// Signing in and out, who am I, changing one's own password.
import { checkLogin } from '../auth/login.ts';
import { hashPassword, passwordProblem, verifyPassword } from '../auth/passwords.ts';
import { publicUser, loadUser } from '../auth/session-user.ts';
import { clearSessionCookie, createSession, deleteSession, deleteUserSessions, setSessionCookie } from '../auth/sessions.ts';
import { invalidField, unauthenticated } from '../http/errors.ts';
import { audit } from '../org/audit.ts';
import type { Endpoint } from './endpoint.ts';
import { password, sessionUser } from './schemas.ts';

const TAG = '登录与会话';

const signedIn = {
  type: 'object',
  properties: { user: sessionUser, csrfToken: { type: 'string', description: '不安全方法（POST/PATCH/PUT/DELETE）须在 X-CSRF-Token 请求头中携带' } },
};

export const login: Endpoint = {
  summary: '登录',
  description: '成功后设置会话 Cookie（sid）并返回 CSRF 令牌。连续失败达到上限后账号锁定；同一网络地址失败过多时暂时限制。',
  tag: TAG,
  body: {
    type: 'object',
    properties: {
      login: { type: 'string', minLength: 1, maxLength: 64, title: '登录名' },
      password: password('密码'),
    },
    required: ['login', 'password'],
    additionalProperties: false,
  },
  responses: { 200: { description: '已登录', schema: signedIn } },
  async handle({ ctx, req, res, body }) {
    const userId = await checkLogin(ctx, req, res, body.login, body.password);
    // A new session id at every login: a token planted before login is worth nothing.
    const session = await createSession(ctx, userId, req);
    setSessionCookie(ctx, req, res, session.token);
    const user = (await loadUser(ctx.pool, userId))!;
    res.locals.user = user;
    return { body: { user: publicUser(user), csrfToken: session.csrfToken } };
  },
};

export const logout: Endpoint = {
  summary: '退出登录',
  tag: TAG,
  responses: { 204: { description: '会话已结束' } },
  async handle({ ctx, req, res, user }) {
    await deleteSession(ctx, res.locals.session!.tokenHash);
    clearSessionCookie(ctx, req, res);
    await audit(ctx, req, res, { action: 'logout', actor: user });
  },
};

export const me: Endpoint = {
  summary: '当前用户、角色、部门与 CSRF 令牌',
  tag: TAG,
  responses: { 200: { description: '当前用户', schema: signedIn } },
  async handle({ res, user }) {
    return { body: { user: publicUser(user!), csrfToken: res.locals.session!.csrfToken } };
  },
};

export const changePassword: Endpoint = {
  summary: '修改本人密码',
  description: '修改后本人的其他会话全部结束。',
  tag: TAG,
  body: {
    type: 'object',
    properties: { currentPassword: password('当前密码'), newPassword: password('新密码') },
    required: ['currentPassword', 'newPassword'],
    additionalProperties: false,
  },
  responses: { 204: { description: '已修改' } },
  async handle({ ctx, req, res, user, body }) {
    const { rows } = await ctx.pool.query<{ password_hash: string }>('SELECT password_hash FROM users WHERE id = $1', [user!.id]);
    if (!rows[0]) throw unauthenticated();
    if (!(await verifyPassword(body.currentPassword, rows[0].password_hash)).ok) throw invalidField('currentPassword', '当前密码不正确');
    const problem = passwordProblem(body.newPassword, user!.login);
    if (problem) throw invalidField('newPassword', problem);
    await ctx.pool.query(
      'UPDATE users SET password_hash = $2, must_change_password = false, password_changed_at = $3, updated_at = $3 WHERE id = $1',
      [user!.id, await hashPassword(body.newPassword), ctx.clock()],
    );
    await deleteUserSessions(ctx, user!.id, res.locals.session!.tokenHash);
    await audit(ctx, req, res, { action: 'password.changed', actor: user, target: { type: 'user', id: user!.id } });
  },
};
