// Search filters of the Orchestration Cluster API: each filter field is a plain value or an
// advanced filter ({ $eq, $neq, $exists, $in, $notIn, $like, $gt, $gte, $lt, $lte }), turned
// here into a JSON schema (for validation) and an SQL condition with bound parameters.

import { KEY_SCHEMA } from './validate.ts';

export type FieldType = 'key' | 'string' | 'strings' | 'enum' | 'int' | 'date' | 'bool';

export interface Field {
  /** The SQL expression the field is (filters and sorts). */
  sql: string;
  type: FieldType;
  /** Allowed values of an enum field. */
  values?: readonly string[];
  /** Also accepts null (matches an absent value). */
  nullable?: boolean;
  /** A filter that is not a comparison of `sql`, e.g. an EXISTS over another projection. */
  where?: (value: any, q: Params) => string;
  /** Its schema, with `where`. */
  schema?: object;
}

/** Bound parameters of one statement. */
export class Params {
  readonly values: unknown[] = [];
  add(value: unknown, cast: string): string {
    this.values.push(value);
    return `$${this.values.length}::${cast}`;
  }
}

const CAST: Record<FieldType, string> = { key: 'bigint', string: 'text', strings: 'text', enum: 'text', int: 'bigint', date: 'bigint', bool: 'boolean' };

export function castOf(type: FieldType): string {
  return CAST[type];
}

const OPERATORS: Record<FieldType, string[]> = {
  key: ['$eq', '$neq', '$exists', '$in', '$notIn'],
  string: ['$eq', '$neq', '$exists', '$in', '$notIn', '$like'],
  strings: ['$eq', '$neq', '$exists', '$in', '$notIn', '$like'],
  enum: ['$eq', '$neq', '$exists', '$in', '$notIn', '$like'],
  int: ['$eq', '$neq', '$exists', '$gt', '$gte', '$lt', '$lte', '$in'],
  date: ['$eq', '$neq', '$exists', '$gt', '$gte', '$lt', '$lte', '$in'],
  bool: [],
};

function valueSchema(field: Field): object {
  switch (field.type) {
    case 'key':
      return KEY_SCHEMA;
    case 'enum':
      return { enum: field.values };
    case 'int':
      return { type: 'integer' };
    case 'date':
      return { type: 'string', format: 'date-time' };
    case 'bool':
      return { type: 'boolean' };
    default:
      return { type: 'string' };
  }
}

export function fieldSchema(field: Field): object {
  if (field.schema) return field.schema;
  const value = valueSchema(field);
  const operators: Record<string, object> = {};
  for (const op of OPERATORS[field.type]) {
    if (op === '$exists') operators[op] = { type: 'boolean' };
    else if (op === '$in' || op === '$notIn') operators[op] = { type: 'array', items: value };
    else if (op === '$like') operators[op] = { type: 'string' };
    else operators[op] = value;
  }
  const forms = [value];
  if (field.type !== 'bool') forms.push({ type: 'object', properties: operators, additionalProperties: false });
  if (field.nullable) forms.push({ type: 'null' });
  return forms.length === 1 ? value : { anyOf: forms };
}

function convert(type: FieldType, value: unknown): unknown {
  if (type === 'date') return Date.parse(value as string);
  if (type === 'key') return String(value);
  return value;
}

/** Camunda's like: `*` any characters, `?` one, a backslash escapes; to SQL LIKE. */
export function likePattern(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\' && i + 1 < pattern.length) {
      const next = pattern[++i];
      out += next === '%' || next === '_' || next === '\\' ? `\\${next}` : next;
    } else if (c === '*') out += '%';
    else if (c === '?') out += '_';
    else if (c === '%' || c === '_' || c === '\\') out += `\\${c}`;
    else out += c;
  }
  return out;
}

