// Stories: whole tickets through the real engine, the real intake and the real job workers,
// on a virtual clock. Time moves only by pinning the engine clock through the REST API
// (PUT /v2/clock); user tasks are found and completed through the REST API with the values
// their form (forms/*.form, as deployed) lets a user submit; stand-in HTTP servers play the
// WeCom group robot, the SMS gateway and the 12345 city platform.
//
// One `Story` per test file: an engine, a product database, the workers, the stand-ins.

import { evaluate as feel } from 'feelin';
import {
  auditOf, casesOfTicket, deadlinesOf, getTicket, getTicketByNo, handle12345Push, linksOf, noticesOf, openSupervision, registerTicket,
  sign12345, SIGNATURE_HEADER, TIMESTAMP_HEADER,
  type AuditEntry, type Case, type Notice, type Push12345, type PushResponse, type Ticket, type TicketLink,
} from '../../tickets/index.ts';
import type { HolidayCalendar } from '../../domain/index.ts';
import { loadWorkerSettings, startWorkers, type RunningWorkers, type WorkerSettings } from '../../workers/index.ts';
import { productDb, type ProductDb } from '../tickets/product.ts';
import { ID_CARD, USCC } from '../tickets/samples.ts';
import { startStub, type StubRequest, type StubServer } from '../workers/stub-server.ts';
import { eventually, startTestEngine, type TestEngine } from './engine.ts';
import { productResources } from './processes.ts';
import { NOW } from './rest.ts';

export const HOTLINE_SECRET = 'story-12345-secret';

/** The demo organisation's units (processes/README.md), each with its own WeCom group robot. */
export const DEPARTMENTS = [
  '370100-XBC', '370100-WJC', '370100-JGC', '370100-ZD', '370102-XBK', '370102-ZFDD', '370102-ZFDD-RX', '370102-DL', '370102-YJ',
  '370115-XBK', '370115-ZFDD', '370115-ZFDD-RX', '370115-JY', '370115-JB', '370126-XBK', '370126-ZFDD', '370126-ZFDD-RX', '370126-XS',
];

/** A message that reached a stand-in, with the day (Asia/Shanghai, engine clock) it arrived on. */
export interface Delivery {
  channel: 'wecom' | 'sms' | '12345';
  /** The engine clock's date when it arrived (the clock only moves when a story pins it). */
  day: string;
  url: string;
  body: any;
  request: StubRequest;
}

/** An in-platform notification (站内提醒) with the engine day it appeared on. */
export interface PlatformNotice {
  id: string;
  recipient: string;
  ticketId: string | null;
  title: string;
  body: string;
  day: string;
}

export interface TaskView {
  userTaskKey: string;
  name?: string;
  elementId: string;
  processDefinitionId: string;
  processInstanceKey: string;
  candidateGroups: string[];
  dueDate?: string;
  priority?: number;
  formKey?: string;
}

/** Which form field a value was wrong for, and why: what the form would have refused. */
export class FormRefused extends Error {}

