// Statistics for supervisors and leaders (监管看板): the KPIs of DOMAIN.md for a department
// in the caller's scope and a period, with trend, breakdowns, ranking, flags and hot spots,
// and the same as an Excel workbook.
import { dashboard, dashboardXlsx, attachment, parsePeriod, PERIOD_PATTERN, unitInScope, unitsInScope, XLSX_TYPE } from '../statistics/index.ts';
import type { Call, Endpoint } from './endpoint.ts';

const TAG = '统计';

const statisticsQuery = {
  type: 'object',
  properties: {
    department: { type: 'string', maxLength: 64, title: '部门代码（含下级；默认本人可见范围的顶层）' },
    period: { type: 'string', pattern: PERIOD_PATTERN, title: '统计期间：月 2026-05、季度 2026-Q2、年 2026（默认本月）' },
    from: { type: 'string', format: 'date', title: '自定义起始日（含）' },
    to: { type: 'string', format: 'date', title: '自定义截止日（含）' },
  },
  additionalProperties: false,
};

const thisMonth = (now: Date) => new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 7);

async function build({ ctx, user, query }: Call) {
  const now = ctx.clock();
  const period = parsePeriod(query, () => thisMonth(now));
  const unit = await unitInScope(ctx.pool, user!, query.department);
  return dashboard(ctx.pool, unit, period, now);
}

export const departments: Endpoint = {
  summary: '可统计的部门（本人可见范围）',
  tag: TAG,
  responses: { 200: { description: '部门树（按路径排序）', schema: { type: 'object', properties: { items: { type: 'array' } } } } },
  async handle({ ctx, user }) {
    const units = await unitsInScope(ctx.pool, user!);
    return { body: { items: units.map(({ code, name, kind, parentCode }) => ({ code, name, kind, parentCode })) } };
  },
};

export const overview: Endpoint = {
  summary: '监管看板：指标、月度趋势、分类统计、单位排名、热点',
  description: '各指标的口径见返回的 definitions。排名比较所选部门的直属下级单位；某项比率连续 3 个月劣于全市（顶层单位）水平的单位标注约谈（flagged）。',
  tag: TAG,
  query: statisticsQuery,
  responses: { 200: { description: '统计结果', schema: { type: 'object' } } },
  async handle(call) {
    return { body: await build(call) };
  },
};

export const exportXlsx: Endpoint = {
  summary: '导出统计表（Excel）：指标、排名、月度趋势',
  tag: TAG,
  query: statisticsQuery,
  responses: { 200: { description: 'Excel 工作簿', contentType: XLSX_TYPE, schema: { type: 'string', format: 'binary' } } },
  async handle(call) {
    const d = await build(call);
    const file = await dashboardXlsx(d, call.ctx.clock());
    call.res.setHeader('Content-Type', XLSX_TYPE);
    call.res.setHeader('Content-Disposition', attachment(`统计-${d.department.name}-${d.period.label}.xlsx`, `statistics-${d.department.code}-${d.period.label}.xlsx`));
    call.res.send(file);
  },
};
