// Process instances for the process monitor: a page of one process's instances in one
// state, each with the ticket it belongs to; and one instance in full (diagram, the path it
// took, where it stands, its variables and incidents).
import type { ServerContext } from '../context.ts';
import { notFound } from '../http/errors.ts';
import { ticketIdOfVariable } from '../tickets/ticket-variable.ts';
import { call, orMissing, rest, type Page } from './engine.ts';

export const INSTANCE_STATES = ['active', 'completed', 'canceled', 'incident'] as const;
export type InstanceState = (typeof INSTANCE_STATES)[number];

const STATE_FILTER: Record<InstanceState, Record<string, unknown>> = {
  active: { state: 'ACTIVE', hasIncident: false },
  completed: { state: 'COMPLETED' },
  canceled: { state: 'TERMINATED' },
  incident: { state: 'ACTIVE', hasIncident: true },
};

interface EngineInstance {
  processInstanceKey: string;
  processDefinitionKey: string;
  processDefinitionId: string;
  processDefinitionName?: string;
  processDefinitionVersion: number;
  parentProcessInstanceKey?: string;
  state: string;
  startDate: string;
  endDate?: string;
  hasIncident: boolean;
}

export interface InstanceQuery {
  processDefinitionId?: string;
  processDefinitionKey?: string;
  state?: InstanceState;
  limit: number;
  offset: number;
}

export async function searchInstances(ctx: ServerContext, q: InstanceQuery) {
  const filter: Record<string, unknown> = { ...(q.state ? STATE_FILTER[q.state] : {}) };
  if (q.processDefinitionId) filter.processDefinitionId = q.processDefinitionId;
  if (q.processDefinitionKey) filter.processDefinitionKey = q.processDefinitionKey;
  const found = await call<Page<EngineInstance>>(ctx, 'POST', 'process-instances/search', {
    filter, sort: [{ field: 'startDate', order: 'DESC' }], page: { from: q.offset, limit: q.limit },
  });
  const tickets = await ticketsOf(ctx, found.items);
  return { total: found.page.totalItems, items: found.items.map((i) => ({ ...view(i), ticket: tickets.get(i.processInstanceKey) ?? null })) };
}

const view = (i: EngineInstance) => ({
  processInstanceKey: String(i.processInstanceKey),
  processDefinitionKey: String(i.processDefinitionKey),
  processDefinitionId: i.processDefinitionId,
  processDefinitionName: i.processDefinitionName ?? null,
  version: Number(i.processDefinitionVersion),
  parentProcessInstanceKey: i.parentProcessInstanceKey ?? null,
  state: i.hasIncident && i.state === 'ACTIVE' ? 'incident' : i.state === 'TERMINATED' ? 'canceled' : i.state.toLowerCase(),
  startDate: i.startDate,
  endDate: i.endDate ?? null,
});

export interface TicketRef { id: string; ticketNo: string; department: string | null }

/** The ticket of each instance: its own, or its parent's (a called sub-process such as the deadline watch). */
async function ticketsOf(ctx: ServerContext, instances: EngineInstance[]): Promise<Map<string, TicketRef>> {
  const keys = [...new Set(instances.flatMap((i) => [i.processInstanceKey, i.parentProcessInstanceKey]).filter((k): k is string => !!k).map(String))];
  if (!keys.length) return new Map();
  const { rows } = await ctx.pool.query<{ id: string; ticket_no: string; department: string | null; key: string }>(
    'SELECT id, ticket_no, department, process_instance_key::text AS key FROM tickets WHERE process_instance_key = ANY($1::bigint[])', [keys]);
  const byKey = new Map(rows.map((r) => [r.key, { id: r.id, ticketNo: r.ticket_no, department: r.department }]));
  const out = new Map<string, TicketRef>();
  for (const i of instances) {
    const ticket = byKey.get(String(i.processInstanceKey)) ?? (i.parentProcessInstanceKey ? byKey.get(String(i.parentProcessInstanceKey)) : undefined);
    if (ticket) out.set(String(i.processInstanceKey), ticket);
  }
  return out;
}

