// Supervision (督办监管): the process monitor for supervisors and process admins (instances,
// the diagram with counts and durations, incidents: retry, cancel, migrate) and the due-today
// and overdue lists with 催办 and 督办 for supervisors and leaders.
import {
  cancelInstance, definitionDetail, DUE_TITLES, dueList, dueListXlsx, instanceDetail, INSTANCE_STATES, keySchema, listDefinitions, listIncidents,
  migrateInstance, retryIncident, searchInstances, supervise, urge, type DueKind,
} from '../supervision/index.ts';
import { badRequest } from '../http/errors.ts';
import { attachment, XLSX_TYPE } from '../statistics/index.ts';
import { validCursor } from '../tickets/search.ts';
import type { Endpoint } from './endpoint.ts';
import { idParams, paging } from './schemas.ts';

const TAG = '督办监管';
const object = { type: 'object' };
const keyParams = (name: string, title: string) => ({ type: 'object', properties: { [name]: keySchema(title) }, required: [name], additionalProperties: false });

export const definitions: Endpoint = {
  summary: '流程定义及各版本',
  tag: TAG,
  responses: { 200: { description: '流程定义（按流程、版本从新到旧）', schema: object } },
  async handle({ ctx }) {
    return { body: { items: await listDefinitions(ctx) } };
  },
};

export const definition: Endpoint = {
  summary: '流程版本的流程图、各环节实例数与平均耗时',
  description: '`counts`：各环节的进行中、已完成、已取消、异常流程实例数（Camunda 8.8 statistics/element-instances）。`durations`：各环节已完成实例的平均、中位、90 分位耗时（毫秒）；引擎不提供时为 null。',
  tag: TAG,
  params: keyParams('key', '流程定义键'),
  responses: { 200: { description: '流程图与统计', schema: object } },
  async handle({ ctx, params }) {
    return { body: await definitionDetail(ctx, params.key) };
  },
};

export const instances: Endpoint = {
  summary: '流程实例（按流程与状态，分页）',
  tag: TAG,
  query: {
    type: 'object',
    properties: {
      processDefinitionId: { type: 'string', minLength: 1, maxLength: 200, title: '流程标识' },
      processDefinitionKey: keySchema('流程定义键（某一版本）'),
      state: { type: 'string', enum: [...INSTANCE_STATES], title: '状态：active 运行中、completed 已完成、canceled 已取消、incident 有异常' },
      ...paging,
    },
    additionalProperties: false,
  },
  responses: { 200: { description: '流程实例及所属工单', schema: object } },
  async handle({ ctx, query }) {
    return { body: await searchInstances(ctx, query) };
  },
};

export const instance: Endpoint = {
  summary: '流程实例详情：流程图、经过的环节、当前所在、变量与异常',
  tag: TAG,
  params: keyParams('key', '流程实例键'),
  responses: { 200: { description: '流程实例', schema: object } },
  async handle({ ctx, params }) {
    return { body: await instanceDetail(ctx, params.key) };
  },
};

export const cancel: Endpoint = {
  summary: '取消流程实例（记入审计）',
  tag: TAG,
  params: keyParams('key', '流程实例键'),
  body: {
    type: 'object',
    properties: { reason: { type: 'string', minLength: 2, maxLength: 500, title: '取消原因' } },
    required: ['reason'],
    additionalProperties: false,
  },
  responses: { 200: { description: '已取消', schema: object } },
  async handle({ ctx, req, res, user, params, body }) {
    return { body: await cancelInstance(ctx, { req, res, user: user! }, params.key, body.reason) };
  },
};

export const migrate: Endpoint = {
  summary: '将流程实例迁移到同一流程的另一版本（按相同环节标识对应）',
  description: '实例当前所在的环节在目标版本中不存在时返回 409 MIGRATION_IMPOSSIBLE 并指明环节，实例不变。',
  tag: TAG,
  params: keyParams('key', '流程实例键'),
  body: {
    type: 'object',
    properties: { targetProcessDefinitionKey: keySchema('目标流程版本的定义键') },
    required: ['targetProcessDefinitionKey'],
    additionalProperties: false,
  },
  responses: { 200: { description: '已迁移', schema: object } },
  async handle({ ctx, req, res, user, params, body }) {
    return { body: await migrateInstance(ctx, { req, res, user: user! }, params.key, body.targetProcessDefinitionKey) };
  },
};