export interface Story {
  t: TestEngine;
  db: ProductDb;
  wecom: StubServer;
  sms: StubServer;
  hotline: StubServer;
  settings: WorkerSettings;
  logs: string[];
  /** Everything the stand-ins received, in order. */
  deliveries: Delivery[];
  /** The engine clock as last pinned (epoch ms). */
  readonly now: number;
  /** Set while a story expects an incident: settle() then does not throw on one. */
  allowIncidents: boolean;
  /** Today on the engine clock, Asia/Shanghai. */
  today(): string;
  /** Pins the engine clock (PUT /v2/clock) and waits until everything due by then has happened. */
  at(instant: string): Promise<void>;
  /** Waits until no job is left to do and no timer due on the engine clock is left to fire; throws on an incident. */
  settle(): Promise<void>;
  /** Registers a ticket through intake (starting its process) and waits for its first steps. */
  register(submission: Record<string, unknown>, options?: { actor?: string }): Promise<Ticket>;
  /** The 12345 city platform pushes (signed as the platform signs). */
  push12345(body: Push12345): Promise<PushResponse>;
  ticket(ticketNo: string): Promise<Ticket>;
  notices(ticketNo: string): Promise<Notice[]>;
  audit(ticketNo: string): Promise<AuditEntry[]>;
  /** Links from and to a ticket (duplicate, split, merged, converted). */
  links(ticketNo: string): Promise<TicketLink[]>;
  /** Cases opened for a ticket (诉转案, 立案). */
  casesOf(ticketNo: string): Promise<Case[]>;
  /** Platform notifications of a ticket, oldest first. */
  platform(ticketNo: string): Promise<PlatformNotice[]>;
  /** WeCom messages about a ticket (its number in the text). */
  wecomOf(ticketNo: string): Delivery[];
  /** The 12345 platform's replies for one of its orders. */
  hotlineRepliesOf(orderNo: string): Delivery[];
  /** Open tasks of a ticket (its instance and the ones it called), as an inbox search shows them. */
  tasks(ticketNo: string, elementId?: string): Promise<TaskView[]>;
  /** The one open task of a ticket at this element, waiting for it to appear. */
  task(ticketNo: string, elementId: string): Promise<TaskView>;
  /** The variables a task's form sees. */
  taskVariables(task: TaskView): Promise<Record<string, any>>;
  /** The options a select or radio of the task's form offers now. */
  options(task: TaskView, key: string): Promise<string[]>;
  /** Fills the task's form with these values (checked as the form checks them) and submits it. */
  complete(task: TaskView, values: Record<string, unknown>): Promise<void>;
  /** Finds the ticket's open task at this element, then completes it with the form's values. */
  completeTask(ticketNo: string, elementId: string, values: Record<string, unknown>): Promise<TaskView>;
  /** Process instances started for a ticket, by process id. */
  instances(ticketNo: string, processId?: string): Promise<Array<{ processInstanceKey: string; processDefinitionId: string; state: string; processDefinitionVersion: number }>>;
  /** Active incidents (a story should leave none). */
  incidents(): Promise<Array<{ incidentKey: string; jobKey?: string; errorMessage: string; processDefinitionId: string; elementId: string }>>;
  stop(): Promise<void>;
}

export interface StoryOptions {
  /** Where the engine clock stands when the story starts. */
  clock: string;
  /** The holiday calendar in force, asked for by each job (default the package's 2004–2026 data). */
  calendar?: () => Promise<HolidayCalendar>;
}

/** Raised by settle() when an incident is open: a story expects none, and says which. */
export class IncidentRaised extends Error {}

const DAY_FORMAT = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
/** The Asia/Shanghai calendar date of an instant. */
export const shanghaiDay = (instant: number | Date | string) => DAY_FORMAT.format(new Date(instant));

const PENDING_JOB_STATES = ['CREATED', 'TIMED_OUT', 'RETRIES_UPDATED', 'FAILED'];

