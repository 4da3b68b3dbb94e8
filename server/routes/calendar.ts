// 节假日日历: the administrator enters each new year's State Council notice (days off and
// make-up working days) as data; deadlines count with it from the next job on.
import { calendarEntries, saveCalendarYear } from '../../tickets/index.ts';
import { HttpError } from '../http/errors.ts';
import type { Endpoint } from './endpoint.ts';

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

export const listYear: Endpoint = {
  summary: '查看管理员录入的节假日安排',
  description: '不带 year 时返回全部录入；2004–2026 年的国务院安排已内置，不在此列。',
  tag: '规则',
  query: { type: 'object', properties: { year: { type: 'string', pattern: '^\\d{4}$', title: '年份' } } },
  responses: { 200: { description: '录入的节假日安排', schema: { type: 'object' } } },
  async handle({ ctx, query }) {
    const year = query.year ? Number(query.year) : undefined;
    return { body: { entries: await calendarEntries(ctx.pool, year) } };
  },
};

export const saveYear: Endpoint = {
  summary: '录入或更新一年的节假日安排（整年替换）',
  description: '按国务院办公厅当年部分节假日安排的通知录入放假日期（holiday）和调休上班日期（workday）。有误时返回 400，details 指明字段，不做任何修改。',
  tag: '规则',
  params: { type: 'object', required: ['year'], properties: { year: { type: 'string', pattern: '^\\d{4}$' } } },
  body: { type: 'object', required: ['entries'], additionalProperties: false, properties: { entries: { type: 'array', maxItems: 120, items: entry } } },
  responses: { 200: { description: '保存后的该年安排', schema: { type: 'object' } } },
  async handle({ ctx, user, params, body }) {
    const result = await saveCalendarYear(ctx.pool, Number(params.year), (body as { entries: unknown[] }).entries, `user:${user!.id}`);
    if (!result.ok) {
      const details = result.errors.map((e) => ({ path: e.path.replace(/^\//, '').replace(/\/(\d+)/g, '[$1]').replace(/\//g, '.'), message: e.message }));
      throw new HttpError(400, 'VALIDATION_FAILED', `节假日安排有误：${details.map((d) => `${d.path}：${d.message}`).join('；')}`, details);
    }
    return { body: { entries: await calendarEntries(ctx.pool, Number(params.year)) } };
  },
};
