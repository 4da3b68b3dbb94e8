// Reading and writing tickets. Every function takes the pool or a transaction's client.
import { shanghaiDate } from '../domain/index.ts';
import type { Queryable } from './db.ts';
import { toTicket, type TicketRow } from './ticket-rows.ts';
import type { Channel, Satisfaction, Ticket, TicketKind } from './types.ts';

export interface NewSubmission {
  channel: Channel;
  externalNo: string | null;
  payload: unknown;
  receivedAt: Date;
}

/**
 * Records a submission; `created` is false when (channel, externalNo) was seen before, and
 * then `id` is the earlier one. A concurrent twin waits on the unique index and sees the
 * first one's row once it commits.
 */
export async function insertSubmission(db: Queryable, s: NewSubmission): Promise<{ id: string; created: boolean }> {
  const inserted = await db.query<{ id: string }>(
    `INSERT INTO intake_submissions (channel, external_no, payload, received_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (channel, external_no) WHERE external_no IS NOT NULL DO NOTHING RETURNING id`,
    [s.channel, s.externalNo, JSON.stringify(s.payload), s.receivedAt],
  );
  if (inserted.rows[0]) return { id: inserted.rows[0].id, created: true };
  const existing = await db.query<{ id: string }>('SELECT id FROM intake_submissions WHERE channel = $1 AND external_no = $2', [s.channel, s.externalNo]);
  return { id: existing.rows[0]!.id, created: false };
}

/** What intake stores: a Ticket's content, without what the store (number, times) and the process add. */
export type NewTicket = Pick<
  Ticket,
  | 'submissionId' | 'channel' | 'externalNo' | 'kind' | 'receivedAt' | 'registeredBy' | 'complainant' | 'respondent' | 'facts'
  | 'requests' | 'category' | 'goodsClass' | 'online' | 'odrChosen' | 'attachments' | 'complainantKey' | 'dedupKey'
  /** The process this ticket's kind runs, if any; its instance key is recorded later. */
  | 'processId'
> &
  // Optional on intake; set by CSV back-fill of history.
  Partial<Pick<Ticket, 'status' | 'department' | 'closedAt' | 'satisfaction' | 'amountRecovered' | 'reopenCount'>>;

const KIND_PREFIX: Record<TicketKind, string> = { complaint: 'TS', report: 'JB', inquiry: 'ZX', suggestion: 'JY' };

export async function insertTicket(db: Queryable, t: NewTicket): Promise<Ticket> {
  const seq = await db.query<{ n: string }>(`SELECT nextval('ticket_no_seq')::text AS n`);
  // TS20260930000123: kind (投诉/举报/咨询/建议), receipt date in Shanghai, a serial.
  const ticketNo = `${KIND_PREFIX[t.kind]}${shanghaiDate(t.receivedAt).replaceAll('-', '')}${seq.rows[0]!.n.padStart(6, '0')}`;
  const c = t.complainant;
  const r = t.respondent;
  const f = t.facts;
  const result = await db.query<TicketRow>(
    `INSERT INTO tickets (ticket_no, submission_id, channel, external_no, kind, status, received_at, registered_by,
       complainant_name, complainant_phone, complainant_id_type, complainant_id_number, complainant_address,
       consent_publish, consent_mediation, anonymous,
       respondent_name, respondent_uscc, respondent_address, respondent_region_code, respondent_platform, respondent_shop,
       fact_occurred_at, fact_place, goods_or_service, amount_involved, description, requests, category, goods_class,
       online, odr_chosen, attachments, department, complainant_key, dedup_key, process_id,
       closed_at, satisfaction, amount_recovered, reopen_count)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22,
       $23, $24, $25, $26, $27, $28, $29, $30, $31, $32, $33, $34, $35, $36, $37, $38, $39, $40, $41)
     RETURNING *`,
    [ticketNo, t.submissionId, t.channel, t.externalNo, t.kind, t.status ?? 'registered', t.receivedAt, t.registeredBy,
      c.name, c.phone, c.idType, c.idNumber, c.address, c.consentPublish, c.consentMediation, c.anonymous,
      r.name, r.uscc, r.address, r.regionCode, r.platform, r.shop,
      f.occurredAt, f.place, f.goodsOrService, f.amount, f.description, t.requests, t.category, t.goodsClass,
      t.online, t.odrChosen, JSON.stringify(t.attachments), t.department ?? null, t.complainantKey, t.dedupKey, t.processId,
      t.closedAt ?? null, t.satisfaction ?? null, t.amountRecovered ?? null, t.reopenCount ?? 0],
  );
  return toTicket(result.rows[0]!);
}

export async function getTicket(db: Queryable, id: string): Promise<Ticket | undefined> {
  if (!isUuid(id)) return undefined;
  const result = await db.query<TicketRow>('SELECT * FROM tickets WHERE id = $1', [id]);
  return result.rows[0] && toTicket(result.rows[0]);
}