export async function startStory(options: StoryOptions): Promise<Story> {
  const deliveries: Delivery[] = [];
  let now = Date.parse(options.clock);
  const stamp = (channel: Delivery['channel']) => (request: StubRequest) => {
    deliveries.push({ channel, day: shanghaiDay(now), url: request.url, body: request.body, request });
    return channel === 'wecom' ? { status: 200, body: { errcode: 0, errmsg: 'ok' } } : channel === 'sms' ? { status: 200, body: { code: 'OK' } } : { status: 200, body: { ok: true } };
  };
  const [t, db, wecom, sms, hotline] = await Promise.all([
    startTestEngine(), productDb(), startStub(stamp('wecom')), startStub(stamp('sms')), startStub(stamp('12345')),
  ]);
  const settings: WorkerSettings = {
    ...loadWorkerSettings({}),
    retryBackoffMs: 0,
    longPollMs: 10_000,
    httpTimeoutMs: 2_000,
    bureauName: '济南市市场监督管理局',
    wecomWebhookUrl: `${wecom.url}/cgi-bin/webhook/send?key=default`,
    wecomWebhooks: Object.fromEntries(DEPARTMENTS.map((d) => [d, `${wecom.url}/cgi-bin/webhook/send?key=${d}`])),
    smsGatewayUrl: `${sms.url}/sms/send`,
    smsGatewayToken: 'sms-token',
    hotlineReplyUrl: `${hotline.url}/12345/reply`,
    hotlineSecret: HOTLINE_SECRET,
  };
  const logs: string[] = [];
  const api = t.api as any;

  // Platform notifications are stamped with the engine day on which a settle first saw them.
  const notificationDays = new Map<string, string>();
  const stampNotifications = async () => {
    const rows = await db.pool.query<{ id: string }>('SELECT id::text FROM notifications');
    for (const r of rows.rows) if (!notificationDays.has(r.id)) notificationDays.set(r.id, shanghaiDay(now));
  };

  let workers: RunningWorkers | undefined;
  const byNo = async (ticketNo: string) => {
    const ticket = await getTicketByNo(db.pool, ticketNo);
    if (!ticket) throw new Error(`no ticket ${ticketNo}`);
    return ticket;
  };

  async function pendingWork(): Promise<string[]> {
    const pending: string[] = [];
    const jobs = await api.searchJobs({ filter: { state: { $in: PENDING_JOB_STATES } }, page: { limit: 100 } }, NOW);
    for (const j of jobs.items as Array<{ state: string; retries: number; type: string; elementId: string; errorMessage?: string }>) {
      if (j.state === 'FAILED' && j.retries === 0) continue; // an incident: nothing more will happen by itself
      pending.push(`job ${j.type} at ${j.elementId} (${j.state}${j.errorMessage ? `: ${j.errorMessage}` : ''})`);
    }
    const timers = await t.records({ valueType: 'TIMER' });
    const open = new Map<string, { dueDate: number; targetElementId: string }>();
    for (const r of timers) {
      if (r.intent === 'CREATED') open.set(r.key, r.value as never);
      else open.delete(r.key);
    }
    for (const timer of open.values()) if (timer.dueDate <= now) pending.push(`timer ${timer.targetElementId} due ${new Date(timer.dueDate).toISOString()}`);
    return pending;
  }

  const story: Story = {
    t, db, wecom, sms, hotline, settings, logs, deliveries,
    allowIncidents: false,
    get now() {
      return now;
    },
    today: () => shanghaiDay(now),

    async at(instant) {
      const to = Date.parse(instant);
      if (Number.isNaN(to)) throw new Error(`not an instant: ${instant}`);
      // Nothing may be in flight when time jumps: a job held across the jump would time out.
      await story.settle();
      await api.pinClock({ timestamp: to });
      now = to;
      await story.settle();
    },

    async settle() {
      let quiet = 0;
      let last: string[] = [];
      const until = Date.now() + 20_000;
      // Quiet twice in a row: a completion in flight between the two reads shows up in the second.
      while (quiet < 2) {
        last = await pendingWork();
        quiet = last.length === 0 ? quiet + 1 : 0;
        if (quiet < 2) {
          if (Date.now() > until) throw new Error(`the engine did not settle at ${new Date(now).toISOString()}: ${last.join('; ')}\nworker log:\n${logs.slice(-20).join('\n')}`);
          await new Promise((r) => setTimeout(r, 15));
        }
      }
      await stampNotifications();
      const incidents = story.allowIncidents ? [] : await story.incidents();
      if (incidents.length) throw new IncidentRaised(`incident at ${new Date(now).toISOString()}: ${incidents.map((i) => `${i.processDefinitionId}/${i.elementId}: ${i.errorMessage}`).join('; ')}`);
    },

    async register(submission, o = {}) {
      const outcome = await registerTicket({ pool: db.pool, zeebe: t.zeebe }, submission, { actor: o.actor });
      if (!outcome.ok) throw new Error(`intake refused the ticket: ${JSON.stringify(outcome.errors)}`);
      if (Object.keys(outcome.processErrors).length) throw new Error(`the process did not start: ${JSON.stringify(outcome.processErrors)}`);
      await story.settle();
      return (await getTicket(db.pool, outcome.tickets[0]!.id))!;
    },

    async push12345(body) {
      const raw = Buffer.from(JSON.stringify(body));
      // The signature's replay window is about real time (tickets/hotline-12345.ts), not the engine's.
      const timestamp = String(Math.floor(Date.now() / 1000));
      const answer = await handle12345Push({ pool: db.pool, zeebe: t.zeebe, secret: HOTLINE_SECRET }, { [TIMESTAMP_HEADER]: timestamp, [SIGNATURE_HEADER]: sign12345(HOTLINE_SECRET, timestamp, raw) }, raw);
      await story.settle();
      return answer;
    },

    ticket: byNo,
    notices: async (ticketNo) => noticesOf(db.pool, (await byNo(ticketNo)).id),
    audit: async (ticketNo) => auditOf(db.pool, (await byNo(ticketNo)).id),
    links: async (ticketNo) => linksOf(db.pool, (await byNo(ticketNo)).id),
    casesOf: async (ticketNo) => casesOfTicket(db.pool, (await byNo(ticketNo)).id),
    async platform(ticketNo) {
      const ticket = await byNo(ticketNo);
      await stampNotifications();
      const rows = await db.pool.query<{ id: string; recipient: string; ticket_id: string | null; title: string; body: string }>(
        'SELECT id::text, recipient, ticket_id, title, body FROM notifications WHERE ticket_id = $1 ORDER BY id', [ticket.id]);
      return rows.rows.map((r) => ({ id: r.id, recipient: r.recipient, ticketId: r.ticket_id, title: r.title, body: r.body, day: notificationDays.get(r.id)! }));
    },
    wecomOf: (ticketNo) => deliveries.filter((d) => d.channel === 'wecom' && String(d.body?.markdown?.content ?? '').includes(ticketNo)),
    hotlineRepliesOf: (orderNo) => deliveries.filter((d) => d.channel === '12345' && d.body?.orderNo === orderNo),

    async tasks(ticketNo, elementId) {
      const filter: Record<string, unknown> = { state: 'CREATED', processInstanceVariables: [{ name: 'ticketNo', value: JSON.stringify(ticketNo) }] };
      if (elementId) filter.elementId = elementId;
      const found = await api.searchUserTasks({ filter, sort: [{ field: 'creationDate' }], page: { limit: 100 } }, NOW);
      return (found.items as any[]).map((i) => ({
        userTaskKey: String(i.userTaskKey), name: i.name, elementId: i.elementId, processDefinitionId: i.processDefinitionId,
        processInstanceKey: String(i.processInstanceKey), candidateGroups: i.candidateGroups, dueDate: i.dueDate, priority: i.priority,
        formKey: i.formKey === undefined ? undefined : String(i.formKey),
      }));
    },

    async task(ticketNo, elementId) {
      return eventually(async () => {
        const open = await story.tasks(ticketNo, elementId);
        if (open.length > 1) throw new Error(`${open.length} open tasks '${elementId}' for ${ticketNo}`);
        return open[0];
      }, `task '${elementId}' of ${ticketNo}`, 10_000);
    },

    async taskVariables(task) {
      const found = await api.searchUserTaskVariables({ userTaskKey: task.userTaskKey, page: { limit: 1000 } }, NOW);
      const out: Record<string, any> = {};
      for (const v of found.items as Array<{ name: string; value: string; isTruncated?: boolean }>) {
        if (v.isTruncated) throw new Error(`variable ${v.name} is truncated in the task's variable search`);
        out[v.name] = JSON.parse(v.value);
      }
      return out;
    },

    async options(task, key) {
      const form = await formOf(task);
      const component = form.components.find((c: any) => c.key === key);
      if (!component) throw new Error(`the form ${form.id} has no field ${key}`);
      return optionsOf(component, await story.taskVariables(task));
    },

    async complete(task, values) {
      const form = await formOf(task);
      const variables = await story.taskVariables(task);
      const submitted = fillForm(form, variables, values);
      await api.completeUserTask({ userTaskKey: task.userTaskKey, variables: submitted });
      await story.settle();
    },

    async completeTask(ticketNo, elementId, values) {
      const task = await story.task(ticketNo, elementId);
      await story.complete(task, values);
      return task;
    },

    async instances(ticketNo, processId) {
      const filter: Record<string, unknown> = { variables: [{ name: 'ticketNo', value: JSON.stringify(ticketNo) }] };
      if (processId) filter.processDefinitionId = processId;
      const found = await api.searchProcessInstances({ filter, sort: [{ field: 'startDate' }], page: { limit: 100 } }, NOW);
      return (found.items as any[]).map((i) => ({ processInstanceKey: String(i.processInstanceKey), processDefinitionId: i.processDefinitionId, state: i.state, processDefinitionVersion: Number(i.processDefinitionVersion) }));
    },

    async incidents() {
      const found = await api.searchIncidents({ filter: { state: 'ACTIVE' }, page: { limit: 100 } }, NOW);
      return (found.items as any[]).map((i) => ({ incidentKey: String(i.incidentKey), jobKey: i.jobKey === undefined ? undefined : String(i.jobKey), errorMessage: i.errorMessage, processDefinitionId: i.processDefinitionId, elementId: i.elementId }));
    },

    async stop() {
      await workers?.close();
      await Promise.all([wecom.close(), sms.close(), hotline.close()]);
      await t.stop();
      await db.drop();
    },
  };

  async function formOf(task: TaskView): Promise<any> {
    const form = await api.getUserTaskForm({ userTaskKey: task.userTaskKey }, NOW);
    if (!form) throw new Error(`task ${task.elementId} has no form`);
    return typeof form.schema === 'string' ? JSON.parse(form.schema) : form.schema;
  }

  try {
    await t.zeebe.deployResources(productResources() as never);
    await api.pinClock({ timestamp: now });
    workers = await startWorkers({ pool: db.pool, zeebe: t.zeebe, settings, calendar: options.calendar, log: (m) => logs.push(m) });
  } catch (err) {
    await story.stop().catch(() => undefined);
    throw err;
  }
  return story;
}

