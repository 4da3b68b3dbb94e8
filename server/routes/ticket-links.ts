// Splitting and merging tickets (拆分 / 并案), for the dispatcher (DOMAIN.md: the intake clerk
// splits mixed submissions; duplicates are reviewed by the dispatcher). A split-off ticket
// starts its own process; a merged ticket's process is ended and the survivor goes on.
import { CATEGORIES, mergeTickets, REQUEST_TYPES, splitTicket, TICKET_KINDS, toListItem, type SplitPart } from '../../tickets/index.ts';
import { HttpError } from '../http/errors.ts';
import { storeRefusal, visibleTicket } from '../tickets/visible.ts';
import type { Endpoint } from './endpoint.ts';
import { idParams } from './schemas.ts';

const TAG = '工单';
const reason = { type: 'string', minLength: 1, maxLength: 500, title: '原因' };

export const split: Endpoint = {
  summary: '拆分工单（一单多事项）',
  description: '每个 parts 项生成一张新工单：投诉举报人、被投诉举报对象、渠道和登记时间沿用原工单（时限仍自登记时起算），事项描述等按本项填写；'
    + '新工单与原工单关联为“拆分”，各自启动流程。原工单保留第一个事项并继续办理。每项按登记规则校验，有误时返回 422 并指明 parts[i] 的字段。',
  tag: TAG,
  params: idParams,
  body: {
    type: 'object',
    required: ['reason', 'parts'],
    additionalProperties: false,
    properties: {
      reason,
      parts: {
        type: 'array',
        minItems: 1,
        maxItems: 10,
        title: '拆出的事项',
        items: {
          type: 'object',
          required: ['kind', 'description'],
          additionalProperties: false,
          properties: {
            kind: { type: 'string', enum: [...TICKET_KINDS], title: '类型' },
            description: { type: 'string', minLength: 1, maxLength: 5000, title: '事项描述' },
            category: { type: 'string', enum: [...CATEGORIES], title: '分类（默认沿用原工单）' },
            goodsOrService: { type: 'string', minLength: 1, maxLength: 200, title: '商品或服务' },
            amount: { type: 'number', minimum: 0, maximum: 1e11, title: '涉及金额（元）' },
            requests: { type: 'array', uniqueItems: true, items: { type: 'string', enum: [...REQUEST_TYPES] }, title: '诉求（投诉，默认沿用原工单）' },
          },
        },
      },
    },
  },
  responses: { 201: { description: '已拆分：新工单（个人信息已脱敏）', schema: { type: 'object', properties: { tickets: { type: 'array', items: { type: 'object' } }, processErrors: { type: 'object' } } } } },
  async handle({ ctx, user, params, body, log }) {
    const original = await visibleTicket(ctx, user!, params.id);
    const outcome = await splitTicket(
      { pool: ctx.pool, zeebe: ctx.engine.client?.getZeebeGrpcApiClient(), log: (m) => log.warn(m) },
      original.id, body.parts as SplitPart[], { actor: `user:${user!.id}`, reason: body.reason, at: ctx.clock() },
    );
    if (!outcome.ok) throw storeRefusal(outcome.status, outcome.errors);
    return { status: 201, body: { tickets: outcome.tickets.map(toListItem), processErrors: outcome.processErrors } };
  },
};

export const merge: Endpoint = {
  summary: '并案（将重复工单并入本工单）',
  description: 'ticketIds 中的工单并入路径中的工单（保留工单）：被并案工单的流程经流程引擎结束，状态为“已并案”，未完成的时限视为完成并移出督办清单，'
    + '与保留工单关联为“并案”；保留工单继续办理。只能同类型、未结束的工单并案。',
  tag: TAG,
  params: idParams,
  body: {
    type: 'object',
    required: ['ticketIds', 'reason'],
    additionalProperties: false,
    properties: {
      ticketIds: { type: 'array', minItems: 1, maxItems: 20, uniqueItems: true, items: { type: 'string', format: 'uuid' }, title: '被并案的工单' },
      reason,
    },
  },
  responses: { 200: { description: '已并案', schema: { type: 'object', properties: { survivor: { type: 'object' }, merged: { type: 'array', items: { type: 'object' } } } } } },
  async handle({ ctx, user, params, body }) {
    const survivor = await visibleTicket(ctx, user!, params.id);
    const ids = body.ticketIds as string[];
    for (const [i, id] of ids.entries()) {
      await visibleTicket(ctx, user!, id).catch((err: unknown) => {
        throw err instanceof HttpError && err.status === 404 ? storeRefusal(404, [{ path: `/ticketIds/${i}`, message: '未找到该工单，或您无权查看' }]) : err;
      });
    }
    const outcome = await mergeTickets(
      { pool: ctx.pool, zeebe: ctx.engine.client?.getZeebeGrpcApiClient() },
      survivor.id, ids, { actor: `user:${user!.id}`, reason: body.reason, at: ctx.clock() },
    );
    if (!outcome.ok) throw storeRefusal(outcome.status, outcome.errors);
    return { body: { survivor: toListItem(outcome.survivor), merged: outcome.merged.map(toListItem) } };
  },
};
