// The 督办 list (supervision): overdue tickets the supervisors follow until they are closed.
import type { Queryable } from './db.ts';

export interface SupervisionEntry {
  id: string;
  ticketId: string;
  reason: string;
  step: string | null;
  dueAt: Date | null;
  listedAt: Date;
  listedBy: string | null;
  clearedAt: Date | null;
}

export interface NewSupervisionEntry {
  ticketId: string;
  reason: string;
  step?: string | null;
  dueAt?: Date | null;
  listedAt?: Date;
  listedBy?: string | null;
  idempotencyKey?: string | null;
}

export async function addToSupervision(db: Queryable, e: NewSupervisionEntry): Promise<void> {
  await db.query(
    `INSERT INTO supervision_list (ticket_id, reason, step, due_at, listed_at, listed_by, idempotency_key)
     VALUES ($1, $2, $3, $4, COALESCE($5, now()), $6, $7) ON CONFLICT (idempotency_key) DO NOTHING`,
    [e.ticketId, e.reason, e.step ?? null, e.dueAt ?? null, e.listedAt ?? null, e.listedBy ?? null, e.idempotencyKey ?? null],
  );
}

/** Clears a ticket's entries (it was closed or ended otherwise). */
export async function clearSupervision(db: Queryable, ticketId: string, at: Date): Promise<void> {
  await db.query('UPDATE supervision_list SET cleared_at = $2 WHERE ticket_id = $1 AND cleared_at IS NULL', [ticketId, at]);
}

/** Open entries, newest first. */
export async function openSupervision(db: Queryable, limit = 200): Promise<SupervisionEntry[]> {
  const result = await db.query<{ id: string; ticket_id: string; reason: string; step: string | null; due_at: Date | null; listed_at: Date; listed_by: string | null; cleared_at: Date | null }>(
    'SELECT * FROM supervision_list WHERE cleared_at IS NULL ORDER BY listed_at DESC LIMIT $1', [limit]);
  return result.rows.map((r) => ({ id: r.id, ticketId: r.ticket_id, reason: r.reason, step: r.step, dueAt: r.due_at, listedAt: r.listed_at, listedBy: r.listed_by, clearedAt: r.cleared_at }));
}
