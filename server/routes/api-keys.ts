// API keys of outside systems (system administrators, within their scope).
import { API_KEY_SCOPES } from '../auth/api-key-scopes.ts';
import { newKeyId, newSecret, sealSecret } from '../auth/api-key-secrets.ts';
import { SIGNATURE_HEADERS } from '../auth/hmac.ts';
import { scopeCondition } from '../access/scope.ts';
import { invalidField, notFound } from '../http/errors.ts';
import { audit } from '../org/audit.ts';
import { departmentInScope } from '../org/departments.ts';
import type { Endpoint } from './endpoint.ts';
import { idParams, uuid } from './schemas.ts';

const TAG = 'API 密钥';

interface KeyRow {
  id: string;
  key_id: string;
  name: string;
  department_id: string;
  scopes: string[];
  rate_per_minute: number;
  burst: number;
  created_by: string | null;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

const keyJson = (k: KeyRow) => ({
  id: k.id, keyId: k.key_id, name: k.name, departmentId: k.department_id, scopes: k.scopes,
  ratePerMinute: k.rate_per_minute, burst: k.burst, createdBy: k.created_by, createdAt: k.created_at.toISOString(),
  lastUsedAt: k.last_used_at?.toISOString() ?? null, revokedAt: k.revoked_at?.toISOString() ?? null,
});

const apiKey = {
  type: 'object',
  properties: {
    id: { type: 'string', format: 'uuid' },
    keyId: { type: 'string', description: '请求头 X-Api-Key 的值' },
    name: { type: 'string' },
    departmentId: { type: 'string', format: 'uuid' },
    scopes: { type: 'array', items: { type: 'string' } },
    ratePerMinute: { type: 'integer' },
    burst: { type: 'integer' },
    createdBy: { type: ['string', 'null'] },
    createdAt: { type: 'string', format: 'date-time' },
    lastUsedAt: { type: ['string', 'null'], format: 'date-time' },
    revokedAt: { type: ['string', 'null'], format: 'date-time' },
  },
};

const COLUMNS = 'id, key_id, name, department_id, scopes, rate_per_minute, burst, created_by, created_at, last_used_at, revoked_at';

export const list: Endpoint = {
  summary: 'API 密钥列表（不含密钥本身）',
  tag: TAG,
  query: { type: 'object', properties: { includeRevoked: { type: 'boolean', default: false, title: '包含已吊销' } }, additionalProperties: false },
  responses: { 200: { description: '密钥', schema: { type: 'object', properties: { items: { type: 'array', items: apiKey } } } } },
  async handle({ ctx, user, query }) {
    const params: unknown[] = [];
    const where = [scopeCondition(user!.scope, 'department_id', params)];
    if (!query.includeRevoked) where.push('revoked_at IS NULL');
    const { rows } = await ctx.pool.query<KeyRow>(`SELECT ${COLUMNS} FROM api_keys WHERE ${where.join(' AND ')} ORDER BY created_at`, params);
    return { body: { items: rows.map(keyJson) } };
  },
};

export const create: Endpoint = {
  summary: '新建 API 密钥（密钥只在本次响应中返回一次）',
  description: `外部系统用它对请求签名：请求头 ${SIGNATURE_HEADERS.join('、')}，签名见 /api/docs 的“外部系统”说明。`,
  tag: TAG,
  body: {
    type: 'object',
    properties: {
      name: { type: 'string', minLength: 1, maxLength: 100, title: '名称', description: '如“市 12345 政务服务便民热线平台”' },
      departmentId: { ...uuid('所属部门'), description: '该系统推送的工单所属的单位；默认为本人所在的局' },
      scopes: {
        type: 'array', title: '权限', uniqueItems: true, maxItems: 20,
        items: { type: 'string', enum: Object.keys(API_KEY_SCOPES), title: '权限' },
        description: Object.entries(API_KEY_SCOPES).map(([k, v]) => `${k}=${v}`).join('，'),
      },
      ratePerMinute: { type: 'integer', minimum: 1, maximum: 100000, title: '每分钟请求数' },
      burst: { type: 'integer', minimum: 1, maximum: 100000, title: '突发请求数' },
    },
    required: ['name', 'scopes'],
    additionalProperties: false,
  },
  responses: {
    201: { description: '已创建', schema: { type: 'object', properties: { apiKey, secret: { type: 'string', description: 'HMAC-SHA256 的密钥，只返回这一次' } } } },
  },
  async handle({ ctx, req, res, user, body }) {
    const dept = await departmentInScope(ctx.pool, user!.scope, body.departmentId ?? user!.bureau.id);
    if (!dept || !dept.active) throw invalidField('departmentId', '部门不存在、已停用或不在您的管理范围内');
    const secret = newSecret();
    const burst = body.burst ?? ctx.settings.apiKeyBurst;
    const now = ctx.clock();
    const { rows } = await ctx.pool.query<KeyRow>(
      `INSERT INTO api_keys (key_id, name, department_id, scopes, secret, rate_per_minute, burst, bucket_tokens, bucket_updated_at, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7::int, $7::int, $8::timestamptz, $9, $8::timestamptz) RETURNING ${COLUMNS}`,
      [newKeyId(), body.name, dept.id, body.scopes, sealSecret(secret, ctx.settings.apiKeyMasterKey),
        body.ratePerMinute ?? ctx.settings.apiKeyRatePerMinute, burst, now, user!.id],
    );
    const key = keyJson(rows[0]!);
    await audit(ctx, req, res, { action: 'api-key.created', actor: user, target: { type: 'api-key', id: key.id }, after: key });
    return { status: 201, body: { apiKey: key, secret } };
  },
};

export const revoke: Endpoint = {
  summary: '吊销 API 密钥',
  description: '吊销后立即失效；记录保留以备审计。',
  tag: TAG,
  params: idParams,
  responses: { 204: { description: '已吊销' } },
  async handle({ ctx, req, res, user, params }) {
    const values: unknown[] = [params.id, ctx.clock()];
    const { rows } = await ctx.pool.query<{ id: string }>(
      `UPDATE api_keys SET revoked_at = COALESCE(revoked_at, $2)
        WHERE id = $1 AND ${scopeCondition(user!.scope, 'department_id', values)} RETURNING id`, values);
    if (!rows[0]) throw notFound();
    await audit(ctx, req, res, { action: 'api-key.revoked', actor: user, target: { type: 'api-key', id: params.id } });
  },
};
