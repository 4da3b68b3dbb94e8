// The ticket search of the server: the user's visible departments, the list filters, and
// keyset pages (newest first). Text filters are plain ILIKE: the visibility and the other
// filters narrow the rows first, and a bureau's ticket table stays small enough for that.
import type pg from 'pg';
import { CalendarYearMissingError, toHalfWidth, validateMobile } from '../../domain/index.ts';
import { loadHolidayCalendar, type Ticket } from '../../tickets/index.ts';
import { toTicket, type TicketRow } from '../../tickets/ticket-rows.ts';
import type { SessionUser } from '../auth/session-user.ts';
import { HttpError } from '../http/errors.ts';
import { FULL_VIEW_ROLES, visibilityCondition, type TicketVisibility } from './access.ts';

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
  ticketNo?: string;
  externalNo?: string;
  /** Personal data: exact matches, only for those who see it (personalSearchVisibility). */
  complainantName?: string;
  complainantPhone?: string;
  respondentName?: string;
  respondentUscc?: string;
  regionCode?: string;
  platform?: string;
  goods?: string;
  description?: string;
  /** An open deadline due on these Beijing days (inclusive). */
  dueFrom?: string;
  dueTo?: string;
  /** An open deadline not yet overdue and due within this many working days (0: today). */
  dueWithin?: number;
  closedFrom?: string;
  closedBefore?: string;
  satisfaction?: string[];
  amountRecovered?: boolean;
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

export const PERSONAL_FILTERS = ['complainantName', 'complainantPhone'] as const;

const SHANGHAI_MS = 8 * 3_600_000;
const shanghaiDate = (d: Date) => new Date(d.getTime() + SHANGHAI_MS).toISOString().slice(0, 10);

/** `%text%` for ILIKE, the user's % and _ taken literally. */
const containing = (text: string) => `%${text.trim().replace(/[\\%_]/g, '\\$&')}%`;

/** A phone as intake stores it: a mobile as its 11 digits, a landline without spaces and brackets. */
export function storedPhone(phone: string): string {
  const mobile = validateMobile(phone);
  return mobile.ok ? mobile.value : toHalfWidth(phone).replace(/[\s()（）]/g, '');
}

/**
 * Where the user may search by the complainant's personal data: everywhere it sees for the
 * bureau-wide full-view roles, its own department and below for a handler (as seesFullData),
 * nowhere (null) for the others.
 */
export async function personalSearchVisibility(pool: pg.Pool, user: SessionUser, v: TicketVisibility): Promise<TicketVisibility | null> {
  if (user.roles.some((r) => r !== 'handler' && FULL_VIEW_ROLES.includes(r))) return v;
  if (!user.roles.includes('handler')) return null;
  const { rows } = await pool.query<{ code: string }>('SELECT code FROM departments WHERE path LIKE $1', [`${user.department.path}%`]);
  const own = new Set(rows.map((r) => r.code));
  return { codes: v.codes.filter((c) => own.has(c)), unrouted: false };
}

/** The day `n` working days after today; a year the holiday calendar lacks is the user's to learn, naming the filter. */
async function workingDaysAhead(pool: pg.Pool, now: Date, n: number): Promise<string> {
  try {
    return (await loadHolidayCalendar(pool)).addWorkingDays(shanghaiDate(now), n);
  } catch (err) {
    if (!(err instanceof CalendarYearMissingError)) throw err;
    throw new HttpError(422, 'CALENDAR_YEAR_MISSING', err.message, [{ path: 'query.dueWithin', message: `缺少 ${err.year} 年节假日安排，请改用办理期限日期查询` }]);
  }
}

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
  if (q.ticketNo?.trim()) add((p) => `t.ticket_no ILIKE ${p}`, containing(q.ticketNo));
  if (q.externalNo?.trim()) add((p) => `t.external_no ILIKE ${p}`, containing(q.externalNo));
  // An anonymous complainant is never found by name or phone.
  if (q.complainantName?.trim()) add((p) => `t.complainant_name = ${p} AND NOT t.anonymous`, q.complainantName.trim());
  if (q.complainantPhone?.trim()) add((p) => `t.complainant_phone = ${p} AND NOT t.anonymous`, storedPhone(q.complainantPhone));
  if (q.respondentName?.trim()) add((p) => `t.respondent_name ILIKE ${p}`, containing(q.respondentName));
  if (q.respondentUscc?.trim()) add((p) => `t.respondent_uscc = ${p}`, q.respondentUscc.trim().toUpperCase());
  // Region codes nest by prefix: 3701 is the city, 370102 a district in it.
  if (q.regionCode) add((p) => `t.respondent_region_code LIKE ${p} || '%'`, q.regionCode);
  if (q.platform?.trim()) add((p) => `t.respondent_platform ILIKE ${p}`, containing(q.platform));
  if (q.goods?.trim()) add((p) => `t.goods_or_service ILIKE ${p}`, containing(q.goods));
  if (q.description?.trim()) add((p) => `t.description ILIKE ${p}`, containing(q.description));
  if (q.closedFrom) add((p) => `t.closed_at >= ${p}`, new Date(q.closedFrom));
  if (q.closedBefore) add((p) => `t.closed_at < ${p}`, new Date(q.closedBefore));
  if (q.satisfaction?.length) add((p) => `t.satisfaction = ANY(${p}::text[])`, q.satisfaction);
  if (q.amountRecovered !== undefined) where.push(q.amountRecovered ? 't.amount_recovered > 0' : 'COALESCE(t.amount_recovered, 0) = 0');
  // The deadline conditions hold for one and the same open deadline.
  const due: string[] = [];
  const addDue = (sql: (p: string) => string, value: unknown) => {
    params.push(value);
    due.push(sql(`$${params.length}`));
  };
  if (q.dueFrom) addDue((p) => `d.due_date >= ${p}::date`, q.dueFrom);
  if (q.dueTo) addDue((p) => `d.due_date <= ${p}::date`, q.dueTo);
  if (q.dueWithin !== undefined) {
    addDue((p) => `d.due_date <= ${p}::date`, await workingDaysAhead(pool, now, q.dueWithin));
    addDue((p) => `COALESCE(d.extended_due_at, d.due_at) >= ${p}`, now);
  }
  if (due.length) where.push(`EXISTS (SELECT 1 FROM ticket_deadlines d WHERE d.ticket_id = t.id AND d.completed_at IS NULL AND ${due.join(' AND ')})`);
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
