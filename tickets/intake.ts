// Registering tickets (登记). One submission, checked as a whole; nothing is stored if any
// field is wrong. The same (channel, external number) twice is the same ticket(s). A mixed
// submission becomes a complaint and a report, linked as split. A repeat of an open matter
// within the duplicate window is linked as duplicate. Then each ticket's process is started.
import type pg from 'pg';
import { appendAudit } from './audit.ts';
import { transaction, type Queryable } from './db.ts';
import { linkTickets } from './links.ts';
import { complainantKeyOf, dedupKeyOf } from './matching.ts';
import { reloadTicket, startTicketProcess } from './process-start.ts';
import { FINAL_STATUSES } from './status.ts';
import type { TicketSubmission } from './submission.ts';
import { insertSubmission, insertTicket, ticketsOfSubmission, type NewTicket } from './ticket-store.ts';
import { PROCESS_OF_KIND, type Satisfaction, type Ticket, type TicketKind } from './types.ts';
import { checkSubmission, type CheckOptions, type FieldError } from './validate-submission.ts';
import type { ProcessClient } from './zeebe.ts';

export interface IntakeDeps {
  pool: pg.Pool;
  /** Without it, tickets are stored and their processes left for `startPendingProcesses`. */
  zeebe?: ProcessClient;
  /** Days within which the same complainant, respondent and matter count as a duplicate. Default 30. */
  duplicateWindowDays?: number;
  log?: (message: string) => void;
}

export interface IntakeOptions extends CheckOptions {
  /** Who registers: 'user:<id>', or the channel's system. */
  actor?: string;
  /** Start the processes now (default true). */
  startProcess?: boolean;
  /** Back-filled history: status, department and results as the old system had them. */
  history?: Partial<Pick<NewTicket, 'status' | 'department' | 'closedAt' | 'satisfaction' | 'amountRecovered' | 'reopenCount'>>;
}

export type IntakeOutcome =
  | { ok: false; errors: FieldError[] }
  | {
      ok: true;
      /** False when the external number was registered before: the earlier tickets are returned. */
      created: boolean;
      /** The complaint first for a split submission. */
      tickets: Ticket[];
      /** ticket id → the open ticket it repeats. */
      duplicates: Record<string, string>;
      /** Tickets stored but whose process could not be started yet (retried by recovery). */
      processErrors: Record<string, string>;
    };

export async function registerTicket(deps: IntakeDeps, input: unknown, options: IntakeOptions = {}): Promise<IntakeOutcome> {
  const checked = checkSubmission(input, options);
  if (!checked.ok) return checked;
  const s = checked.submission;
  const actor = options.actor ?? s.registeredBy ?? `intake:${s.channel}`;

  const stored = await transaction(deps.pool, async (db) => {
    const submission = await insertSubmission(db, { channel: s.channel, externalNo: s.externalNo ?? null, payload: s, receivedAt: new Date(s.receivedAt) });
    if (!submission.created) return { created: false, tickets: await ticketsOfSubmission(db, submission.id), duplicates: {} };
    const kinds: TicketKind[] = s.kind === 'mixed' ? ['complaint', 'report'] : [s.kind];
    const tickets: Ticket[] = [];
    const duplicates: Record<string, string> = {};
    for (const kind of kinds) {
      const ticket = await insertTicket(db, newTicket(s, kind, submission.id, actor, options.history));
      tickets.push(ticket);
      await appendAudit(db, { ticketId: ticket.id, actor, action: 'ticket.registered', after: { ticketNo: ticket.ticketNo, kind, channel: s.channel, externalNo: s.externalNo ?? null } });
      const original = await openDuplicateOf(db, ticket, deps.duplicateWindowDays ?? 30);
      if (original) {
        await linkTickets(db, ticket.id, 'duplicate', original.id, { reason: `与 ${original.ticketNo} 为同一投诉举报人、同一对象、同一事项`, by: actor });
        duplicates[ticket.id] = original.id;
      }
    }
    if (tickets.length === 2) {
      await linkTickets(db, tickets[1]!.id, 'split', tickets[0]!.id, { reason: '投诉举报并存，拆分为投诉和举报', by: actor });
    }
    return { created: true, tickets, duplicates };
  });

  const processErrors: Record<string, string> = {};
  let tickets = stored.tickets;
  // Only the request that stored the tickets starts their processes: a repeat (a client's
  // retry, a concurrent twin) leaves a ticket still without one to startPendingProcesses,
  // instead of racing the first request with a second instance.
  if (stored.created && deps.zeebe && options.startProcess !== false) {
    const zeebe = deps.zeebe;
    tickets = await Promise.all(tickets.map(async (ticket) => {
      if (!PROCESS_OF_KIND[ticket.kind] || ticket.processInstanceKey || ticket.closedAt) return ticket;
      try {
        await startTicketProcess({ pool: deps.pool, zeebe, log: deps.log }, ticket);
      } catch (err) {
        processErrors[ticket.id] = (err as Error).message;
        deps.log?.(`ticket ${ticket.ticketNo} stored; its process did not start: ${(err as Error).message}`);
      }
      return reloadTicket(deps.pool, ticket);
    }));
  }
  return { ok: true, created: stored.created, tickets, duplicates: stored.duplicates, processErrors };
}

