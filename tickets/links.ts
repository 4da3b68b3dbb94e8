// Links between tickets (并案, 拆分, duplicate) and from a ticket to its case (诉转案).
import type { Queryable } from './db.ts';
import type { LinkKind, TicketLink } from './types.ts';

interface LinkRow {
  id: string;
  from_ticket_id: string;
  to_ticket_id: string | null;
  to_case_id: string | null;
  kind: LinkKind;
  reason: string | null;
  created_by: string | null;
  created_at: Date;
}

const toLink = (r: LinkRow): TicketLink => ({
  id: r.id,
  fromTicketId: r.from_ticket_id,
  toTicketId: r.to_ticket_id,
  toCaseId: r.to_case_id,
  kind: r.kind,
  reason: r.reason,
  createdBy: r.created_by,
  createdAt: r.created_at,
});

/** Links `from` to ticket `to`; linking twice is one link. `at`: the process's time (default the database's). */
export async function linkTickets(db: Queryable, from: string, kind: Exclude<LinkKind, 'converted'>, to: string, options: { reason?: string; by?: string; at?: Date } = {}): Promise<void> {
  if (from === to) throw new Error(`a ticket cannot be linked to itself (${from})`);
  await db.query(
    `INSERT INTO ticket_links (from_ticket_id, to_ticket_id, kind, reason, created_by, created_at) VALUES ($1, $2, $3, $4, $5, COALESCE($6, now()))
     ON CONFLICT (from_ticket_id, kind, to_ticket_id) WHERE to_ticket_id IS NOT NULL DO NOTHING`,
    [from, to, kind, options.reason ?? null, options.by ?? null, options.at ?? null],
  );
}

export async function linkTicketToCase(db: Queryable, ticketId: string, caseId: string, options: { by?: string; at?: Date } = {}): Promise<void> {
  await db.query(
    `INSERT INTO ticket_links (from_ticket_id, to_case_id, kind, created_by, created_at) VALUES ($1, $2, 'converted', $3, COALESCE($4, now()))
     ON CONFLICT (from_ticket_id, to_case_id) WHERE to_case_id IS NOT NULL DO NOTHING`,
    [ticketId, caseId, options.by ?? null, options.at ?? null],
  );
}

/** Links from and to a ticket, oldest first. */
export async function linksOf(db: Queryable, ticketId: string): Promise<TicketLink[]> {
  const result = await db.query<LinkRow>(
    `SELECT * FROM ticket_links WHERE from_ticket_id = $1
     UNION SELECT * FROM ticket_links WHERE to_ticket_id = $1 ORDER BY id`,
    [ticketId],
  );
  return result.rows.map(toLink);
}
