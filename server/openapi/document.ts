// The OpenAPI 3.1 document, generated from the route table and the endpoints' ajv schemas
// (JSON Schema 2020-12, OpenAPI 3.1's own dialect), so it cannot drift from what runs.
import { ROLES } from '../access/roles.ts';
import { CSRF_HEADER } from '../auth/csrf.ts';
import type { Route, ResponseSpec } from '../routes/endpoint.ts';
import type { JsonSchema } from '../http/validation.ts';

export const SIGNING_GUIDE = [
  '外部系统（如 12345 平台）用系统管理员发放的 API 密钥对每个请求签名：',
  '请求头 X-Api-Key = 密钥编号（ak_...）；X-Timestamp = 当前 Unix 时间（秒），与服务器相差不得超过允许范围（默认 300 秒）；',
  'X-Nonce = 每个请求新生成的 16–64 位随机串（字母、数字、_、-），不可重复使用；',
  'X-Signature = 十六进制小写 HMAC-SHA256(密钥, 待签名串)，',
  '待签名串 = 大写方法 + "\\n" + 路径和查询串（与请求行一致）+ "\\n" + X-Timestamp + "\\n" + X-Nonce + "\\n" + 十六进制 SHA-256(请求体原始字节；无请求体时为空串)。',
  '请求体须为 JSON（Content-Type: application/json）。每个密钥按令牌桶限流，超出时返回 429 和 Retry-After。',
].join('');

export const SESSION_GUIDE = [
  '浏览器先调用 POST /api/auth/login 登录，服务器设置 HttpOnly 会话 Cookie（sid）并返回 CSRF 令牌；',
  `之后每个 POST/PUT/PATCH/DELETE 请求须在请求头 ${CSRF_HEADER} 中带上该令牌（同步令牌模式），令牌也可从 GET /api/auth/me 取得。`,
  '会话在一段时间无操作后或登录后固定时长后失效。',
].join('');

export const ERROR_GUIDE = '所有错误返回 { "error": { "code", "message"（中文）, "details": [{ "path", "message" }] } }；' +
  'path 指出出错的字段（请求体字段直接写名称，如 roles[0]；查询参数写 query.名称；路径参数写 params.名称）。' +
  '500 错误带 errorId，与服务器日志中的记录对应。';

const errorSchema = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      properties: {
        code: { type: 'string' },
        message: { type: 'string', description: '中文说明' },
        details: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } }, required: ['path', 'message'] } },
        errorId: { type: 'string', description: '仅 500：与日志对应的错误编号' },
      },
      required: ['code', 'message'],
    },
  },
  required: ['error'],
};

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export const openApiPath = (path: string) => path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

export function operationId(route: Route): string {
  const words = [route.method.toLowerCase(), ...route.path.split(/[/:{}.-]+/).filter(Boolean)];
  return words.map((w, i) => (i === 0 ? w : w[0]!.toUpperCase() + w.slice(1))).join('');
}

/** Who may call the route, in words (for x-access and the docs page). */
export function accessText(route: Route): string {
  const { access } = route;
  if (access.kind === 'public') return '公开，无需登录';
  if (access.kind === 'apiKey') return `外部系统签名请求${access.scope ? `（密钥须有 ${access.scope} 权限）` : ''}`;
  return `登录用户，角色：${access.roles.map((r) => ROLES[r].label).join('、')}`;
}

function errorResponses(route: Route): Record<string, ResponseSpec> {
  const out: Record<string, ResponseSpec> = {};
  const e = route.endpoint;
  if (e.params || e.query || e.body) out[400] = { description: '请求内容有误（details 指出字段）' };
  if (route.access.kind === 'session') {
    out[401] = { description: '未登录或会话已过期' };
    out[403] = { description: SAFE.has(route.method) ? '角色无权访问' : '角色无权访问，或 CSRF 令牌缺失/不正确' };
  }
  if (route.access.kind === 'apiKey') {
    out[401] = { description: '签名缺失、错误、时间戳超出范围或重放' };
    if (route.access.scope) out[403] = { description: '密钥无此权限' };
    out[429] = { description: '超出限流，见 Retry-After' };
  }
  if (/:id\b/.test(route.path)) out[404] = { description: '不存在或不在您的管理范围内' };
  out[500] = { description: '服务器内部错误（带 errorId）' };
  return out;
}

function parameters(route: Route) {
  const list: object[] = [];
  for (const location of ['params', 'query'] as const) {
    const schema = route.endpoint[location] as { properties?: Record<string, JsonSchema>; required?: string[] } | undefined;
    for (const [name, property] of Object.entries(schema?.properties ?? {})) {
      list.push({
        name,
        in: location === 'params' ? 'path' : 'query',
        required: location === 'params' || (schema?.required ?? []).includes(name),
        ...(typeof property.title === 'string' ? { description: property.title } : {}),
        schema: property,
      });
    }
  }
  return list;
}

export function openApiDocument(routes: readonly Route[], version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const e = route.endpoint;
    const responses: Record<string, unknown> = {};
    for (const [status, spec] of Object.entries<ResponseSpec>({ ...errorResponses(route), ...e.responses })) {
      const isError = Number(status) >= 400;
      const schema = spec.schema ?? (isError ? { $ref: '#/components/schemas/Error' } : undefined);
      responses[status] = { description: spec.description, ...(schema ? { content: { [spec.contentType ?? 'application/json']: { schema } } } : {}) };
    }
    const security = route.access.kind === 'public' ? []
      : route.access.kind === 'apiKey' ? [{ apiKeySignature: [] }]
        : [SAFE.has(route.method) ? { sessionCookie: [] } : { sessionCookie: [], csrfToken: [] }];
    const params = parameters(route);
    (paths[openApiPath(route.path)] ??= {})[route.method.toLowerCase()] = {
      operationId: operationId(route),
      summary: e.summary,
      ...(e.description ? { description: e.description } : {}),
      tags: [e.tag],
      security,
      ...(params.length ? { parameters: params } : {}),
      ...(e.body ? { requestBody: { required: (e.body.required as string[] | undefined)?.length ? true : false, content: { 'application/json': { schema: e.body } } } } : {}),
      responses,
      'x-access': accessText(route),
      ...(route.access.kind === 'session' ? { 'x-roles': route.access.roles } : {}),
      'x-scope': route.scope,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: '市场监管投诉举报处置平台 API',
      version,
      description: `${SESSION_GUIDE}\n\n${SIGNING_GUIDE}\n\n${ERROR_GUIDE}`,
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    paths,
    components: {
      schemas: { Error: errorSchema },
      securitySchemes: {
        sessionCookie: { type: 'apiKey', in: 'cookie', name: 'sid', description: SESSION_GUIDE },
        csrfToken: { type: 'apiKey', in: 'header', name: CSRF_HEADER, description: '会话的 CSRF 令牌（登录响应或 GET /api/auth/me 返回）' },
        apiKeySignature: { type: 'apiKey', in: 'header', name: 'X-Api-Key', description: SIGNING_GUIDE },
      },
    },
  };
}
