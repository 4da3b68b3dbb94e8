// Tickets (工单): registration by the clerk, the 12345 platform's push (API key), search,
// detail with its timeline, and the printable notices. Personal data is masked in lists;
// in full only for the roles that need it, and every full view goes into the audit trail.
import {
  appendAudit, auditOf, CATEGORIES, CHANNELS, deadlinesOf, getNotice, getTicket, handleVerified12345Push, linksOf, noticesOf,
  registerTicket, SATISFACTION, TICKET_KINDS, TICKET_STATUSES, toListItem, uploadedAttachments, type FieldError, type Push12345, type Ticket,
} from '../../tickets/index.ts';
import { maskAddress, maskIdNumber, maskPhone } from '../../domain/index.ts';
import type { SessionUser } from '../auth/session-user.ts';
import type { ServerContext } from '../context.ts';
import { badRequest, forbidden, HttpError, notFound, type ErrorDetail } from '../http/errors.ts';
import { canSee, seesFullData, visibilityOf, type TicketVisibility } from '../tickets/access.ts';
import { restOf } from '../tickets/inbox.ts';
import { processPathsOf } from '../tickets/process-path.ts';
import { EXPORT_MAX_ROWS, ticketsXlsx } from '../tickets/export.ts';
import {
  PERSONAL_FILTERS, personalSearchVisibility, searchTickets, storedPhone, TICKET_FLAGS, validCursor, type TicketSearch,
} from '../tickets/search.ts';
import { audit } from '../org/audit.ts';
import { departmentNameOf } from '../org/departments.ts';
import { attachment, unitsInScope, XLSX_TYPE } from '../statistics/index.ts';
import type { Call, Endpoint } from './endpoint.ts';
import { idParams, uuid } from './schemas.ts';

const TAG = '工单';

