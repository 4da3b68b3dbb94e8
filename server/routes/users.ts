// Managing accounts (system administrators, within their scope).
import { ROLES } from '../access/roles.ts';
import { scopeCondition } from '../access/scope.ts';
import { generatePassword, hashPassword, passwordProblem, PASSWORD_RULE } from '../auth/passwords.ts';
import { deleteUserSessions } from '../auth/sessions.ts';
import { conflict, invalidField, notFound } from '../http/errors.ts';
import { audit } from '../org/audit.ts';
import { departmentInScope } from '../org/departments.ts';
import { isUniqueViolation } from '../org/pg-errors.ts';
import { transaction } from '../../database/index.ts';
import { ACCOUNT_SELECT, accountInScope, accountJson, setRoles, type AccountRow } from '../org/users.ts';
import type { Endpoint } from './endpoint.ts';
import { idParams, paging, password, roleList, uuid } from './schemas.ts';

const TAG = '账号管理';

const account = {
  type: 'object',
  properties: {
    id: { type: 'string', format: 'uuid' },
    login: { type: 'string' },
    displayName: { type: 'string' },
    department: { type: 'object', properties: { id: { type: 'string' }, code: { type: 'string' }, name: { type: 'string' }, kind: { type: 'string' } } },
    roles: { type: 'array', items: { type: 'string' } },
    phone: { type: ['string', 'null'] },
    status: { type: 'string', enum: ['active', 'disabled'] },
    mustChangePassword: { type: 'boolean' },
    failedAttempts: { type: 'integer' },
    lockedUntil: { type: ['string', 'null'], format: 'date-time' },
    lastLoginAt: { type: ['string', 'null'], format: 'date-time' },
    createdAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
  },
};

const fields = {
  displayName: { type: 'string', minLength: 1, maxLength: 50, title: '姓名' },
  departmentId: uuid('所属部门'),
  roles: roleList,
  phone: { type: ['string', 'null'], pattern: '^[0-9+()\\- ]{5,20}$', title: '联系电话', description: '手机或座机号码，5–20 位数字，可含 + - ( ) 空格' },
};

const roleText = Object.entries(ROLES).map(([code, r]) => `${code}=${r.label}`).join('，');

