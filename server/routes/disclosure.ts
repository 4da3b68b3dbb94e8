// 投诉公示: public, no login, throttled per client address. Only consented complaints,
// masked (server/disclosure).
import { atomFeed, disclosure, throttlePublic } from '../disclosure/index.ts';
import type { Endpoint } from './endpoint.ts';

const TAG = '投诉公示';
const thisYear = (now: Date) => new Date(now.getTime() + 8 * 3_600_000).getUTCFullYear();

export const list: Endpoint = {
  summary: '投诉公示（公开，无需登录）',
  description: '仅公示投诉人同意公示、已办结的投诉；投诉人仅显示姓氏，电话脱敏。同一地址每分钟最多 60 次请求，超出返回 429。',
  tag: TAG,
  query: {
    type: 'object',
    properties: {
      year: { type: 'integer', minimum: 2000, maximum: 2100, title: '年度（默认今年）' },
      respondent: { type: 'string', minLength: 1, maxLength: 100, title: '被投诉人名称（包含）' },
      limit: { type: 'integer', minimum: 1, maximum: 100, default: 20, title: '每页条数' },
      offset: { type: 'integer', minimum: 0, maximum: 100000, default: 0, title: '起始位置' },
    },
    additionalProperties: false,
  },
  responses: { 200: { description: '公示条目与被投诉人年度情况', schema: { type: 'object' } } },
  async handle({ ctx, req, res, query }) {
    await throttlePublic(ctx, req, res);
    return { body: await disclosure(ctx.pool, { year: query.year ?? thisYear(ctx.clock()), respondent: query.respondent, limit: query.limit, offset: query.offset }) };
  },
};

export const feed: Endpoint = {
  summary: '投诉公示订阅（Atom）',
  description: '今年最近公示的 50 条，内容与公示页相同。',
  tag: TAG,
  responses: { 200: { description: 'Atom 1.0', contentType: 'application/atom+xml', schema: { type: 'string' } } },
  async handle({ ctx, req, res }) {
    await throttlePublic(ctx, req, res);
    const now = ctx.clock();
    const page = await disclosure(ctx.pool, { year: thisYear(now), limit: 50, offset: 0 });
    res.type('application/atom+xml; charset=utf-8').send(atomFeed(page.items, `${req.protocol}://${req.get('host')}`, now));
  },
};
