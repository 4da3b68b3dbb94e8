// The ticket list: filters that each have an index, newest first, keyset pages.
import { maskAddress, maskIdNumber, maskPhone } from '../domain/index.ts';
import type { Queryable } from './db.ts';
import { statusLabel } from './status.ts';
import { toTicket, type TicketRow } from './ticket-rows.ts';
import type { Channel, Ticket, TicketKind } from './types.ts';

export interface TicketFilter {
  /** The departments a user may see (its own and those below it). */
  departments?: string[];
  status?: string[];
  kind?: TicketKind;
  channel?: Channel;
  category?: string;
  receivedFrom?: Date;
  receivedBefore?: Date;
  professionalClaimant?: boolean;
  respondentUscc?: string;
  respondentName?: string;
  complainantPhone?: string;
  /** From the previous page's `next`. */
  cursor?: string;
  /** 1–200, default 50. */
  limit?: number;
}

export interface TicketPage {
  tickets: Ticket[];
  /** Pass as `cursor` for the next page; absent on the last page. */
  next?: string;
}

export async function listTickets(db: Queryable, filter: TicketFilter = {}): Promise<TicketPage> {
  const where: string[] = [];
  const values: unknown[] = [];
  const add = (sql: (p: string) => string, value: unknown) => {
    values.push(value);
    where.push(sql(`$${values.length}`));
  };
  if (filter.departments) add((p) => `department = ANY(${p})`, filter.departments);
  if (filter.status) add((p) => `status = ANY(${p})`, filter.status);
  if (filter.kind) add((p) => `kind = ${p}`, filter.kind);
  if (filter.channel) add((p) => `channel = ${p}`, filter.channel);
  if (filter.category) add((p) => `category = ${p}`, filter.category);
  if (filter.receivedFrom) add((p) => `received_at >= ${p}`, filter.receivedFrom);
  if (filter.receivedBefore) add((p) => `received_at < ${p}`, filter.receivedBefore);
  if (filter.professionalClaimant !== undefined) where.push(filter.professionalClaimant ? 'professional_claimant' : 'NOT professional_claimant');
  if (filter.respondentUscc) add((p) => `respondent_uscc = ${p}`, filter.respondentUscc);
  if (filter.respondentName) add((p) => `respondent_name = ${p}`, filter.respondentName);
  if (filter.complainantPhone) add((p) => `complainant_phone = ${p}`, filter.complainantPhone);
  if (filter.cursor) {
    const [at, id] = decodeCursor(filter.cursor);
    values.push(at, id);
    where.push(`(received_at, id) < ($${values.length - 1}, $${values.length})`);
  }
  const limit = Math.min(Math.max(Math.trunc(filter.limit ?? 50), 1), 200);
  values.push(limit + 1);
  const result = await db.query<TicketRow>(
    `SELECT * FROM tickets ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY received_at DESC, id DESC LIMIT $${values.length}`,
    values,
  );
  const tickets = result.rows.slice(0, limit).map(toTicket);
  const last = tickets.at(-1);
  return { tickets, next: result.rows.length > limit && last ? encodeCursor(last) : undefined };
}

function encodeCursor(t: Ticket): string {
  return Buffer.from(`${t.receivedAt.toISOString()}|${t.id}`).toString('base64url');
}

function decodeCursor(cursor: string): [Date, string] {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const date = new Date(at ?? '');
  if (!id || Number.isNaN(date.getTime())) throw new Error('invalid cursor');
  return [date, id];
}

/** A list row with personal data masked (ARCHITECTURE.md: masked in lists and exports). */
export interface TicketListItem {
  id: string;
  ticketNo: string;
  channel: Channel;
  externalNo: string | null;
  kind: TicketKind;
  status: string;
  statusLabel: string;
  receivedAt: string;
  category: string | null;
  department: string | null;
  complainantName: string | null;
  complainantPhone: string | null;
  complainantIdNumber: string | null;
  complainantAddress: string | null;
  anonymous: boolean;
  respondentName: string | null;
  online: boolean;
  professionalClaimant: boolean;
  reopenCount: number;
}

export function toListItem(t: Ticket): TicketListItem {
  const c = t.complainant;
  return {
    id: t.id,
    ticketNo: t.ticketNo,
    channel: t.channel,
    externalNo: t.externalNo,
    kind: t.kind,
    status: t.status,
    statusLabel: statusLabel(t.status),
    receivedAt: t.receivedAt.toISOString(),
    category: t.category,
    department: t.department,
    complainantName: c.anonymous ? null : c.name,
    complainantPhone: c.phone && !c.anonymous ? maskPhone(c.phone) : null,
    complainantIdNumber: c.idNumber && !c.anonymous ? maskIdNumber(c.idNumber) : null,
    complainantAddress: c.address && !c.anonymous ? maskAddress(c.address) : null,
    anonymous: c.anonymous,
    respondentName: t.respondent.name,
    online: t.online,
    professionalClaimant: t.professionalClaimant,
    reopenCount: t.reopenCount,
  };
}
