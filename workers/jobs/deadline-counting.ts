// The deadline of a step (processes/README.md, `deadline`): the `time_limits` row in force on
// the receipt date (amount, unit, regulation, article, extension), counted with the holiday
// calendar, and the reminder days of `reminder_thresholds`. The clock starts at `startedAt`
// (the model maps `=now()` or an earlier decision time) or at receipt: never at the worker's
// own clock. Stored with the ticket for supervision lists.
import {
  DomainError, deadlineFor, shanghaiDate, startOfShanghaiDay, toLocalDate, type LimitUnit, type Pause, type TimeLimitRule,
} from '../../domain/index.ts';
import { appendAudit, toShanghaiIso, upsertDeadline } from '../../tickets/index.ts';
import { IncidentError } from '../job-errors.ts';
import type pg from 'pg';
import type { Ticket } from '../../tickets/index.ts';
import type { WorkerContext, WorkerJob } from '../job-module.ts';
import { evaluateDecision } from './decisions.ts';
import { actorOf } from './job-ticket.ts';
import { processInstant } from './process-time.ts';

const UNITS: Record<string, LimitUnit> = {
  workingDays: 'workingDays', calendarDays: 'calendarDays', hours: 'hours', elapsedWorkingDays: 'elapsedWorkingDays',
  工作日: 'workingDays', 自然日: 'calendarDays', 日: 'calendarDays', 天: 'calendarDays', 小时: 'hours', 工作时长: 'elapsedWorkingDays',
};

interface LimitRow {
  amount?: unknown;
  unit?: unknown;
  regulation?: unknown;
  article?: unknown;
  citation?: unknown;
  title?: unknown;
  extension?: unknown;
  hardLimit?: unknown;
}

export interface DeadlineRequest {
  step: string;
  receivedAt: Date;
  startedAt: Date;
  pauses: unknown;
  extended: boolean;
}

export async function computeDeadline(ctx: WorkerContext, db: pg.PoolClient, job: WorkerJob, ticket: Ticket, request: DeadlineRequest): Promise<Record<string, unknown>> {
  const { step, receivedAt, startedAt } = request;
  const receivedDate = shanghaiDate(receivedAt);
  const row = (await evaluateDecision(ctx, 'time_limits', { step, receivedAt: toShanghaiIso(receivedAt), receivedDate })) as LimitRow | null;
  if (!row || row.amount === undefined || row.amount === null) {
    throw new IncidentError(`时限规则 time_limits 没有适用于环节“${step}”、收到日期 ${receivedDate} 的行，请在规则表中补充`);
  }
  const rule = ruleOf(step, row);
  const thresholds = (await evaluateDecision(ctx, 'reminder_thresholds', { step })) as { remindWorkingDays3?: unknown; remindWorkingDays2?: unknown } | null;
  const remind3 = wholeDays(thresholds?.remindWorkingDays3, 3);
  const remind2 = wholeDays(thresholds?.remindWorkingDays2, 2);

  const calendar = await ctx.calendar();
  let due;
  try {
    const pauses = rule.unit === 'workingDays' || rule.unit === 'calendarDays' ? pausesOf(request.pauses) : [];
    due = deadlineFor(step, { receivedAt, startedAt, pauses }, calendar, { rules: [rule] });
  } catch (err) {
    if (err instanceof DomainError) throw new IncidentError(`计算环节“${step}”的期限失败：${err.message}`);
    throw err;
  }
  const extended = request.extended && due.extended;
  const dueDate = extended ? due.extended!.dueDate : due.dueDate;
  const dueAt = extended ? due.extended!.dueAt : due.dueAt;
  // A reminder already past fires at once: the step's start, never a null a timer cannot take.
  const notBefore = (d: Date) => (d < startedAt ? startedAt : d);
  const dayStart = (date: string) => workdayStartOn(ctx, date);
  const remindAt3 = notBefore(dayStart(calendar.addWorkingDays(dueDate, -remind3)));
  const remindAt2 = notBefore(dayStart(calendar.addWorkingDays(dueDate, -remind2)));
  const dueDayStart = notBefore(dayStart(dueDate));
  const article = typeof row.article === 'string' ? row.article : null;
  const citation = typeof row.citation === 'string' ? row.citation : null;
  const extendedDueAt = !extended && due.extended ? due.extended.dueAt : null;

  await upsertDeadline(db, {
    ticketId: ticket.id, step, startedAt, dueDate, dueAt, remindAt3, remindAt2, dueDayStart, extendedDueAt,
    regulation: rule.regulation, article, citation,
  });
  const deadline = {
    step,
    title: rule.title,
    startedAt: toShanghaiIso(startedAt),
    dueDate,
    dueAt: toShanghaiIso(dueAt),
    remindAt3: toShanghaiIso(remindAt3),
    remindAt2: toShanghaiIso(remindAt2),
    dueDayStart: toShanghaiIso(dueDayStart),
    amount: rule.amount,
    unit: rule.unit,
    extended: Boolean(extended),
    extendedDueAt: extendedDueAt ? toShanghaiIso(extendedDueAt) : null,
    // The table says which limits end the step by law; without the column, legal limits do.
    hardLimit: typeof row.hardLimit === 'boolean' ? row.hardLimit : rule.regulation !== 'local target',
    regulation: rule.regulation,
    article,
    citation,
  };
  await appendAudit(db, { ticketId: ticket.id, actor: actorOf(job), action: extended ? 'deadline.extended' : 'deadline.computed', processInstanceKey: job.processInstanceKey, at: job.activatedAt, after: deadline });
  return deadline;
}

const wallMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** When the working day of `date` starts (WORKDAY_START, Beijing time). */
export const workdayStartOn = (ctx: WorkerContext, date: string) => new Date(startOfShanghaiDay(date).getTime() + wallMinutes(ctx.settings.workdayStart) * 60_000);

export function ruleOf(step: string, row: LimitRow): TimeLimitRule {
  const amount = Number(row.amount);
  const unit = UNITS[String(row.unit)];
  if (!Number.isFinite(amount) || amount <= 0) throw new IncidentError(`时限规则 time_limits 对环节“${step}”给出的期限“${String(row.amount)}”不是正数`);
  if (!unit) throw new IncidentError(`时限规则 time_limits 对环节“${step}”给出的单位“${String(row.unit)}”无效，应为 workingDays、calendarDays、hours 或 elapsedWorkingDays`);
  const regulation = typeof row.regulation === 'string' && row.regulation ? row.regulation : 'local target';
  let extension: TimeLimitRule['extension'];
  if (typeof row.extension === 'number' && row.extension > 0) {
    extension = { amount: row.extension, unit: unit === 'calendarDays' ? 'calendarDays' : 'workingDays', needs: 'approval' };
  } else if (row.extension && typeof row.extension === 'object') {
    const e = row.extension as { amount?: unknown; unit?: unknown };
    const extUnit = UNITS[String(e.unit)];
    if (typeof e.amount === 'number' && (extUnit === 'workingDays' || extUnit === 'calendarDays')) extension = { amount: e.amount, unit: extUnit, needs: 'approval' };
  }
  return {
    step,
    title: typeof row.title === 'string' ? row.title : step,
    regulation: regulation as TimeLimitRule['regulation'],
    article: typeof row.article === 'string' ? row.article : null,
    citation: typeof row.citation === 'string' ? row.citation : regulation,
    appliesFrom: '1900-01-01',
    amount,
    unit,
    countsFrom: 'receipt',
    extension,
  };
}

function wholeDays(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : fallback;
}

/** Appraisal and testing periods (not counted toward mediation), as the process collects them. */
function pausesOf(value: unknown): Pause[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((p) => {
    const from = dateOf((p as { from?: unknown })?.from);
    const to = dateOf((p as { to?: unknown })?.to);
    return from && to ? [{ from, to }] : [];
  });
}

function dateOf(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const t = processInstant(value);
  return t ? toLocalDate(t) : undefined;
}
