// The inbox (待办): the user's user tasks through the SDK's REST client, claimed, released and
// completed there. A task is the user's when it is assigned to its login or offered to one
// of its candidate groups (server/tickets/inbox.ts); any other task answers 404.
import { getTickets, type Ticket } from '../../tickets/index.ts';
import type { ServerContext } from '../context.ts';
import { HttpError } from '../http/errors.ts';
import { compileValidator, type Validator } from '../http/validation.ts';
import { formKeys, formToJsonSchema } from '../tickets/form-schema.ts';
import { ticketIdOfVariable } from '../tickets/ticket-variable.ts';
import { groupsOf, restOf, statusOf, taskForm, taskVariables, usersOpenTask, type RestClient, type UserTask } from '../tickets/inbox.ts';
import type { Endpoint } from './endpoint.ts';

const TAG = '待办';

const taskParams = {
  type: 'object',
  properties: { taskKey: { type: 'string', pattern: '^[0-9]{1,20}$', title: '待办编号', description: '用户任务的 key（数字）' } },
  required: ['taskKey'],
  additionalProperties: false,
};

const taskSchema = {
  type: 'object',
  properties: {
    taskKey: { type: 'string' }, name: { type: 'string' }, elementId: { type: 'string' }, processDefinitionId: { type: 'string' },
    processInstanceKey: { type: 'string' }, assignee: { type: ['string', 'null'] }, candidateGroups: { type: 'array', items: { type: 'string' } },
    dueDate: { type: ['string', 'null'] }, priority: { type: 'integer' }, creationDate: { type: 'string' },
    ticket: { type: ['object', 'null'], properties: { id: { type: 'string' }, ticketNo: { type: 'string' }, title: { type: 'string' } } },
  },
};

/** A ticket's title as an inbox shows it: what, against whom. */
const titleOf = (t: Ticket) => [t.category, t.respondent.name, t.facts.goodsOrService].filter(Boolean).join(' · ') || t.ticketNo;

function view(task: UserTask, ticket: Ticket | undefined) {
  return {
    taskKey: String(task.userTaskKey), name: task.name, elementId: task.elementId, processDefinitionId: task.processDefinitionId,
    processInstanceKey: String(task.processInstanceKey), assignee: task.assignee ?? null, candidateGroups: task.candidateGroups ?? [],
    dueDate: task.dueDate ?? null, priority: task.priority, creationDate: task.creationDate,
    ticket: ticket ? { id: ticket.id, ticketNo: ticket.ticketNo, title: titleOf(ticket), status: ticket.status } : null,
  };
}

export const list: Endpoint = {
  summary: '我的待办（mine：已认领；groups：本部门/本角色可认领）',
  tag: TAG,
  query: {
    type: 'object',
    properties: { scope: { type: 'string', enum: ['mine', 'groups'], default: 'mine', title: '范围' } },
    additionalProperties: false,
  },
  responses: { 200: { description: '待办，按到期时间、优先级排序', schema: { type: 'object', properties: { items: { type: 'array', items: taskSchema } } } } },
  async handle({ ctx, user, query }) {
    const rest = restOf(ctx);
    const filter = query.scope === 'mine'
      ? { state: 'CREATED' as const, assignee: user!.login }
      : { state: 'CREATED' as const, candidateGroup: { $in: groupsOf(user!) } };
    const found = await rest.searchUserTasks({ filter: filter as never, sort: [{ field: 'dueDate', order: 'ASC' }, { field: 'priority', order: 'DESC' }], page: { from: 0, limit: 200 } });
    // The group inbox offers what can still be claimed: unassigned, or already the user's.
    const tasks = found.items.filter((task) => query.scope === 'mine' || !task.assignee || task.assignee === user!.login);
    // Due date first (none last), then the higher priority, then the older task.
    tasks.sort((a, b) => (a.dueDate ?? '\uffff').localeCompare(b.dueDate ?? '\uffff') || (b.priority ?? 50) - (a.priority ?? 50) || a.creationDate.localeCompare(b.creationDate));
    const tickets = await ticketsOf(ctx, rest, tasks);
    return { body: { items: tasks.map((task) => view(task, tickets.get(String(task.processInstanceKey)))) } };
  },
};

/**
 * The ticket of each task's process instance, in one variable search and one query (a group
 * inbox lists up to 200 tasks): instance key → ticket.
 */