export async function getInstance(ctx: ServerContext, key: string): Promise<EngineInstance> {
  const instance = await orMissing(() => call<EngineInstance>(ctx, 'GET', `process-instances/${key}`));
  if (!instance) throw notFound('未找到该流程实例');
  return instance;
}

/** The instance's ticket: by key as in lists, else by its `ticketId` variable (any process started for a ticket carries it). */
export async function ticketOfInstance(ctx: ServerContext, instance: EngineInstance): Promise<TicketRef | null> {
  const byKey = (await ticketsOf(ctx, [instance])).get(String(instance.processInstanceKey));
  if (byKey) return byKey;
  const found = await call<Page<{ value: string; scopeKey: string }>>(ctx, 'POST', 'variables/search', {
    filter: { processInstanceKey: String(instance.processInstanceKey), scopeKey: String(instance.processInstanceKey), name: 'ticketId' }, page: { from: 0, limit: 1 },
  });
  const id = ticketIdOfVariable(found.items[0]?.value);
  if (!id) return null;
  const { rows } = await ctx.pool.query<{ id: string; ticket_no: string; department: string | null }>('SELECT id, ticket_no, department FROM tickets WHERE id = $1', [id]);
  return rows[0] ? { id: rows[0].id, ticketNo: rows[0].ticket_no, department: rows[0].department } : null;
}

const ALL = { from: 0, limit: 1000 };

export async function instanceDetail(ctx: ServerContext, key: string) {
  const instance = await getInstance(ctx, key);
  const [xml, elements, flows, variables, incidents, ticket] = await Promise.all([
    rest(ctx).getProcessDefinitionXML(String(instance.processDefinitionKey)).catch(() => null),
    call<Page<Record<string, unknown>>>(ctx, 'POST', 'element-instances/search', { filter: { processInstanceKey: key }, sort: [{ field: 'startDate', order: 'ASC' }], page: ALL }),
    call<Array<{ elementId: string }> | { items: Array<{ elementId: string }> }>(ctx, 'GET', `process-instances/${key}/sequence-flows`),
    call<Page<{ name: string; value: string; scopeKey: string; isTruncated?: boolean }>>(ctx, 'POST', 'variables/search', { filter: { processInstanceKey: key }, page: ALL }),
    call<Page<Record<string, unknown>>>(ctx, 'POST', 'incidents/search', { filter: { processInstanceKey: key, state: 'ACTIVE' }, page: ALL }),
    ticketOfInstance(ctx, instance),
  ]);
  const flowItems = Array.isArray(flows) ? flows : flows.items;
  return {
    instance: { ...view(instance), ticket },
    xml: typeof xml === 'string' ? xml : null,
    elements: elements.items.map((e) => ({
      elementInstanceKey: String(e.elementInstanceKey), elementId: e.elementId, elementName: e.elementName ?? null, type: e.type,
      state: e.state, startDate: e.startDate, endDate: e.endDate ?? null, hasIncident: Boolean(e.hasIncident),
    })),
    sequenceFlows: [...new Set(flowItems.map((f) => f.elementId))],
    variables: variables.items.map((v) => ({ name: v.name, value: v.value, scopeKey: String(v.scopeKey), truncated: Boolean(v.isTruncated) })),
    incidents: incidents.items.map(incidentView),
  };
}

export const incidentView = (i: Record<string, unknown>) => ({
  incidentKey: String(i.incidentKey),
  processInstanceKey: String(i.processInstanceKey),
  processDefinitionKey: String(i.processDefinitionKey),
  processDefinitionId: i.processDefinitionId,
  elementId: i.elementId,
  elementInstanceKey: String(i.elementInstanceKey),
  errorType: i.errorType,
  errorMessage: i.errorMessage,
  jobKey: i.jobKey ? String(i.jobKey) : null,
  creationTime: i.creationTime,
});