function newTicket(s: TicketSubmission, kind: TicketKind, submissionId: string, actor: string, history: IntakeOptions['history']): NewTicket {
  const c = s.complainant ?? {};
  const r = s.respondent ?? {};
  const f = s.facts ?? {};
  const complainant = {
    name: c.name ?? null,
    phone: c.phone ?? null,
    idType: c.idNumber ? c.idType ?? 'resident_id' : null,
    idNumber: c.idNumber ?? null,
    address: c.address ?? null,
    consentPublish: c.consentPublish ?? false,
    consentMediation: c.consentMediation ?? false,
    anonymous: kind === 'report' ? c.anonymous ?? false : false,
  };
  const respondent = {
    name: r.name ?? null,
    uscc: r.uscc ?? null,
    address: r.address ?? null,
    regionCode: r.regionCode ?? null,
    platform: r.platform ?? null,
    shop: r.shop ?? null,
  };
  const facts = {
    occurredAt: f.occurredAt ?? null,
    place: f.place ?? null,
    goodsOrService: f.goodsOrService ?? null,
    amount: f.amount ?? null,
    description: f.description ?? null,
  };
  const category = s.category ?? null;
  return {
    submissionId,
    channel: s.channel,
    externalNo: s.externalNo ?? null,
    kind,
    receivedAt: new Date(s.receivedAt),
    registeredBy: actor,
    complainant,
    respondent,
    facts,
    // A report asks for no remedy; the complaint half of a mixed submission keeps the requests.
    requests: kind === 'complaint' ? s.requests ?? [] : [],
    category,
    goodsClass: s.goodsClass ?? null,
    online: s.online ?? Boolean(r.platform),
    odrChosen: kind === 'complaint' ? s.odrChosen ?? false : false,
    attachments: s.attachments ?? [],
    complainantKey: complainantKeyOf(complainant),
    dedupKey: dedupKeyOf(kind, complainant, respondent, category, facts),
    processId: PROCESS_OF_KIND[kind] ?? null,
    ...history,
    satisfaction: (history?.satisfaction ?? null) as Satisfaction | null,
  };
}

/** The earliest open ticket of the same matter received within the window before this one. */
async function openDuplicateOf(db: Queryable, t: Ticket, windowDays: number): Promise<{ id: string; ticketNo: string } | undefined> {
  if (!t.dedupKey) return undefined;
  const result = await db.query<{ id: string; ticket_no: string }>(
    `SELECT id, ticket_no FROM tickets
     WHERE dedup_key = $1 AND id <> $2 AND submission_id <> $3 AND status <> ALL($4)
       AND received_at <= $5 AND received_at >= $5 - make_interval(days => $6)
     ORDER BY received_at, ticket_no LIMIT 1`,
    [t.dedupKey, t.id, t.submissionId, FINAL_STATUSES, t.receivedAt, windowDays],
  );
  const row = result.rows[0];
  return row && { id: row.id, ticketNo: row.ticket_no };
}