const isOperators = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A text[] column: the filter matches when any element does. */
function arrayCondition(sql: string, value: unknown, q: Params): string {
  if (!isOperators(value)) return `${q.add(value, 'text')} = ANY(${sql})`;
  const parts: string[] = [];
  for (const [op, v] of Object.entries(value)) {
    if (op === '$eq') parts.push(`${q.add(v, 'text')} = ANY(${sql})`);
    else if (op === '$neq') parts.push(`NOT (${q.add(v, 'text')} = ANY(${sql}))`);
    else if (op === '$exists') parts.push(v ? `cardinality(${sql}) > 0` : `cardinality(${sql}) = 0`);
    else if (op === '$in') parts.push(`${sql} && ${q.add(v, 'text[]')}`);
    else if (op === '$notIn') parts.push(`NOT (${sql} && ${q.add(v, 'text[]')})`);
    else if (op === '$like') parts.push(`EXISTS (SELECT 1 FROM unnest(${sql}) AS e(v) WHERE e.v LIKE ${q.add(likePattern(v as string), 'text')})`);
  }
  return parts.join(' AND ') || 'TRUE';
}

/** The condition of one filter value on an SQL expression of the given type. */
export function compare(expression: string, type: FieldType, value: unknown, q: Params): string {
  // An expression (a > b, EXISTS ...) is bracketed, so `= $1` compares all of it.
  const sql = /^[\w.]+$/.test(expression) ? expression : `(${expression})`;
  if (type === 'strings') return arrayCondition(sql, value, q);
  if (value === null) return `${sql} IS NULL`;
  const cast = castOf(type);
  const param = (v: unknown) => q.add(convert(type, v), cast);
  if (!isOperators(value)) return `${sql} = ${param(value)}`;
  const parts: string[] = [];
  for (const [op, v] of Object.entries(value)) {
    switch (op) {
      case '$eq':
        parts.push(`${sql} = ${param(v)}`);
        break;
      case '$neq':
        parts.push(`${sql} IS DISTINCT FROM ${param(v)}`);
        break;
      case '$exists':
        parts.push(v ? `${sql} IS NOT NULL` : `${sql} IS NULL`);
        break;
      case '$in':
        parts.push(`${sql} = ANY(${q.add((v as unknown[]).map((x) => convert(type, x)), `${cast}[]`)})`);
        break;
      case '$notIn':
        parts.push(`(${sql} IS NULL OR NOT (${sql} = ANY(${q.add((v as unknown[]).map((x) => convert(type, x)), `${cast}[]`)})))`);
        break;
      case '$like':
        parts.push(`${sql}::text LIKE ${q.add(likePattern(v as string), 'text')}`);
        break;
      case '$gt':
        parts.push(`${sql} > ${param(v)}`);
        break;
      case '$gte':
        parts.push(`${sql} >= ${param(v)}`);
        break;
      case '$lt':
        parts.push(`${sql} < ${param(v)}`);
        break;
      case '$lte':
        parts.push(`${sql} <= ${param(v)}`);
        break;
    }
  }
  return parts.join(' AND ') || 'TRUE';
}

export function condition(field: Field, value: unknown, q: Params): string {
  return field.where ? field.where(value, q) : compare(field.sql, field.type, value, q);
}

// --- shorthands for the resources' field tables ---

export const key = (sql: string): Field => ({ sql, type: 'key' });
export const str = (sql: string, nullable = false): Field => ({ sql, type: 'string', nullable });
export const int = (sql: string): Field => ({ sql, type: 'int' });
export const date = (sql: string, nullable = false): Field => ({ sql, type: 'date', nullable });
export const bool = (sql: string): Field => ({ sql, type: 'bool' });
export const oneOf = (sql: string, values: readonly string[]): Field => ({ sql, type: 'enum', values });

/** Variables filter ([{ name, value }]): each must match a variable of the given scope. */
export function variablesFilter(scopeColumn: string, scopeSql: string): Field {
  return {
    sql: 'NULL',
    type: 'string',
    schema: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name', 'value'],
        additionalProperties: false,
        properties: { name: { type: 'string' }, value: fieldSchema(str('')) },
      },
    },
    where: (items: Array<{ name: string; value: unknown }>, q) =>
      items
        .map((v) => `EXISTS (SELECT 1 FROM engine_search_variables v WHERE v.${scopeColumn} = ${scopeSql} AND v.name = ${q.add(v.name, 'text')} AND ${compare('v.value', 'string', v.value, q)})`)
        .join(' AND ') || 'TRUE',
  };
}