export const incidents: Endpoint = {
  summary: '未处理的异常（incident）',
  tag: TAG,
  query: {
    type: 'object',
    properties: {
      processDefinitionId: { type: 'string', minLength: 1, maxLength: 200, title: '流程标识' },
      processInstanceKey: keySchema('流程实例键'),
      ...paging,
    },
    additionalProperties: false,
  },
  responses: { 200: { description: '异常及其错误信息、所在环节', schema: object } },
  async handle({ ctx, query }) {
    return { body: await listIncidents(ctx, query) };
  },
};

export const retry: Endpoint = {
  summary: '重试异常：恢复作业重试次数并解除异常（记入审计）',
  tag: TAG,
  params: keyParams('key', '异常键'),
  body: {
    type: 'object',
    properties: { retries: { type: 'integer', minimum: 1, maximum: 10, default: 1, title: '重试次数' } },
    additionalProperties: false,
  },
  responses: { 200: { description: '已重试', schema: object } },
  async handle({ ctx, req, res, user, params, body }) {
    return { body: await retryIncident(ctx, { req, res, user: user! }, params.key, body.retries ?? 1) };
  },
};

const dueQuery = {
  type: 'object',
  properties: {
    department: { type: 'string', maxLength: 40, title: '承办单位代码（含下级）' },
    cursor: { type: 'string', maxLength: 200, title: '翻页游标（上一页的 next）' },
    limit: { type: 'integer', minimum: 1, maximum: 200, default: 50, title: '每页条数' },
  },
  additionalProperties: false,
};

const dueListOf = (kind: DueKind, summary: string): Endpoint => ({
  summary,
  description: '每项含工单（个人信息脱敏）、承办部门、限时环节、当前待办及办理人、期限、超期天数（自然日）、紧急程度（today / overdue / severe：超期 3 天以上）、是否已督办、最近催办时间。',
  tag: TAG,
  query: dueQuery,
  responses: { 200: { description: '工单', schema: object } },
  async handle({ ctx, user, query }) {
    if (query.cursor && !validCursor(query.cursor)) throw badRequest('VALIDATION_FAILED', '翻页游标无效', [{ path: 'query.cursor', message: '翻页游标无效，请从第一页重新查询' }]);
    return { body: await dueList(ctx, user!, kind, query) };
  },
});

export const dueToday = dueListOf('dueToday', '今日到期的工单');
export const overdue = dueListOf('overdue', '已超期的工单');

const exportOf = (kind: DueKind): Endpoint => ({
  summary: `导出${DUE_TITLES[kind]}（Excel）`,
  tag: TAG,
  query: { ...dueQuery, properties: { department: dueQuery.properties.department } },
  responses: { 200: { description: 'Excel 工作簿', contentType: XLSX_TYPE, schema: { type: 'string', format: 'binary' } } },
  async handle({ ctx, user, query, res }) {
    const file = await dueListXlsx(ctx, user!, kind, query.department);
    const day = new Date(ctx.clock().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    res.setHeader('Content-Type', XLSX_TYPE);
    res.setHeader('Content-Disposition', attachment(`${DUE_TITLES[kind]}-${day}.xlsx`, `${kind}-${day}.xlsx`));
    res.send(file);
  },
});

export const dueTodayExport = exportOf('dueToday');
export const overdueExport = exportOf('overdue');

export const urgeTicket: Endpoint = {
  summary: '催办：站内提醒承办部门及办理人（同一环节每日一次，记入工单审计）',
  tag: TAG,
  params: idParams,
  body: {
    type: 'object',
    properties: { message: { type: 'string', maxLength: 200, title: '催办留言' } },
    additionalProperties: false,
  },
  responses: { 200: { description: '已催办（repeated=true：今日已催办过，未重复发送）', schema: object } },
  async handle({ ctx, user, params, body }) {
    return { body: await urge(ctx, user!, params.id, body.message?.trim() || undefined) };
  },
};

export const superviseTicket: Endpoint = {
  summary: '督办：列入督办清单，超期的出具催办通知书，抄送分管领导（记入工单审计）',
  description: '已在督办清单上的工单不再重复列入（alreadyListed）。',
  tag: TAG,
  params: idParams,
  body: {
    type: 'object',
    properties: { reason: { type: 'string', minLength: 2, maxLength: 500, title: '督办事由' } },
    required: ['reason'],
    additionalProperties: false,
  },
  responses: { 200: { description: '已督办', schema: object } },
  async handle({ ctx, user, params, body }) {
    return { body: await supervise(ctx, user!, params.id, body.reason.trim()) };
  },
};