/** Several tickets by id (unknown ids are left out). */
export async function getTickets(db: Queryable, ids: string[]): Promise<Map<string, Ticket>> {
  const result = await db.query<TicketRow>('SELECT * FROM tickets WHERE id = ANY($1::uuid[])', [ids.filter(isUuid)]);
  return new Map(result.rows.map((row) => [row.id, toTicket(row)]));
}

/** The ticket, locked until the transaction ends: for read-modify-write. */
export async function lockTicket(db: Queryable, id: string): Promise<Ticket | undefined> {
  if (!isUuid(id)) return undefined;
  const result = await db.query<TicketRow>('SELECT * FROM tickets WHERE id = $1 FOR UPDATE', [id]);
  return result.rows[0] && toTicket(result.rows[0]);
}

export async function getTicketByNo(db: Queryable, ticketNo: string): Promise<Ticket | undefined> {
  const result = await db.query<TicketRow>('SELECT * FROM tickets WHERE ticket_no = $1', [ticketNo]);
  return result.rows[0] && toTicket(result.rows[0]);
}

/** The tickets registered from one external number (two for a split mixed submission). */
export async function findTicketsByExternalNo(db: Queryable, channel: Channel, externalNo: string): Promise<Ticket[]> {
  const result = await db.query<TicketRow>('SELECT * FROM tickets WHERE channel = $1 AND external_no = $2 ORDER BY ticket_no', [channel, externalNo]);
  return result.rows.map(toTicket);
}

export async function ticketsOfSubmission(db: Queryable, submissionId: string): Promise<Ticket[]> {
  const result = await db.query<TicketRow>('SELECT * FROM tickets WHERE submission_id = $1 ORDER BY ticket_no', [submissionId]);
  return result.rows.map(toTicket);
}

/** Fields that change while a ticket is handled. */
export interface TicketPatch {
  status?: string;
  department?: string | null;
  category?: string | null;
  professionalClaimant?: boolean;
  repeatComplainant?: boolean;
  returnCount?: number;
  reopenCount?: number;
  amountRecovered?: number | null;
  satisfaction?: Satisfaction | null;
  closedAt?: Date | null;
}

const PATCH_COLUMNS: Record<keyof TicketPatch, string> = {
  status: 'status',
  department: 'department',
  category: 'category',
  professionalClaimant: 'professional_claimant',
  repeatComplainant: 'repeat_complainant',
  returnCount: 'return_count',
  reopenCount: 'reopen_count',
  amountRecovered: 'amount_recovered',
  satisfaction: 'satisfaction',
  closedAt: 'closed_at',
};

export async function updateTicket(db: Queryable, id: string, patch: TicketPatch): Promise<Ticket> {
  const sets: string[] = [];
  const values: unknown[] = [id];
  for (const [field, column] of Object.entries(PATCH_COLUMNS) as [keyof TicketPatch, string][]) {
    if (patch[field] === undefined) continue;
    values.push(patch[field]);
    sets.push(`${column} = $${values.length}`);
  }
  const result = await db.query<TicketRow>(
    `UPDATE tickets SET ${[...sets, 'updated_at = now()'].join(', ')} WHERE id = $1 RETURNING *`, values);
  if (!result.rows[0]) throw new Error(`ticket ${id} not found`);
  return toTicket(result.rows[0]);
}

/** Notes that a process is about to be started, before the engine is asked. */
export async function markProcessStartRequested(db: Queryable, id: string): Promise<void> {
  await db.query('UPDATE tickets SET process_start_requested_at = now() WHERE id = $1', [id]);
}

/**
 * Records the ticket's process instance unless it has one: the first instance to claim the
 * ticket wins. Returns the instance key the ticket holds afterwards, so a caller whose
 * instance lost can cancel it.
 */
export async function claimProcessInstance(db: Queryable, id: string, processId: string, processInstanceKey: string): Promise<string | undefined> {
  const claimed = await db.query(
    `UPDATE tickets SET process_instance_key = $3, process_id = $2, updated_at = now()
     WHERE id = $1 AND process_instance_key IS NULL`,
    [id, processId, processInstanceKey],
  );
  if (claimed.rowCount) return processInstanceKey;
  // A second statement: under READ COMMITTED it sees the claim a concurrent twin committed.
  const current = await db.query<{ key: string | null }>('SELECT process_instance_key::text AS key FROM tickets WHERE id = $1', [id]);
  return current.rows[0]?.key ?? undefined;
}

/** Tickets that should have a process and have none, registered before `before`. */
export async function ticketsWithoutProcess(db: Queryable, before: Date, limit = 100): Promise<Ticket[]> {
  const result = await db.query<TicketRow>(
    `SELECT * FROM tickets WHERE process_instance_key IS NULL AND kind IN ('complaint', 'report') AND registered_at < $1
       AND closed_at IS NULL ORDER BY registered_at LIMIT $2`,
    [before, limit],
  );
  return result.rows.map(toTicket);
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID_RE.test(value);
}
