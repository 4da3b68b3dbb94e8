// 节假日日历: the administrator enters each new year's State Council notice (days off and
// make-up working days) as data; deadlines count with it from the next job on. Every save
// is a version of its year: the history, a diff against the version in force, and 回滚.
import type pg from 'pg';
import {
  calendarEntries, calendarVersion, calendarVersions, checkCalendarYear, diffCalendar, rollbackCalendarYear, saveCalendarYear,
  type CalendarVersion,
} from '../../tickets/index.ts';
import { HttpError, notFound } from '../http/errors.ts';
import { retryCalendarIncidents } from '../supervision/index.ts';
import type { Endpoint } from './endpoint.ts';

const TAG = '规则';

const entry = {
  type: 'object',
  required: ['date', 'kind', 'name'],
  additionalProperties: false,
  properties: {
    date: { type: 'string', title: '日期（YYYY-MM-DD）' },
    kind: { type: 'string', enum: ['holiday', 'workday'], title: '类型：holiday 放假，workday 调休上班' },
    name: { type: 'string', minLength: 1, maxLength: 40, title: '名称，如 春节' },
  },
};
const entriesBody = { type: 'object', required: ['entries'], additionalProperties: false, properties: { entries: { type: 'array', maxItems: 120, items: entry } } };

const year = { type: 'string', pattern: '^\\d{4}$', title: '年份' };
const yearParams = { type: 'object', required: ['year'], properties: { year } };
const versionParams = { type: 'object', required: ['year', 'version'], properties: { year, version: { type: 'integer', minimum: 1, title: '版本号' } } };

const dayKind = { type: ['object', 'null'], properties: { kind: { type: 'string', enum: ['holiday', 'workday'] }, name: { type: 'string' } } };
const change = {
  type: 'object',
  properties: {
    date: { type: 'string' },
    change: { type: 'string', enum: ['added', 'removed', 'changed'], title: 'added 新增，removed 删除，changed 修改' },
    before: dayKind,
    after: dayKind,
    text: { type: 'string', description: '中文说明，如 新增 放假（元旦）' },
  },
};
const version = {
  type: 'object',
  properties: {
    year: { type: 'integer' },
    version: { type: 'integer' },
    savedAt: { type: 'string', format: 'date-time' },
    savedBy: { type: ['object', 'null'], description: '保存人；非本系统账号时为 null', properties: { login: { type: 'string' }, displayName: { type: 'string' } } },
    holidays: { type: 'integer', description: '放假天数' },
    workdays: { type: 'integer', description: '调休上班天数' },
    rolledBackFrom: { type: ['integer', 'null'], description: '回滚时：所恢复的版本号' },
    entries: { type: 'array', items: entry },
  },
};
const saveAnswer = {
  type: 'object',
  properties: {
    entries: { type: 'array', items: entry },
    version: { type: ['integer', 'null'], description: '生效的版本号' },
    changed: { type: 'boolean', description: 'false：与生效版本相同，未产生新版本' },
    resumed: { type: 'integer', description: '因缺少该年日历而停在异常处、现已重试的流程数（仅保存时）' },
  },
};

