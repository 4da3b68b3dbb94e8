// One search, the way every /v2/<resource>/search works: { filter, sort, page } in,
// { items, page: { totalItems, startCursor, endCursor } } out. Pages are offsets (from,
// limit) or cursors (after / before the item a cursor names); a cursor is the item's sort
// values and key, base64-encoded, so paging stays stable while new rows arrive.

import type { Router } from 'express';
import type pg from 'pg';
import { castOf, condition, fieldSchema, Params, type Field } from './filters.ts';
import { badRequest, notFound } from './problem.ts';
import { pathKey, validator } from './validate.ts';

export interface SearchSpec<Row> {
  /** What items are called, for messages. */
  what: string;
  /** FROM clause; the searched table is aliased `t`. */
  from: string;
  /** SELECT list of what `item` reads. */
  select: string;
  filters: Record<string, Field>;
  sorts: Record<string, Field>;
  /** Accepts `$or: [filter, ...]` inside the filter. */
  or?: boolean;
  item(row: Row): object;
}

export interface SearchRequest {
  filter?: Record<string, unknown>;
  sort?: Array<{ field: string; order?: string }>;
  page?: { from?: number; limit?: number; after?: string; before?: string };
}

export interface SearchResult {
  items: object[];
  page: { totalItems: number; startCursor?: string; endCursor?: string };
}

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 10_000;

/** The JSON schema of a `filter` object with these fields (and `$or: [filter, ...]` when `or`). */
export function filterSchema(filters: Record<string, Field>, or = false): object {
  const filterProperties: Record<string, object> = {};
  for (const [name, field] of Object.entries(filters)) filterProperties[name] = fieldSchema(field);
  // `$or` branches are filters without a nested `$or` (a copy: a schema must not be cyclic).
  const branch = { type: 'object', properties: { ...filterProperties }, additionalProperties: false };
  if (or) filterProperties.$or = { type: 'array', items: branch };
  return { type: 'object', properties: filterProperties, additionalProperties: false };
}

function requestSchema(spec: SearchSpec<unknown>): object {
  return {
    type: 'object',
    additionalProperties: false,
    properties: {
      filter: filterSchema(spec.filters, spec.or),
      sort: {
        type: 'array',
        items: {
          type: 'object',
          required: ['field'],
          additionalProperties: false,
          // The 8.7 SDK client sends lower-case orders; Camunda takes either.
          properties: { field: { enum: Object.keys(spec.sorts) }, order: { enum: ['ASC', 'DESC', 'asc', 'desc'] } },
        },
      },
      page: {
        type: 'object',
        additionalProperties: false,
        properties: {
          from: { type: 'integer', minimum: 0, maximum: 2_147_483_647 },
          limit: { type: 'integer', minimum: 0, maximum: MAX_LIMIT },
          after: { type: 'string', minLength: 1 },
          before: { type: 'string', minLength: 1 },
        },
      },
    },
  };
}

/** The SQL conditions of a validated `filter` object, one per field (ANDed by the caller). */
export function filterConditions(filters: Record<string, Field>, filter: Record<string, unknown>, q: Params): string[] {
  const conditions: string[] = [];
  for (const [name, value] of Object.entries(filter)) {
    if (value === undefined) continue;
    if (name === '$or') {
      const branches = (value as Array<Record<string, unknown>>).map((f) => filterConditions(filters, f, q).join(' AND ') || 'TRUE');
      if (branches.length) conditions.push(`(${branches.map((b) => `(${b})`).join(' OR ')})`);
    } else {
      conditions.push(`(${condition(filters[name], value, q)})`);
    }
  }
  return conditions;
}

interface Order {
  sql: string;
  cast: string;
  desc: boolean;
}

const encodeCursor = (values: unknown[]) => Buffer.from(JSON.stringify(values)).toString('base64');

function decodeCursor(cursor: string, length: number, field: string): unknown[] {
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64').toString('utf8'));
    if (Array.isArray(values) && values.length === length) return values;
  } catch {
    // reported below
  }
  throw badRequest(`Invalid value for '${field}': not a cursor of this search with this sort; use a startCursor or endCursor from its results`);
}

