// The audit trail: who did what to a ticket, when, with the state before and after.
// Append-only (triggers in the migration refuse UPDATE, DELETE and TRUNCATE).
import type { Queryable } from './db.ts';
import type { AuditEntry } from './types.ts';

export interface NewAuditEntry {
  ticketId: string;
  /** 'user:<id>', 'worker:<job type>', 'intake:<channel>', 'process:<process id>'. */
  actor: string;
  action: string;
  before?: unknown;
  after?: unknown;
  at?: Date;
  processInstanceKey?: string | null;
  /** Makes a retried append a no-op. */
  idempotencyKey?: string | null;
}

/** Appends an entry; returns false when one with the same idempotency key exists. */
export async function appendAudit(db: Queryable, e: NewAuditEntry): Promise<boolean> {
  const result = await db.query(
    `INSERT INTO ticket_audit (ticket_id, at, actor, action, before, after, process_instance_key, idempotency_key)
     VALUES ($1, COALESCE($2, now()), $3, $4, $5, $6, $7, $8) ON CONFLICT (idempotency_key) DO NOTHING`,
    [e.ticketId, e.at ?? null, e.actor, e.action, json(e.before), json(e.after), e.processInstanceKey ?? null, e.idempotencyKey ?? null],
  );
  return result.rowCount === 1;
}

function json(value: unknown): string | null {
  return value === undefined ? null : JSON.stringify(value);
}

interface AuditRow {
  id: string;
  ticket_id: string;
  at: Date;
  actor: string;
  action: string;
  before: unknown;
  after: unknown;
  process_instance_key: string | null;
}

export async function auditOf(db: Queryable, ticketId: string): Promise<AuditEntry[]> {
  const result = await db.query<AuditRow>('SELECT * FROM ticket_audit WHERE ticket_id = $1 ORDER BY id', [ticketId]);
  return result.rows.map((r) => ({
    id: r.id,
    ticketId: r.ticket_id,
    at: r.at,
    actor: r.actor,
    action: r.action,
    before: r.before,
    after: r.after,
    processInstanceKey: r.process_instance_key,
  }));
}