export const list: Endpoint = {
  summary: '账号列表（本人管理范围内）',
  tag: TAG,
  query: {
    type: 'object',
    properties: {
      departmentId: uuid('部门'),
      includeSubDepartments: { type: 'boolean', default: true, title: '包含下级部门' },
      q: { type: 'string', maxLength: 50, title: '登录名或姓名' },
      role: { type: 'string', enum: Object.keys(ROLES), title: '角色' },
      status: { type: 'string', enum: ['active', 'disabled'], title: '状态' },
      ...paging,
    },
    additionalProperties: false,
  },
  responses: {
    200: { description: '账号', schema: { type: 'object', properties: { items: { type: 'array', items: account }, total: { type: 'integer' } } } },
  },
  async handle({ ctx, user, query }) {
    const params: unknown[] = [];
    const where = [scopeCondition(user!.scope, 'u.department_id', params)];
    if (query.departmentId) {
      params.push(query.departmentId);
      where.push(query.includeSubDepartments
        ? `d.path LIKE (SELECT path FROM departments WHERE id = $${params.length}) || '%'`
        : `u.department_id = $${params.length}`);
    }
    if (query.q) {
      params.push(`%${query.q.replace(/[\\%_]/g, (c: string) => `\\${c}`)}%`);
      where.push(`(u.login ILIKE $${params.length} OR u.display_name ILIKE $${params.length})`);
    }
    if (query.role) {
      params.push(query.role);
      where.push(`EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role = $${params.length})`);
    }
    if (query.status) {
      params.push(query.status);
      where.push(`u.status = $${params.length}`);
    }
    params.push(query.limit, query.offset);
    const { rows } = await ctx.pool.query<AccountRow & { total: number }>(
      `SELECT x.*, count(*) OVER ()::int AS total FROM (${ACCOUNT_SELECT} WHERE ${where.join(' AND ')}) x
        ORDER BY x.department_path, x.login LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    const now = ctx.clock();
    return { body: { items: rows.map((r) => accountJson(r, now)), total: rows[0]?.total ?? 0 } };
  },
};

export const get: Endpoint = {
  summary: '查看账号',
  tag: TAG,
  params: idParams,
  responses: { 200: { description: '账号', schema: account } },
  async handle({ ctx, user, params }) {
    const row = await accountInScope(ctx.pool, user!.scope, params.id);
    if (!row) throw notFound();
    return { body: accountJson(row, ctx.clock()) };
  },
};

export const create: Endpoint = {
  summary: '新建账号',
  description: `不给密码时生成一个，只在本次响应中返回一次。新账号首次登录后须修改密码。密码规则：${PASSWORD_RULE}。角色：${roleText}。`,
  tag: TAG,
  body: {
    type: 'object',
    properties: {
      login: { type: 'string', pattern: '^[a-z][a-z0-9._-]{1,31}$', title: '登录名', description: '小写字母开头，由小写字母、数字、点、下划线、连字符组成，2–32 位' },
      ...fields,
      password: password('初始密码'),
    },
    required: ['login', 'displayName', 'departmentId', 'roles'],
    additionalProperties: false,
  },
  responses: {
    201: { description: '已创建', schema: { type: 'object', properties: { user: account, initialPassword: { type: 'string', description: '仅在未提供密码时返回' } } } },
  },
  async handle({ ctx, req, res, user, body }) {
    if (body.password !== undefined) {
      const problem = passwordProblem(body.password, body.login);
      if (problem) throw invalidField('password', problem);
    }
    const initialPassword = body.password === undefined ? generatePassword() : undefined;
    const hash = await hashPassword(body.password ?? initialPassword);
    const now = ctx.clock();
    const created = await transaction(ctx.pool, async (db) => {
      const dept = await departmentInScope(db, user!.scope, body.departmentId);
      if (!dept || !dept.active) throw invalidField('departmentId', '部门不存在、已停用或不在您的管理范围内');
      const inserted = await db.query<{ id: string }>(
        `INSERT INTO users (login, display_name, department_id, phone, password_hash, must_change_password, password_changed_at, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, true, $6, $6, $6) RETURNING id`,
        [body.login, body.displayName, dept.id, body.phone ?? null, hash, now],
      ).catch((err) => {
        if (isUniqueViolation(err, 'users_login')) throw conflict('LOGIN_TAKEN', '登录名已被使用', [{ path: 'login', message: '登录名已被使用' }]);
        throw err;
      });
      const id = inserted.rows[0]!.id;
      await setRoles(db, id, body.roles);
      const row = (await accountInScope(db, user!.scope, id))!;
      await audit(ctx, req, res, { action: 'user.created', actor: user, target: { type: 'user', id }, after: accountJson(row, now) }, db);
      return row;
    });
    return { status: 201, body: { user: accountJson(created, now), ...(initialPassword ? { initialPassword } : {}) } };
  },
};

export const update: Endpoint = {
  summary: '修改账号（姓名、部门、角色、电话、启用/停用）',
  description: '停用账号立即结束其所有会话；角色和部门的变更在其下一个请求时生效。',
  tag: TAG,
  params: idParams,
  body: {
    type: 'object',
    properties: { ...fields, status: { type: 'string', enum: ['active', 'disabled'], title: '状态' } },
    minProperties: 1,
    additionalProperties: false,
  },
  responses: { 200: { description: '已修改', schema: account } },
  async handle({ ctx, req, res, user, params, body }) {
    const self = params.id === user!.id;
    if (self && body.status === 'disabled') throw invalidField('status', '不能停用自己的账号');
    if (self && body.roles && !body.roles.includes('system-admin')) throw invalidField('roles', '不能去掉自己的系统管理员角色');
    const now = ctx.clock();
    const after = await transaction(ctx.pool, async (db) => {
      const before = await accountInScope(db, user!.scope, params.id, true);
      if (!before) throw notFound();
      if (body.departmentId !== undefined) {
        const dept = await departmentInScope(db, user!.scope, body.departmentId);
        if (!dept || !dept.active) throw invalidField('departmentId', '部门不存在、已停用或不在您的管理范围内');
      }
      await db.query(
        `UPDATE users SET display_name = COALESCE($2, display_name), department_id = COALESCE($3, department_id),
                          phone = CASE WHEN $4 THEN $5 ELSE phone END, status = COALESCE($6, status), updated_at = $7
          WHERE id = $1`,
        [before.id, body.displayName ?? null, body.departmentId ?? null, 'phone' in body, body.phone ?? null, body.status ?? null, now],
      );
      if (body.roles) await setRoles(db, before.id, body.roles);
      const row = (await accountInScope(db, user!.scope, before.id))!;
      await audit(ctx, req, res, { action: 'user.updated', actor: user, target: { type: 'user', id: before.id }, before: accountJson(before, now), after: accountJson(row, now) }, db);
      return row;
    });
    if (body.status === 'disabled') await deleteUserSessions(ctx, after.id);
    return { body: accountJson(after, now) };
  },
};

export const resetPassword: Endpoint = {
  summary: '重置账号密码',
  description: `不给密码时生成一个并返回一次。同时解除锁定、结束其所有会话，下次登录须修改密码。密码规则：${PASSWORD_RULE}。`,
  tag: TAG,
  params: idParams,
  body: { type: 'object', properties: { password: password('新密码') }, additionalProperties: false },
  responses: {
    200: { description: '已重置（生成的密码）', schema: { type: 'object', properties: { password: { type: 'string' } } } },
    204: { description: '已重置为给定的密码' },
  },
  async handle({ ctx, req, res, user, params, body }) {
    if (params.id === user!.id) throw invalidField('params.id', '请通过“修改本人密码”修改自己的密码');
    const target = await accountInScope(ctx.pool, user!.scope, params.id);
    if (!target) throw notFound();
    if (body.password !== undefined) {
      const problem = passwordProblem(body.password, target.login);
      if (problem) throw invalidField('password', problem);
    }
    const generated = body.password === undefined ? generatePassword() : undefined;
    const now = ctx.clock();
    await ctx.pool.query(
      `UPDATE users SET password_hash = $2, must_change_password = true, password_changed_at = $3,
                        failed_attempts = 0, locked_until = NULL, updated_at = $3 WHERE id = $1`,
      [target.id, await hashPassword(body.password ?? generated), now],
    );
    await deleteUserSessions(ctx, target.id);
    await audit(ctx, req, res, { action: 'user.password-reset', actor: user, target: { type: 'user', id: target.id } });
    return generated ? { body: { password: generated } } : undefined;
  },
};

export const unlock: Endpoint = {
  summary: '解除账号锁定',
  tag: TAG,
  params: idParams,
  responses: { 204: { description: '已解锁' } },
  async handle({ ctx, req, res, user, params }) {
    const target = await accountInScope(ctx.pool, user!.scope, params.id);
    if (!target) throw notFound();
    await ctx.pool.query('UPDATE users SET failed_attempts = 0, locked_until = NULL, updated_at = $2 WHERE id = $1', [target.id, ctx.clock()]);
    await audit(ctx, req, res, { action: 'user.unlocked', actor: user, target: { type: 'user', id: target.id }, before: { lockedUntil: target.locked_until } });
  },
};