/** `/complainant/phone` → `complainant.phone` (the API's field paths). */
const fieldPath = (pointer: string) => pointer.replace(/^\//, '').replace(/\/(\d+)(?=\/|$)/g, '[$1]').replace(/\//g, '.') || '(body)';

function refused(errors: FieldError[]): HttpError {
  const details: ErrorDetail[] = errors.map((e) => ({ path: fieldPath(e.path), message: e.message }));
  return new HttpError(422, 'VALIDATION_FAILED', `请求内容有误：${details.map((d) => `${d.path}：${d.message}`).join('；')}`, details);
}

function zeebeOf(ctx: ServerContext) {
  return ctx.engine.client?.getZeebeGrpcApiClient();
}

const ticketSummary = { type: 'object', description: '工单（列表项，个人信息已脱敏）' };

export const register: Endpoint = {
  summary: '登记工单（来电、来访、来信）',
  description: '请求体为工单登记内容（tickets/submission.ts 的 SUBMISSION_SCHEMA）。投诉举报并存时拆分为投诉和举报两张工单。字段有误时返回 422，details 指明字段。',
  tag: TAG,
  body: { type: 'object', title: '工单登记内容' },
  responses: {
    201: { description: '已登记', schema: { type: 'object', properties: { created: { type: 'boolean' }, tickets: { type: 'array', items: ticketSummary } } } },
    200: { description: '同一渠道同一外部编号已登记过：返回原工单', schema: { type: 'object' } },
  },
  async handle({ ctx, user, body, log }) {
    const outcome = await registerTicket(
      { pool: ctx.pool, zeebe: zeebeOf(ctx), log: (m) => log.warn(m) },
      { ...body, registeredBy: `user:${user!.id}` },
      { actor: `user:${user!.id}` },
    );
    if (!outcome.ok) throw refused(outcome.errors);
    return {
      status: outcome.created ? 201 : 200,
      body: { created: outcome.created, tickets: outcome.tickets.map(toListItem), duplicates: outcome.duplicates, processErrors: outcome.processErrors },
    };
  },
};

export const push12345: Endpoint = {
  summary: '12345 平台派单 / 退回重办（API 密钥签名）',
  description: '以服务器的 API 密钥 HMAC 方案签名（见本页“签名”）。event=dispatch 派单，event=return 退回重办；按平台工单编号幂等。',
  tag: '外部系统',
  body: {
    type: 'object',
    properties: {
      event: { type: 'string', enum: ['dispatch', 'return'], title: '事件' },
      orderNo: { type: 'string', minLength: 1, maxLength: 64, title: '12345 工单编号' },
      orderType: { type: 'string', title: '工单类型' },
      receivedAt: { type: 'string', title: '受理时间' },
      caller: { type: 'object', title: '来电人' },
      respondent: { type: 'object', title: '被投诉举报对象' },
      facts: { type: 'object', title: '事实' },
      requests: { type: 'array', title: '诉求' },
      category: { type: 'string', title: '分类' },
      online: { type: 'boolean', title: '网络交易' },
      returnNo: { type: 'string', title: '退回单号' },
      reason: { type: 'string', title: '退回原因' },
    },
    required: ['event', 'orderNo'],
  },
  responses: { 200: { description: '已接收', schema: { type: 'object' } } },
  async handle({ ctx, body, log }) {
    const answer = await handleVerified12345Push({ pool: ctx.pool, zeebe: zeebeOf(ctx), log: (m) => log.warn(m) }, body as Push12345);
    if (answer.status === 422) throw refused((answer.body.errors as FieldError[]).map((e) => ({ ...e })));
    if (answer.status === 404) throw notFound(String((answer.body.error as { message?: string })?.message ?? '未找到该工单'));
    if (answer.status >= 400) throw new HttpError(answer.status, 'PUSH_REFUSED', String((answer.body.error as { message?: string })?.message ?? '推送被拒绝'));
    return { body: answer.body };
  },
};

const text = (title: string, maxLength = 100) => ({ type: 'string', maxLength, title });
const day = (title: string) => ({ type: 'string', format: 'date', title, description: '日期，如 2026-10-09（北京时间）' });

/** The filters of the list and its export. */
const searchFilters = {
  status: { type: 'array', items: { type: 'string', enum: Object.keys(TICKET_STATUSES) }, title: '状态' },
  kind: { type: 'string', enum: [...TICKET_KINDS], title: '类型' },
  channel: { type: 'string', enum: [...CHANNELS], title: '渠道' },
  category: { type: 'string', enum: [...CATEGORIES], title: '分类' },
  department: { type: 'string', maxLength: 40, title: '承办单位代码（含下级）' },
  receivedFrom: { type: 'string', format: 'date-time', title: '登记时间起' },
  receivedBefore: { type: 'string', format: 'date-time', title: '登记时间止（不含）' },
  overdue: { type: 'boolean', title: '已超期' },
  dueToday: { type: 'boolean', title: '今日到期' },
  reopened: { type: 'boolean', title: '重办' },
  flags: { type: 'array', items: { type: 'string', enum: TICKET_FLAGS }, title: '标记' },
  ticketNo: text('工单编号（包含）', 40),
  externalNo: text('12315/12345 平台编号（包含）', 64),
  complainantName: text('投诉举报人姓名（完全一致；仅可查看完整个人信息的角色，记入审计）', 50),
  complainantPhone: { type: 'string', pattern: '^[0-9０-９+()（） -]{3,24}$', title: '投诉举报人电话（完全一致；仅可查看完整个人信息的角色，记入审计）', description: '完整的手机号或固定电话，如 13812345678' },
  respondentName: text('被投诉举报对象名称（包含）'),
  respondentUscc: { type: 'string', pattern: '^[0-9A-Za-z]{18}$', title: '被投诉举报对象统一社会信用代码', description: '18 位统一社会信用代码' },
  regionCode: { type: 'string', pattern: '^[0-9]{2,12}$', title: '被投诉举报对象行政区划代码（含下级）', description: '行政区划代码，如 370102 或 3701' },
  platform: text('网络交易平台（包含）'),
  goods: text('商品或服务（包含）'),
  description: text('事实描述（包含）', 200),
  dueFrom: day('办理期限起（未完成的限时环节）'),
  dueTo: day('办理期限止（含当日）'),
  dueWithin: { type: 'integer', minimum: 0, maximum: 60, title: '几个工作日内到期（0 为今日，不含已超期）' },
  closedFrom: { type: 'string', format: 'date-time', title: '办结时间起' },
  closedBefore: { type: 'string', format: 'date-time', title: '办结时间止（不含）' },
  satisfaction: { type: 'array', items: { type: 'string', enum: [...SATISFACTION] }, title: '满意度' },
  amountRecovered: { type: 'boolean', title: '有挽回经济损失' },
};

const personalFilters = (q: TicketSearch) => PERSONAL_FILTERS.filter((f) => q[f]?.trim());

/** Where the search runs: personal-data filters only for the roles that see it, on the tickets they see it on. */
async function searchVisibility({ ctx, user }: Call, q: TicketSearch): Promise<TicketVisibility> {
  const visibility = await visibilityOf(ctx.pool, user!);
  const personal = personalFilters(q);
  if (!personal.length) return visibility;
  const narrowed = await personalSearchVisibility(ctx.pool, user!, visibility);
  if (!narrowed) throw forbidden(`您的角色无权按投诉举报人个人信息查询（${personal.map((f) => `query.${f}`).join('、')}）`);
  return narrowed;
}

/** Each search by personal data goes into the account audit trail, with what was looked for masked. */
async function auditPersonalSearch({ ctx, user, req, res }: Call, q: TicketSearch, found: Ticket[]): Promise<void> {
  if (!personalFilters(q).length) return;
  await audit(ctx, req, res, {
    action: 'ticket.personalDataSearched',
    actor: { id: user!.id, login: user!.login },
    after: {
      roles: user!.roles,
      complainantName: q.complainantName?.trim() ? `${[...q.complainantName.trim()][0]}*` : undefined,
      complainantPhone: q.complainantPhone?.trim() ? maskPhone(storedPhone(q.complainantPhone)) : undefined,
      found: found.map((t) => t.ticketNo),
    },
  });
}

export const list: Endpoint = {
  summary: '工单查询（本人可见范围内，个人信息脱敏）',
  description: '按投诉举报人姓名、电话查询仅限登记员、法制审核、领导（本人可见范围）和承办人（本部门及下级），每次查询都记入审计；其他角色返回 403。',
  tag: TAG,
  query: {
    type: 'object',
    properties: {
      ...searchFilters,
      cursor: { type: 'string', maxLength: 200, title: '翻页游标（上一页的 next）' },
      limit: { type: 'integer', minimum: 1, maximum: 200, default: 50, title: '每页条数' },
    },
    additionalProperties: false,
  },
  responses: { 200: { description: '工单', schema: { type: 'object', properties: { items: { type: 'array', items: ticketSummary }, next: { type: 'string' } } } } },
  async handle(call) {
    const { query } = call;
    if (query.cursor && !validCursor(query.cursor)) throw badRequest('VALIDATION_FAILED', '翻页游标无效', [{ path: 'query.cursor', message: '翻页游标无效' }]);
    const page = await searchTickets(call.ctx.pool, await searchVisibility(call, query), query, call.ctx.clock());
    await auditPersonalSearch(call, query, page.tickets);
    return { body: { items: page.tickets.map(toListItem), ...(page.next ? { next: page.next } : {}) } };
  },
};

export const exportXlsx: Endpoint = {
  summary: '导出工单查询结果（Excel，个人信息脱敏）',
  description: `条件同工单查询；最多 ${EXPORT_MAX_ROWS} 条（最新登记的在前）。`,
  tag: TAG,
  query: { type: 'object', properties: searchFilters, additionalProperties: false },
  responses: { 200: { description: 'Excel 工作簿', contentType: XLSX_TYPE, schema: { type: 'string', format: 'binary' } } },
  async handle(call) {
    const visibility = await searchVisibility(call, call.query);
    const tickets: Ticket[] = [];
    let cursor: string | undefined;
    do {
      const page = await searchTickets(call.ctx.pool, visibility, { ...call.query, cursor, limit: 200 }, call.ctx.clock());
      tickets.push(...page.tickets);
      cursor = page.next;
    } while (cursor && tickets.length < EXPORT_MAX_ROWS);
    tickets.splice(EXPORT_MAX_ROWS);
    await auditPersonalSearch(call, call.query, tickets);
    const now = call.ctx.clock();
    const stamp = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    call.res.setHeader('Content-Type', XLSX_TYPE);
    call.res.setHeader('Content-Disposition', attachment(`工单查询-${stamp}.xlsx`, `tickets-${stamp}.xlsx`));
    call.res.send(await ticketsXlsx(call.ctx.pool, tickets, now));
  },
};

export const departments: Endpoint = {
  summary: '可查询的承办单位（本人可见范围，供选择）',
  tag: TAG,
  responses: { 200: { description: '部门树（按路径排序）', schema: { type: 'object', properties: { items: { type: 'array' } } } } },
  async handle({ ctx, user }) {
    const units = await unitsInScope(ctx.pool, user!);
    return { body: { items: units.map(({ code, name, kind, parentCode }) => ({ code, name, kind, parentCode })) } };
  },
};

/** The ticket if the user may see it, else 404. */
async function visibleTicket(ctx: ServerContext, user: SessionUser, id: string): Promise<Ticket> {
  const ticket = await getTicket(ctx.pool, id);
  if (!ticket || !canSee(await visibilityOf(ctx.pool, user), ticket)) throw notFound();
  return ticket;
}

function masked(t: Ticket) {
  const c = t.complainant;
  const hide = c.anonymous;
  return {
    ...c,
    name: hide ? null : c.name,
    phone: c.phone && !hide ? maskPhone(c.phone) : null,
    idNumber: c.idNumber && !hide ? maskIdNumber(c.idNumber) : null,
    address: c.address && !hide ? maskAddress(c.address) : null,
  };
}

export const get: Endpoint = {
  summary: '工单详情与办理经过',
  description: '登记员、本部门承办人、法制审核和领导看到完整个人信息，每次查看都记入工单审计记录；其他角色看到脱敏信息。',
  tag: TAG,
  params: idParams,
  responses: { 200: { description: '工单', schema: { type: 'object' } } },
  async handle({ ctx, user, params }) {
    const ticket = await visibleTicket(ctx, user!, params.id);
    const full = await seesFullData(ctx.pool, user!, ticket);
    if (full) {
      await appendAudit(ctx.pool, {
        ticketId: ticket.id, actor: `user:${user!.id}`, action: 'ticket.personalDataViewed', at: ctx.clock(),
        after: { login: user!.login, roles: user!.roles },
      });
    }
    const [audit, notices, deadlines, links, departmentName] = await Promise.all([
      auditOf(ctx.pool, ticket.id), noticesOf(ctx.pool, ticket.id), deadlinesOf(ctx.pool, ticket.id), linksOf(ctx.pool, ticket.id),
      departmentNameOf(ctx.pool, ticket.department),
    ]);
    const noticeList = notices.map(({ html: _html, data: _data, ...n }) => n);
    const timeline = [
      ...audit.map((a) => ({ at: a.at, type: 'audit', action: a.action, actor: a.actor, before: a.before, after: a.after })),
      ...noticeList.map((n) => ({ at: n.issuedAt, type: 'notice', noticeId: n.id, noticeNo: n.noticeNo, title: n.title })),
      ...deadlines.map((d) => ({ at: d.startedAt, type: 'deadline', step: d.step, dueDate: d.dueDate, dueAt: d.dueAt, completedAt: d.completedAt })),
      ...links.map((l) => ({ at: l.createdAt, type: 'link', kind: l.kind, fromTicketId: l.fromTicketId, toTicketId: l.toTicketId, toCaseId: l.toCaseId, reason: l.reason })),
    ].sort((a, b) => new Date(a.at).getTime() - new Date(b.at).getTime());
    const { complainantKey: _k, dedupKey: _d, ...rest } = ticket;
    return {
      body: {
        ticket: { ...rest, departmentName, complainant: full ? ticket.complainant : masked(ticket) },
        personalData: full ? 'full' : 'masked',
        timeline, audit, notices: noticeList, deadlines, links, attachments: uploadedAttachments(ticket),
      },
    };
  },
};

export const notice: Endpoint = {
  summary: '打印文书（HTML）',
  tag: TAG,
  params: {
    type: 'object',
    properties: { id: uuid('工单编号'), noticeId: uuid('文书编号') },
    required: ['id', 'noticeId'],
    additionalProperties: false,
  },
  responses: { 200: { description: '可打印的文书', contentType: 'text/html' } },
  async handle({ ctx, user, params, res }) {
    const ticket = await visibleTicket(ctx, user!, params.id);
    const found = await getNotice(ctx.pool, params.noticeId);
    if (!found || found.ticketId !== ticket.id) throw notFound();
    // Notices name the complainant: only those who see personal data print them.
    if (!(await seesFullData(ctx.pool, user!, ticket))) throw forbidden('您的角色无权查看含个人信息的文书');
    await appendAudit(ctx.pool, { ticketId: ticket.id, actor: `user:${user!.id}`, action: 'notice.viewed', at: ctx.clock(), after: { noticeId: found.id, noticeNo: found.noticeNo } });
    res.status(200).type('html').send(found.html);
  },
};

export const processPath: Endpoint = {
  summary: '工单的流程图与办理路径',
  description: '带本工单编号的流程实例（本工单启动的、其调用的子流程、诉转案），各附 BPMN XML、已完成和进行中的环节、走过的顺序流；时限督办子流程不在其中（时限见办理经过）。',
  tag: TAG,
  params: idParams,
  responses: { 200: { description: '流程实例，按开始时间排序', schema: { type: 'object', properties: { instances: { type: 'array', items: { type: 'object' } } } } } },
  async handle({ ctx, user, params }) {
    const ticket = await visibleTicket(ctx, user!, params.id);
    return { body: { instances: await processPathsOf(restOf(ctx), ticket) } };
  },
};