async function ticketsOf(ctx: ServerContext, rest: RestClient, tasks: UserTask[]): Promise<Map<string, Ticket>> {
  const instanceKeys = [...new Set(tasks.map((task) => String(task.processInstanceKey)))];
  const byInstance = new Map<string, Ticket>();
  if (!instanceKeys.length) return byInstance;
  // A called process may hold a copy of ticketId in an inner scope too: ask for enough rows.
  const found = await rest.searchVariables({
    filter: { name: 'ticketId', processInstanceKey: { $in: instanceKeys } as never },
    page: { from: 0, limit: instanceKeys.length * 4 },
  });
  const ticketIdOf = new Map<string, string>();
  for (const v of found.items as Array<{ processInstanceKey: string; value: string }>) {
    const id = ticketIdOfVariable(v.value);
    if (id && !ticketIdOf.has(String(v.processInstanceKey))) ticketIdOf.set(String(v.processInstanceKey), id);
  }
  const tickets = await getTickets(ctx.pool, [...new Set(ticketIdOf.values())]);
  for (const [instanceKey, id] of ticketIdOf) {
    const ticket = tickets.get(id);
    if (ticket) byInstance.set(instanceKey, ticket);
  }
  return byInstance;
}

export const claim: Endpoint = {
  summary: '认领待办',
  tag: TAG,
  params: taskParams,
  responses: { 200: { description: '已认领', schema: taskSchema } },
  async handle({ ctx, user, params }) {
    const task = await usersOpenTask(ctx, user!, params.taskKey);
    if (task.assignee && task.assignee !== user!.login) throw new HttpError(409, 'TASK_CLAIMED', `该待办已由 ${task.assignee} 认领`);
    const rest = restOf(ctx);
    await rest.assignUserTask({ userTaskKey: params.taskKey, assignee: user!.login, allowOverride: false });
    return { body: view(await rest.getUserTask(params.taskKey), undefined) };
  },
};

export const unclaim: Endpoint = {
  summary: '退回待办（取消认领）',
  tag: TAG,
  params: taskParams,
  responses: { 200: { description: '已取消认领', schema: taskSchema } },
  async handle({ ctx, user, params }) {
    const task = await usersOpenTask(ctx, user!, params.taskKey);
    if (task.assignee !== user!.login) throw new HttpError(409, 'TASK_NOT_CLAIMED', '只能退回本人已认领的待办');
    const rest = restOf(ctx);
    await rest.unassignUserTask({ userTaskKey: params.taskKey });
    return { body: view(await rest.getUserTask(params.taskKey), undefined) };
  },
};

export const form: Endpoint = {
  summary: '待办表单（form-js 定义和表单所需变量）',
  tag: TAG,
  params: taskParams,
  responses: { 200: { description: '表单', schema: { type: 'object', properties: { formId: { type: 'string' }, schema: { type: 'object' }, variables: { type: 'object' } } } } },
  async handle({ ctx, user, params }) {
    const task = await usersOpenTask(ctx, user!, params.taskKey);
    const rest = restOf(ctx);
    const linked = await taskForm(rest, params.taskKey);
    if (!linked) throw new HttpError(404, 'NO_FORM', '该待办没有关联表单');
    const variables = await taskVariables(rest, params.taskKey);
    return { body: { task: view(task, undefined), formId: linked.formId, formKey: linked.formKey, version: linked.version, schema: linked.schema, variables, fields: formKeys(linked.schema) } };
  },
};

const validators = new Map<string, Validator>();
function validatorFor(schema: Record<string, unknown>): Validator {
  const key = JSON.stringify(schema);
  let v = validators.get(key);
  if (!v) {
    if (validators.size > 500) validators.clear();
    v = compileValidator(schema, 'body');
    validators.set(key, v);
  }
  return v;
}

export const complete: Endpoint = {
  summary: '办结待办（按表单规则校验后提交）',
  description: '变量按任务表单的规则（必填、格式、长度、取值范围、选项）在服务器校验，不合格返回 400 并指明字段。只能办结本人已认领或本部门/本角色可认领的待办。',
  tag: TAG,
  params: taskParams,
  body: {
    type: 'object',
    properties: { variables: { type: 'object', title: '表单变量' } },
    required: ['variables'],
    additionalProperties: false,
  },
  responses: { 204: { description: '已办结' } },
  async handle({ ctx, user, params, body }) {
    const task = await usersOpenTask(ctx, user!, params.taskKey);
    if (task.assignee && task.assignee !== user!.login) throw new HttpError(409, 'TASK_CLAIMED', `该待办已由 ${task.assignee} 认领`);
    const rest = restOf(ctx);
    const linked = await taskForm(rest, params.taskKey);
    const variables: Record<string, unknown> = body.variables;
    if (linked) {
      const schema = formToJsonSchema(linked.schema, await taskVariables(rest, params.taskKey), variables);
      const checked = validatorFor(schema)(variables);
      if (!checked.ok) throw new HttpError(400, 'VALIDATION_FAILED', `表单填写有误：${checked.details.map((d) => `${d.path}：${d.message}`).join('；')}`, checked.details);
    }
    try {
      await rest.completeUserTask({ userTaskKey: params.taskKey, variables });
    } catch (err) {
      if (statusOf(err) === 409) throw new HttpError(409, 'TASK_NOT_OPEN', '该待办已办结或正在处理');
      throw err;
    }
  },
};
