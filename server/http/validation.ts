// JSON Schema (2020-12, the dialect of OpenAPI 3.1) validation of bodies, query strings and
// path parameters with ajv, reported in Chinese with the field's path. A schema's `title`
// is the field's Chinese name and prefixes the message; a `description` explains what a
// `pattern` expects.
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import type { ErrorDetail } from './errors.ts';

export type JsonSchema = Record<string, unknown>;
export type Location = 'body' | 'query' | 'params';

function newAjv(coerce: boolean): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    verbose: true, // parentSchema on each error: titles for the messages
    strict: true,
    // Query strings and path parameters arrive as text: '20' → 20, 'true' → true.
    coerceTypes: coerce ? 'array' : false,
    useDefaults: coerce,
  });
  formats.default(ajv, ['uuid', 'date-time', 'date', 'email']);
  return ajv;
}

const bodyAjv = newAjv(false);
const textAjv = newAjv(true);

export type Validator = (data: unknown) => { ok: true; value: unknown } | { ok: false; details: ErrorDetail[] };

export function compileValidator(schema: JsonSchema, location: Location): Validator {
  const validate = (location === 'body' ? bodyAjv : textAjv).compile(schema);
  const prefix = location === 'body' ? '' : `${location}.`;
  return (data) => {
    // ajv's coercion and defaults write into the object: validate a copy, change nothing.
    const value = location === 'body' ? data : structuredClone(data ?? {});
    if (validate(value)) return { ok: true, value };
    return { ok: false, details: toDetails(validate.errors ?? [], prefix) };
  };
}

function toDetails(errors: ErrorObject[], prefix: string): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    // anyOf/oneOf repeat their branches' errors; the branches say it better.
    if (error.keyword === 'anyOf' || error.keyword === 'oneOf' || error.keyword === 'if') continue;
    const detail = describe(error, prefix);
    const key = `${detail.path}\n${detail.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      details.push(detail);
    }
  }
  return details;
}

const TYPE_NAMES: Record<string, string> = {
  string: '文本', integer: '整数', number: '数字', boolean: '布尔值（true 或 false）',
  array: '数组', object: '对象', null: 'null',
};

function describe(error: ErrorObject, prefix: string): ErrorDetail {
  const params = error.params as Record<string, any>;
  let segments = pointerSegments(error.instancePath);
  let schema = error.parentSchema as JsonSchema | undefined;
  let text: string;
  switch (error.keyword) {
    case 'required':
      segments = [...segments, params.missingProperty];
      schema = (schema?.properties as Record<string, JsonSchema> | undefined)?.[params.missingProperty];
      text = '必填';
      break;
    case 'additionalProperties':
      segments = [...segments, params.additionalProperty];
      schema = undefined;
      text = '不允许的字段';
      break;
    case 'type': {
      const types = String(params.type).split(',').map((t) => TYPE_NAMES[t] ?? t);
      text = `应为${types.join('或')}`;
      break;
    }
    case 'minLength':
      text = params.limit === 1 ? '不能为空' : `至少 ${params.limit} 个字符`;
      break;
    case 'maxLength':
      text = `最多 ${params.limit} 个字符`;
      break;
    case 'pattern':
    case 'format':
      text = typeof schema?.description === 'string' ? `格式不正确：${schema.description}` : `格式不正确${error.keyword === 'format' ? `（应为 ${params.format}）` : ''}`;
      break;
    case 'enum':
      text = `应为以下之一：${(params.allowedValues as unknown[]).join('、')}`;
      break;
    case 'const':
      text = `应为 ${JSON.stringify(params.allowedValue)}`;
      break;
    case 'minimum':
    case 'exclusiveMinimum':
      text = `不能小于${error.keyword === 'exclusiveMinimum' ? '或等于' : ''} ${params.limit}`;
      break;
    case 'maximum':
    case 'exclusiveMaximum':
      text = `不能大于${error.keyword === 'exclusiveMaximum' ? '或等于' : ''} ${params.limit}`;
      break;
    case 'minItems':
      text = `至少 ${params.limit} 项`;
      break;
    case 'maxItems':
      text = `最多 ${params.limit} 项`;
      break;
    case 'uniqueItems':
      text = '不能有重复项';
      break;
    case 'minProperties':
      text = `至少提供 ${params.limit} 个字段`;
      break;
    default:
      text = '取值不正确';
  }
  const path = prefix + formatPath(segments);
  const title = typeof schema?.title === 'string' ? schema.title : undefined;
  return { path: path || (prefix ? prefix.slice(0, -1) : '(请求体)'), message: title ? `${title}：${text}` : text };
}

function pointerSegments(pointer: string): string[] {
  if (!pointer) return [];
  return pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** ['roles', '0', 'code'] → 'roles[0].code' */
function formatPath(segments: string[]): string {
  let out = '';
  for (const segment of segments) out += /^\d+$/.test(segment) ? `[${segment}]` : out ? `.${segment}` : segment;
  return out;
}