/** The check's problems with the request's field names: /entries/1/date → entries[1].date. */
const fieldDetails = (errors: { path: string; message: string }[]) =>
  errors.map((e) => ({ path: e.path.replace(/^\//, '').replace(/\/(\d+)/g, '[$1]').replace(/\//g, '.'), message: e.message }));

/** A refused save or rollback: 400 naming each field and its problem. */
function refused(errors: { path: string; message: string }[], what: string): HttpError {
  const details = fieldDetails(errors);
  return new HttpError(400, 'VALIDATION_FAILED', `${what}有误：${details.map((d) => `${d.path}：${d.message}`).join('；')}`, details);
}

/** Versions as the API shows them, the saver's login and name looked up from their 'user:<id>'. */
async function versionsJson(pool: pg.Pool, versions: CalendarVersion[], withEntries = false) {
  const ids = [...new Set(versions.map((v) => v.savedBy.match(/^user:(.+)$/)?.[1]).filter((id): id is string => !!id))];
  const { rows } = await pool.query<{ id: string; login: string; display_name: string }>('SELECT id::text, login, display_name FROM users WHERE id::text = ANY($1)', [ids]);
  const users = new Map(rows.map((u) => [`user:${u.id}`, { login: u.login, displayName: u.display_name }]));
  return versions.map((v) => ({
    year: v.year,
    version: v.version,
    savedAt: v.savedAt.toISOString(),
    savedBy: users.get(v.savedBy) ?? null,
    holidays: v.entries.filter((e) => e.kind === 'holiday').length,
    workdays: v.entries.filter((e) => e.kind === 'workday').length,
    rolledBackFrom: v.rolledBackFrom,
    ...(withEntries ? { entries: v.entries } : {}),
  }));
}

async function versionOrNotFound(pool: pg.Pool, y: number, v: number): Promise<CalendarVersion> {
  const found = await calendarVersion(pool, y, v);
  if (!found) throw notFound(`${y} 年的节假日安排没有第 ${v} 版`);
  return found;
}

export const listYear: Endpoint = {
  summary: '查看管理员录入的节假日安排',
  description: '不带 year 时返回全部录入；2004–2026 年的国务院安排已内置，不在此列。',
  tag: TAG,
  query: { type: 'object', properties: { year } },
  responses: { 200: { description: '录入的节假日安排', schema: { type: 'object' } } },
  async handle({ ctx, query }) {
    const y = query.year ? Number(query.year) : undefined;
    return { body: { entries: await calendarEntries(ctx.pool, y) } };
  },
};

export const saveYear: Endpoint = {
  summary: '录入或更新一年的节假日安排（整年替换，保存为新版本）',
  description: '按国务院办公厅当年部分节假日安排的通知录入放假日期（holiday）和调休上班日期（workday）。有误时返回 400，details 指明字段，不做任何修改；与生效版本相同时不产生新版本（changed=false）。',
  tag: TAG,
  params: yearParams,
  body: entriesBody,
  responses: { 200: { description: '保存后的该年安排与版本号', schema: saveAnswer } },
  async handle({ ctx, req, res, user, params, body }) {
    const y = Number(params.year);
    const result = await saveCalendarYear(ctx.pool, y, (body as { entries: unknown[] }).entries, { actor: `user:${user!.id}`, at: ctx.clock() });
    if (!result.ok) throw refused(result.errors, '节假日安排');
    const resumed = await retryCalendarIncidents(ctx, { req, res, user: user! }, y);
    return { body: { entries: await calendarEntries(ctx.pool, y), version: result.version, changed: result.changed, resumed } };
  },
};

export const checkYear: Endpoint = {
  summary: '保存前检查：一年的节假日安排草稿有无错误，与生效版本相比有哪些变化（不保存）',
  tag: TAG,
  params: yearParams,
  body: entriesBody,
  responses: {
    200: {
      description: 'ok=false 时 errors 指明字段；changes 为生效版本 → 草稿的逐日变化',
      schema: { type: 'object', properties: { ok: { type: 'boolean' }, errors: { type: 'array', items: { type: 'object' } }, changes: { type: 'array', items: change } } },
    },
  },
  async handle({ ctx, params, body }) {
    const y = Number(params.year);
    const draft = (body as { entries: { date: string; kind: 'holiday' | 'workday'; name: string }[] }).entries;
    const errors = fieldDetails(checkCalendarYear(y, draft));
    return { body: { ok: !errors.length, errors, changes: errors.length ? [] : diffCalendar(await calendarEntries(ctx.pool, y), draft) } };
  },
};

export const listVersions: Endpoint = {
  summary: '一年节假日安排的历史版本（新的在前，第一条为生效版本）',
  tag: TAG,
  params: yearParams,
  responses: { 200: { description: '各版本：保存人、时间、放假与调休上班天数、回滚来源', schema: { type: 'object', properties: { year: { type: 'integer' }, versions: { type: 'array', items: version } } } } },
  async handle({ ctx, params }) {
    const y = Number(params.year);
    return { body: { year: y, versions: await versionsJson(ctx.pool, await calendarVersions(ctx.pool, y)) } };
  },
};

export const getVersion: Endpoint = {
  summary: '一年节假日安排的某个版本（含逐日安排）',
  tag: TAG,
  params: versionParams,
  responses: { 200: { description: '该版本', schema: version } },
  async handle({ ctx, params }) {
    const found = await versionOrNotFound(ctx.pool, Number(params.year), params.version);
    return { body: (await versionsJson(ctx.pool, [found], true))[0] };
  },
};

export const diffVersion: Endpoint = {
  summary: '对比：某个版本 → 生效版本的逐日变化',
  tag: TAG,
  params: versionParams,
  responses: {
    200: {
      description: 'from 为所选版本，to 为生效版本；changes 按日期排列',
      schema: { type: 'object', properties: { from: { type: 'integer' }, to: { type: ['integer', 'null'] }, changes: { type: 'array', items: change } } },
    },
  },
  async handle({ ctx, params }) {
    const y = Number(params.year);
    const found = await versionOrNotFound(ctx.pool, y, params.version);
    const [inForce] = await calendarVersions(ctx.pool, y);
    return { body: { from: found.version, to: inForce?.version ?? null, changes: diffCalendar(found.entries, await calendarEntries(ctx.pool, y)) } };
  },
};

export const rollbackVersion: Endpoint = {
  summary: '回滚：把某个版本的安排重新保存为该年的新版本（立即生效）',
  description: '与保存一样先检查，有误时返回 400 指明字段，不做任何修改；该版本与生效版本相同时不产生新版本（200，changed=false）。',
  tag: TAG,
  params: versionParams,
  responses: { 201: { description: '已保存为新版本', schema: saveAnswer }, 200: { description: '与生效版本相同，未产生新版本', schema: saveAnswer } },
  async handle({ ctx, user, params }) {
    const y = Number(params.year);
    const result = await rollbackCalendarYear(ctx.pool, y, params.version, { actor: `user:${user!.id}`, at: ctx.clock() });
    if (!result) throw notFound(`${y} 年的节假日安排没有第 ${params.version} 版`);
    if (!result.ok) throw refused(result.errors, `第 ${params.version} 版的节假日安排`);
    return { status: result.changed ? 201 : 200, body: { entries: await calendarEntries(ctx.pool, y), version: result.version, changed: result.changed } };
  },
};