// ---------------------------------------------------------------------------------------------
// Forms: what a user can submit (form-js semantics of the fields the product's forms use).

const feelValue = (expression: string, context: Record<string, unknown>): unknown => feel(expression.replace(/^=/, ''), context).value;

function optionsOf(component: any, context: Record<string, unknown>): string[] {
  if (Array.isArray(component.values)) return component.values.map((v: { value: string }) => v.value);
  if (component.valuesKey) return ((context[component.valuesKey] as Array<{ value: string }> | undefined) ?? []).map((v) => v.value);
  if (component.valuesExpression) return ((feelValue(component.valuesExpression, context) as Array<{ value: string }> | null) ?? []).map((v) => v.value);
  return [];
}

/**
 * The variables a form submits: the fields shown, as the user filled them (or as they were
 * prefilled from the task's variables), checked as the form checks them (required, options,
 * pattern), plus the computed `expression` fields. A value for a field the form does not have,
 * or hides, is refused: the user could not have entered it.
 */
export function fillForm(form: any, variables: Record<string, unknown>, values: Record<string, unknown>): Record<string, unknown> {
  const context = { ...variables, ...values };
  const submitted: Record<string, unknown> = {};
  const keys = new Set<string>();
  for (const c of form.components as any[]) {
    if (!c.key) continue;
    keys.add(c.key);
    const hidden = c.conditional?.hide ? feelValue(c.conditional.hide, context) === true : false;
    if (c.type === 'expression') {
      if (!hidden) submitted[c.key] = feelValue(c.expression, context);
      if (c.key in values) throw new FormRefused(`${form.id}: ${c.key} is computed by the form, not entered`);
      continue;
    }
    if (hidden) {
      if (values[c.key] !== undefined) throw new FormRefused(`${form.id}: ${c.key} is hidden (${c.conditional.hide}) and cannot be filled`);
      continue;
    }
    // As in Tasklist, the form opens filled with the task's variables of the same name; what
    // the user leaves untouched is submitted as it was.
    const value = c.key in values ? values[c.key] : variables[c.key];
    if (value === undefined || value === null || value === '') {
      if (c.validate?.required && c.type !== 'checkbox') throw new FormRefused(`${form.id}: ${c.label ?? c.key} (${c.key}) is required`);
      if (c.validate?.required && c.type === 'checkbox') throw new FormRefused(`${form.id}: ${c.label ?? c.key} (${c.key}) must be ticked`);
      // A field the user cleared is submitted empty.
      if (c.key in values) submitted[c.key] = null;
      continue;
    }
    if (c.type === 'checkbox' && typeof value !== 'boolean') throw new FormRefused(`${form.id}: ${c.key} is a checkbox`);
    if (c.type === 'checkbox' && c.validate?.required && value !== true) throw new FormRefused(`${form.id}: ${c.key} must be ticked`);
    if (c.type === 'number' && typeof value !== 'number') throw new FormRefused(`${form.id}: ${c.key} is a number`);
    if (['radio', 'select'].includes(c.type)) {
      const allowed = optionsOf(c, context);
      if (!allowed.includes(value as string)) throw new FormRefused(`${form.id}: ${c.key} = ${JSON.stringify(value)} is not one of ${JSON.stringify(allowed)}`);
    }
    if (c.type === 'checklist') {
      const allowed = optionsOf(c, context);
      if (!Array.isArray(value) || value.some((v) => !allowed.includes(v))) throw new FormRefused(`${form.id}: ${c.key} = ${JSON.stringify(value)} is not a subset of ${JSON.stringify(allowed)}`);
    }
    if (c.validate?.pattern && !new RegExp(c.validate.pattern).test(String(value))) throw new FormRefused(`${form.id}: ${c.key} = ${JSON.stringify(value)} does not match ${c.validate.pattern}`);
    submitted[c.key] = value;
  }
  const unknown = Object.keys(values).filter((k) => !keys.has(k));
  if (unknown.length) throw new FormRefused(`${form.id} has no field ${unknown.join(', ')}`);
  return submitted;
}

