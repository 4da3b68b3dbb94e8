// The current deadline of each time-limited step of a ticket, for supervision lists.
import type { Queryable } from './db.ts';
import type { Deadline } from './types.ts';

interface DeadlineRow {
  ticket_id: string;
  step: string;
  started_at: Date;
  due_date: string;
  due_at: Date;
  remind_at3: Date | null;
  remind_at2: Date | null;
  due_day_start: Date | null;
  extended_due_at: Date | null;
  regulation: string;
  article: string | null;
  citation: string | null;
  completed_at: Date | null;
}

const COLUMNS = `ticket_id, step, started_at, to_char(due_date, 'YYYY-MM-DD') AS due_date, due_at, remind_at3, remind_at2,
  due_day_start, extended_due_at, regulation, article, citation, completed_at`;

const toDeadline = (r: DeadlineRow): Deadline => ({
  ticketId: r.ticket_id,
  step: r.step,
  startedAt: r.started_at,
  dueDate: r.due_date,
  dueAt: r.due_at,
  remindAt3: r.remind_at3,
  remindAt2: r.remind_at2,
  dueDayStart: r.due_day_start,
  extendedDueAt: r.extended_due_at,
  regulation: r.regulation,
  article: r.article,
  citation: r.citation,
  completedAt: r.completed_at,
});

export type DeadlineInput = Omit<Deadline, 'completedAt'>;

/** Sets the deadline of a step; computing it again (a new start, a reopen) replaces it. */
export async function upsertDeadline(db: Queryable, d: DeadlineInput): Promise<void> {
  await db.query(
    `INSERT INTO ticket_deadlines (ticket_id, step, started_at, due_date, due_at, remind_at3, remind_at2, due_day_start,
       extended_due_at, regulation, article, citation)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     ON CONFLICT (ticket_id, step) DO UPDATE SET started_at = EXCLUDED.started_at, due_date = EXCLUDED.due_date,
       due_at = EXCLUDED.due_at, remind_at3 = EXCLUDED.remind_at3, remind_at2 = EXCLUDED.remind_at2,
       due_day_start = EXCLUDED.due_day_start, extended_due_at = EXCLUDED.extended_due_at, regulation = EXCLUDED.regulation,
       article = EXCLUDED.article, citation = EXCLUDED.citation, completed_at = NULL, updated_at = now()`,
    [d.ticketId, d.step, d.startedAt, d.dueDate, d.dueAt, d.remindAt3, d.remindAt2, d.dueDayStart, d.extendedDueAt,
      d.regulation, d.article, d.citation],
  );
}

export async function completeDeadline(db: Queryable, ticketId: string, step: string, at: Date): Promise<void> {
  await db.query('UPDATE ticket_deadlines SET completed_at = $3, updated_at = now() WHERE ticket_id = $1 AND step = $2 AND completed_at IS NULL', [ticketId, step, at]);
}

export async function deadlinesOf(db: Queryable, ticketId: string): Promise<Deadline[]> {
  const result = await db.query<DeadlineRow>(`SELECT ${COLUMNS} FROM ticket_deadlines WHERE ticket_id = $1 ORDER BY due_at`, [ticketId]);
  return result.rows.map(toDeadline);
}

/** Open deadlines due before `before`, soonest first: the 催办/督办 list. */
export async function openDeadlinesDueBefore(db: Queryable, before: Date, limit = 200): Promise<Deadline[]> {
  const result = await db.query<DeadlineRow>(
    `SELECT ${COLUMNS} FROM ticket_deadlines WHERE completed_at IS NULL AND due_at < $1 ORDER BY due_at LIMIT $2`, [before, limit]);
  return result.rows.map(toDeadline);
}
