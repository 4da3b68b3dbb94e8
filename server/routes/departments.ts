// Managing the department tree (system administrators, within their scope).
import type { DepartmentScope } from '../access/scope.ts';
import { scopeCondition } from '../access/scope.ts';
import { conflict, invalidField, notFound } from '../http/errors.ts';
import { audit } from '../org/audit.ts';
import { DEPARTMENT_KIND_CODES, DEPARTMENT_KINDS } from '../org/department-kinds.ts';
import { departmentInScope, departmentJson, insertDepartment, moveDepartment, type DepartmentRow } from '../org/departments.ts';
import { isUniqueViolation } from '../org/pg-errors.ts';
import { transaction } from '../../database/index.ts';
import type { Endpoint } from './endpoint.ts';
import { departmentRef, idParams, uuid } from './schemas.ts';

const TAG = '组织机构';

const department = {
  type: 'object',
  properties: {
    ...departmentRef.properties,
    parentId: { type: ['string', 'null'], format: 'uuid' },
    active: { type: 'boolean' },
    createdAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
  },
};

const fields = {
  name: { type: 'string', minLength: 1, maxLength: 100, title: '部门名称' },
  kind: { type: 'string', enum: DEPARTMENT_KIND_CODES, title: '部门类型', description: Object.entries(DEPARTMENT_KINDS).map(([k, v]) => `${k}=${v}`).join('，') },
  parentId: uuid('上级部门'),
};

export const list: Endpoint = {
  summary: '部门列表（本人管理范围内，按树的先序）',
  tag: TAG,
  query: {
    type: 'object',
    properties: { includeInactive: { type: 'boolean', default: false, title: '包含已停用部门' } },
    additionalProperties: false,
  },
  responses: { 200: { description: '部门', schema: { type: 'object', properties: { items: { type: 'array', items: department } } } } },
  async handle({ ctx, user, query }) {
    const params: unknown[] = [];
    const where = [scopeCondition(user!.scope, 'id', params)];
    if (!query.includeInactive) where.push('active');
    const { rows } = await ctx.pool.query<DepartmentRow>(`SELECT * FROM departments WHERE ${where.join(' AND ')} ORDER BY path`, params);
    return { body: { items: rows.map(departmentJson) } };
  },
};

export const get: Endpoint = {
  summary: '查看部门',
  tag: TAG,
  params: idParams,
  responses: { 200: { description: '部门', schema: department } },
  async handle({ ctx, user, params }) {
    const row = await departmentInScope(ctx.pool, user!.scope, params.id);
    if (!row) throw notFound();
    return { body: departmentJson(row) };
  },
};

async function activeParent(db: Parameters<typeof departmentInScope>[0], scope: DepartmentScope, id: string): Promise<DepartmentRow> {
  const parent = await departmentInScope(db, scope, id);
  if (!parent || !parent.active) throw invalidField('parentId', '上级部门不存在、已停用或不在您的管理范围内');
  return parent;
}

export const create: Endpoint = {
  summary: '新建部门',
  description: '部门编号创建后不可修改（流程的候选组 dept:<编号> 引用它）。市局只能是组织树的根，不能新建。',
  tag: TAG,
  body: {
    type: 'object',
    properties: {
      code: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$', title: '部门编号', description: '字母或数字开头，由字母、数字、下划线、连字符组成，最多 64 位' },
      ...fields,
    },
    required: ['code', 'name', 'kind', 'parentId'],
    additionalProperties: false,
  },
  responses: { 201: { description: '已创建', schema: department } },
  async handle({ ctx, req, res, user, body }) {
    if (body.kind === 'city-bureau') throw invalidField('kind', '市局只能是组织树的根');
    const row = await transaction(ctx.pool, async (db) => {
      const parent = await activeParent(db, user!.scope, body.parentId);
      const created = await insertDepartment(db, { code: body.code, name: body.name, kind: body.kind, parent }, ctx.clock()).catch((err) => {
        if (isUniqueViolation(err, 'departments_code_key')) throw conflict('CODE_TAKEN', '部门编号已被使用', [{ path: 'code', message: '部门编号已被使用' }]);
        throw err;
      });
      await audit(ctx, req, res, { action: 'department.created', actor: user, target: { type: 'department', id: created.id }, after: departmentJson(created) }, db);
      return created;
    });
    return { status: 201, body: departmentJson(row) };
  },
};

export const update: Endpoint = {
  summary: '修改部门（名称、类型、上级、停用/启用）',
  description: '停用前须先停用其下级部门和调离其在岗人员。',
  tag: TAG,
  params: idParams,
  body: {
    type: 'object',
    properties: { ...fields, active: { type: 'boolean', title: '启用' } },
    minProperties: 1,
    additionalProperties: false,
  },
  responses: { 200: { description: '已修改', schema: department } },
  async handle({ ctx, req, res, user, params, body }) {
    const scope = user!.scope;
    const row = await transaction(ctx.pool, async (db) => {
      const before = await departmentInScope(db, scope, params.id, true);
      if (!before) throw notFound();
      const isScopeRoot = before.id === scope.root.id;
      if (body.kind !== undefined && body.kind !== before.kind && (body.kind === 'city-bureau' || before.kind === 'city-bureau')) {
        throw invalidField('kind', '市局只能是组织树的根，不能改为其他类型，其他部门也不能改为市局');
      }
      const now = ctx.clock();
      if (body.parentId !== undefined && body.parentId !== before.parent_id) {
        if (isScopeRoot || !before.parent_id) throw invalidField('parentId', '不能移动您管理范围的根部门');
        const parent = await activeParent(db, scope, body.parentId);
        if (parent.path.startsWith(before.path)) throw invalidField('parentId', '不能移到自身或其下级部门之下');
        await moveDepartment(db, before, parent, now);
      }
      if (body.active === false && before.active) {
        if (isScopeRoot) throw invalidField('active', '不能停用您管理范围的根部门');
        const busy = await db.query(
          `SELECT (SELECT count(*) FROM departments WHERE parent_id = $1 AND active)::int AS children,
                  (SELECT count(*) FROM users WHERE department_id = $1 AND status = 'active')::int AS users`, [before.id]);
        const { children, users } = busy.rows[0] as { children: number; users: number };
        if (children || users) {
          throw conflict('DEPARTMENT_IN_USE', `该部门还有 ${children} 个启用的下级部门、${users} 名在岗人员，请先停用或调离`, [{ path: 'active', message: '部门仍在使用' }]);
        }
      }
      const { rows } = await db.query<DepartmentRow>(
        `UPDATE departments SET name = COALESCE($2, name), kind = COALESCE($3, kind), active = COALESCE($4, active), updated_at = $5
          WHERE id = $1 RETURNING *`,
        [before.id, body.name ?? null, body.kind ?? null, body.active ?? null, now],
      );
      await audit(ctx, req, res, { action: 'department.updated', actor: user, target: { type: 'department', id: before.id }, before: departmentJson(before), after: departmentJson(rows[0]!) }, db);
      return rows[0]!;
    });
    return { body: departmentJson(row) };
  },
};