// ---------------------------------------------------------------------------------------------
// Submissions of the demo organisation (Jinan), as a clerk registers them.

let serial = 0;
export const externalNo = (prefix = 'S') => `${prefix}-${process.pid}-${++serial}`;

export function jinanComplaint(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    channel: '12315',
    externalNo: externalNo('12315'),
    kind: 'complaint',
    receivedAt: '2026-09-30T09:15:00+08:00',
    complainant: { name: '张三', phone: '13812345678', idType: 'resident_id', idNumber: ID_CARD('37010219800101123'), address: '济南市历下区文化东路1号', consentPublish: true, consentMediation: true },
    respondent: { name: '济南某某电器有限公司', uscc: USCC('91370102MA3C4D5E6'), address: '济南市历下区泉城路1号', regionCode: '370102' },
    facts: { occurredAt: '2026-09-20', place: '门店', goodsOrService: '空调', amount: 3999, description: '空调安装后不制冷，商家拒绝退货。' },
    requests: ['return', 'refund'],
    category: '产品质量',
    online: false,
    ...overrides,
  };
}

export function jinanReport(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    channel: '12315',
    externalNo: externalNo('12315R'),
    kind: 'report',
    receivedAt: '2026-05-06T10:00:00+08:00',
    complainant: { anonymous: true },
    respondent: { name: '济阳某某保健品店', address: '济南市济阳区纬二路3号', regionCode: '370115' },
    facts: { description: '店内宣传单称保健食品可治疗高血压、糖尿病。' },
    category: '虚假宣传',
    ...overrides,
  };
}

/** The audit actions of a ticket in order, as `actor action`. */
export const actions = (entries: AuditEntry[]) => entries.map((a) => `${a.actor} ${a.action}`);

/** The status changes the audit trail shows, in order. */
export const statusTrail = (entries: AuditEntry[]) =>
  entries.filter((a) => a.action === 'ticket.status').map((a) => (a.after as { status?: string }).status);

export { deadlinesOf, linksOf, openSupervision };
