// The 今日到期 and 超期督办 lists: tickets with an open step deadline due today or already
// past, found with the ticket search (server/tickets/search.ts), each with the step, the
// department, who holds its task now, the due date and how many days it is overdue.
import { TIME_LIMIT_RULES } from '../../domain/index.ts';
import { toListItem, type Ticket } from '../../tickets/index.ts';
import type { SessionUser } from '../auth/session-user.ts';
import type { ServerContext } from '../context.ts';
import { visibilityOf } from '../tickets/access.ts';
import { searchTickets } from '../tickets/search.ts';
import { call, type Page } from './engine.ts';

export type DueKind = 'dueToday' | 'overdue';

export interface DueQuery { department?: string; cursor?: string; limit: number }

const DAY_MS = 86_400_000;
const STEP_TITLES = new Map(TIME_LIMIT_RULES.map((r) => [r.step, r.title]));
export const stepTitle = (step: string) => STEP_TITLES.get(step) ?? step;

interface DeadlineRow { ticket_id: string; step: string; due_date: string; due_at: Date }

export async function dueList(ctx: ServerContext, user: SessionUser, kind: DueKind, q: DueQuery) {
  const now = ctx.clock();
  const page = await searchTickets(ctx.pool, await visibilityOf(ctx.pool, user), { [kind]: true, department: q.department, cursor: q.cursor, limit: q.limit }, now);
  const ids = page.tickets.map((t) => t.id);
  const [deadlines, departments, supervised, urged, handlers] = await Promise.all([
    ctx.pool.query<DeadlineRow>(
      `SELECT ticket_id, step, to_char(due_date, 'YYYY-MM-DD') AS due_date, COALESCE(extended_due_at, due_at) AS due_at
         FROM ticket_deadlines WHERE ticket_id = ANY($1::uuid[]) AND completed_at IS NULL ORDER BY COALESCE(extended_due_at, due_at)`, [ids]),
    departmentNames(ctx, page.tickets),
    ctx.pool.query<{ ticket_id: string; reason: string; listed_at: Date }>(
      'SELECT DISTINCT ON (ticket_id) ticket_id, reason, listed_at FROM supervision_list WHERE ticket_id = ANY($1::uuid[]) AND cleared_at IS NULL ORDER BY ticket_id, listed_at DESC', [ids]),
    ctx.pool.query<{ ticket_id: string; at: Date }>(
      `SELECT ticket_id, max(at) AS at FROM ticket_audit WHERE ticket_id = ANY($1::uuid[]) AND action = 'supervision.urged' GROUP BY ticket_id`, [ids]),
    Promise.all(page.tickets.map((t) => openTasks(ctx, t))),
  ]);
  const today = shanghaiDate(now);
  const items = page.tickets.map((t, i) => {
    const open = deadlines.rows.filter((d) => d.ticket_id === t.id);
    // The deadline the list is about: the one due today, or the most overdue.
    const d = kind === 'dueToday' ? open.find((x) => x.due_date === today) : open.find((x) => x.due_at < now);
    // Calendar days from the due date to today (Beijing time); at least 1 once it is past.
    const daysOverdue = d && d.due_at < now ? Math.max(1, (Date.parse(today) - Date.parse(shanghaiDate(d.due_at))) / DAY_MS) : 0;
    const tasks = handlers[i]!;
    const entry = supervised.rows.find((s) => s.ticket_id === t.id);
    return {
      ticket: toListItem(t),
      departmentName: t.department ? departments.get(t.department) ?? t.department : null,
      step: d ? { code: d.step, title: stepTitle(d.step) } : null,
      dueDate: d?.due_date ?? null,
      dueAt: d?.due_at.toISOString() ?? null,
      daysOverdue,
      urgency: daysOverdue > 3 ? 'severe' : daysOverdue > 0 ? 'overdue' : 'today',
      tasks,
      supervised: entry ? { reason: entry.reason, listedAt: entry.listed_at.toISOString() } : null,
      lastUrgedAt: urged.rows.find((u) => u.ticket_id === t.id)?.at.toISOString() ?? null,
    };
  });
  return { items, ...(page.next ? { next: page.next } : {}) };
}

const shanghaiDate = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

async function departmentNames(ctx: ServerContext, tickets: Ticket[]): Promise<Map<string, string>> {
  const codes = [...new Set(tickets.map((t) => t.department).filter((c): c is string => !!c))];
  const { rows } = await ctx.pool.query<{ code: string; name: string }>('SELECT code, name FROM departments WHERE code = ANY($1)', [codes]);
  return new Map(rows.map((r) => [r.code, r.name]));
}

export interface OpenTask { name: string | null; elementId: string; assignee: string | null; assigneeName: string | null; candidateGroups: string[] }

/** The ticket's open user tasks (its current step and who holds it); none without an engine. */
export async function openTasks(ctx: ServerContext, t: Ticket): Promise<OpenTask[]> {
  if (!t.processInstanceKey || !ctx.engine.client) return [];
  const found = await call<Page<{ name?: string; elementId: string; assignee?: string; candidateGroups?: string[] }>>(ctx, 'POST', 'user-tasks/search', {
    filter: { processInstanceKey: t.processInstanceKey, state: 'CREATED' }, page: { from: 0, limit: 20 },
  }).catch((err: unknown) => {
    // The list stays usable while the engine is away; the task column is then empty.
    ctx.log.warn({ err, ticketId: t.id }, 'supervision: open tasks not available');
    return { items: [], page: { totalItems: 0 } };
  });
  const logins = found.items.map((x) => x.assignee).filter((a): a is string => !!a);
  const names = new Map<string, string>();
  if (logins.length) {
    const { rows } = await ctx.pool.query<{ login: string; display_name: string }>('SELECT login, display_name FROM users WHERE login = ANY($1)', [logins]);
    for (const r of rows) names.set(r.login, r.display_name);
  }
  return found.items.map((x) => ({
    name: x.name ?? null, elementId: x.elementId, assignee: x.assignee ?? null, assigneeName: x.assignee ? names.get(x.assignee) ?? x.assignee : null,
    candidateGroups: x.candidateGroups ?? [],
  }));
}
