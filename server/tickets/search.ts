// The ticket search of the server: the user's visible departments, the list filters, and
// keyset pages (newest first).
import type pg from 'pg';
import { toTicket, type TicketRow } from '../../tickets/ticket-rows.ts';
import type { Ticket } from '../../tickets/index.ts';
import { visibilityCondition, type TicketVisibility } from './access.ts';

export interface TicketSearch {
  status?: string[];
  kind?: string;
  channel?: string;
  category?: string;
  department?: string;
  receivedFrom?: string;
  receivedBefore?: string;
  overdue?: boolean;
  dueToday?: boolean;
  reopened?: boolean;
  flags?: string[];
  cursor?: string;
  limit: number;
}

const FLAG_COLUMNS: Record<string, string> = {
  professionalClaimant: 'professional_claimant',
  repeatComplainant: 'repeat_complainant',
  online: 'online',
  odrChosen: 'odr_chosen',
};
export const TICKET_FLAGS = Object.keys(FLAG_COLUMNS);

const SHANGHAI_MS = 8 * 3_600_000;
const shanghaiDate = (d: Date) => new Date(d.getTime() + SHANGHAI_MS).toISOString().slice(0, 10);

export async function searchTickets(pool: pg.Pool, v: TicketVisibility, q: TicketSearch, now: Date): Promise<{ tickets: Ticket[]; next?: string }> {
  const params: unknown[] = [];
  const where = [visibilityCondition(v, 't.department', params)];
  const add = (sql: (p: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  if (q.status?.length) add((p) => `t.status = ANY(${p}::text[])`, q.status);
  if (q.kind) add((p) => `t.kind = ${p}`, q.kind);
  if (q.channel) add((p) => `t.channel = ${p}`, q.channel);
  if (q.category) add((p) => `t.category = ${p}`, q.category);
  // A department and the units below it (codes extend their parent's: 370102 → 370102-DL).
  if (q.department) add((p) => `(t.department = ${p} OR t.department LIKE ${p} || '-%')`, q.department);
  if (q.receivedFrom) add((p) => `t.received_at >= ${p}`, new Date(q.receivedFrom));
  if (q.receivedBefore) add((p) => `t.received_at < ${p}`, new Date(q.receivedBefore));
  if (q.overdue !== undefined) {
    params.push(now);
    const cond = `EXISTS (SELECT 1 FROM ticket_deadlines d WHERE d.ticket_id = t.id AND d.completed_at IS NULL AND COALESCE(d.extended_due_at, d.due_at) < $${params.length})`;
    where.push(q.overdue ? cond : `NOT ${cond}`);
  }
  if (q.dueToday) add((p) => `EXISTS (SELECT 1 FROM ticket_deadlines d WHERE d.ticket_id = t.id AND d.completed_at IS NULL AND d.due_date = ${p}::date)`, shanghaiDate(now));
  if (q.reopened !== undefined) where.push(q.reopened ? 't.reopen_count > 0' : 't.reopen_count = 0');
  for (const flag of q.flags ?? []) where.push(`t.${FLAG_COLUMNS[flag]}`);
  if (q.cursor) {
    const [at, id] = Buffer.from(q.cursor, 'base64url').toString().split('|');
    params.push(new Date(at ?? ''), id);
    where.push(`(t.received_at, t.id) < ($${params.length - 1}, $${params.length}::uuid)`);
  }
  params.push(q.limit + 1);
  const { rows } = await pool.query<TicketRow>(
    `SELECT t.* FROM tickets t WHERE ${where.join(' AND ')} ORDER BY t.received_at DESC, t.id DESC LIMIT $${params.length}`, params);
  const tickets = rows.slice(0, q.limit).map(toTicket);
  const last = tickets.at(-1);
  return { tickets, next: rows.length > q.limit && last ? Buffer.from(`${last.receivedAt.toISOString()}|${last.id}`).toString('base64url') : undefined };
}

/** A cursor this search made: base64url of `<ISO instant>|<uuid>`. */
export function validCursor(cursor: string): boolean {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  return !!id && /^[0-9a-f-]{36}$/i.test(id) && !Number.isNaN(new Date(at ?? '').getTime());
}