/** Rows strictly after the cursor row in this order (ASC puts nulls last, DESC first). */
function afterCursor(orders: Order[], values: unknown[], q: Params): string {
  const branches: string[] = [];
  for (let i = 0; i < orders.length; i++) {
    const parts: string[] = [];
    for (let j = 0; j < i; j++) parts.push(values[j] === null ? `${orders[j].sql} IS NULL` : `${orders[j].sql} = ${q.add(values[j], orders[j].cast)}`);
    const { sql, cast, desc } = orders[i];
    const v = values[i];
    if (desc) parts.push(v === null ? `${sql} IS NOT NULL` : `${sql} < ${q.add(v, cast)}`);
    else parts.push(v === null ? 'FALSE' : `(${sql} > ${q.add(v, cast)} OR ${sql} IS NULL)`);
    branches.push(`(${parts.join(' AND ')})`);
  }
  return `(${branches.join(' OR ')})`;
}

export type Search = (db: pg.Pool, body: unknown, extra?: (q: Params) => string) => Promise<SearchResult>;

export function searcher<Row>(spec: SearchSpec<Row>): Search {
  const check = validator<SearchRequest>(requestSchema(spec as SearchSpec<unknown>));
  return async (db, body, extra) => {
    const request = check(body ?? {});
    const page = request.page ?? {};
    if (page.after !== undefined && page.before !== undefined) throw badRequest(`Invalid page: give 'page.after' or 'page.before', not both`);
    if (page.from !== undefined && (page.after !== undefined || page.before !== undefined)) {
      throw badRequest(`Invalid page: 'page.from' (offset paging) cannot be combined with 'page.after' or 'page.before' (cursor paging)`);
    }
    const q = new Params();
    const where = filterConditions(spec.filters, request.filter ?? {}, q);
    if (extra) where.push(`(${extra(q)})`);
    const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const count = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${spec.from} ${whereSql}`, q.values);
    const totalItems = count.rows[0].n;

    // The key ends every order, so items have one place and cursors name exactly one item.
    const orders: Order[] = (request.sort ?? []).map((s) => {
      const field = spec.sorts[s.field];
      return { sql: field.sql, cast: castOf(field.type), desc: s.order?.toUpperCase() === 'DESC' };
    });
    orders.push({ sql: 't.key', cast: 'bigint', desc: false });
    const backwards = page.before !== undefined;
    const effective = backwards ? orders.map((o) => ({ ...o, desc: !o.desc })) : orders;
    const cursor = page.after ?? page.before;
    if (cursor !== undefined) {
      const values = decodeCursor(cursor, orders.length, backwards ? 'page.before' : 'page.after');
      where.push(afterCursor(effective, values, q));
    }
    const limit = page.limit ?? DEFAULT_LIMIT;
    const orderSql = effective.map((o) => `${o.sql} ${o.desc ? 'DESC NULLS FIRST' : 'ASC NULLS LAST'}`).join(', ');
    const sortValues = orders.map((o, i) => `${o.sql} AS "_s${i}"`).join(', ');
    const result = await db.query(
      `SELECT ${spec.select}, ${sortValues} FROM ${spec.from} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY ${orderSql} LIMIT ${limit} OFFSET ${page.from ?? 0}`,
      q.values,
    );
    const rows = backwards ? result.rows.reverse() : result.rows;
    const cursorOf = (row: Record<string, unknown>) => encodeCursor(orders.map((_, i) => row[`_s${i}`] ?? null));
    return {
      items: rows.map((row) => spec.item(row as Row)),
      page: { totalItems, startCursor: rows.length ? cursorOf(rows[0]) : undefined, endCursor: rows.length ? cursorOf(rows.at(-1)!) : undefined },
    };
  };
}

/** One item by key, as the search shows it (GET /v2/<resource>/{key}); 404 when there is none. */
export async function getOne<Row>(db: pg.Pool, spec: SearchSpec<Row>, key: number): Promise<Record<string, unknown>> {
  const result = await db.query(`SELECT ${spec.select} FROM ${spec.from} WHERE t.key = $1::bigint`, [key]);
  if (!result.rows.length) throw notFound(`${spec.what[0].toUpperCase()}${spec.what.slice(1)} with key '${key}' not found`);
  return spec.item(result.rows[0] as Row) as Record<string, unknown>;
}

/** POST /<resource>/search and GET /<resource>/{keyName}: a resource read from its projection. */
export function searchRoutes<Row>(router: Router, db: pg.Pool, resource: string, keyName: string, spec: SearchSpec<Row>, search = searcher(spec)): void {
  router.post(`/${resource}/search`, async (req, res) => {
    res.json(await search(db, req.body));
  });
  router.get(`/${resource}/:${keyName}`, async (req, res) => {
    res.json(await getOne(db, spec, pathKey(req.params[keyName], keyName)));
  });
}
