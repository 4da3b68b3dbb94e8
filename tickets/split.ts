// Splitting a ticket that holds several matters (拆分): each part becomes a new ticket of the
// same complainant, respondent, channel and receipt time (time limits count from receipt),
// linked `split` to the original, and starts its own process as intake starts one. The
// original keeps its first matter and its process. Each part is checked by intake's own
// rules, so a split ticket is one that could have been registered as it is.
import { appendAudit } from './audit.ts';
import { transaction } from './db.ts';
import type { IntakeDeps } from './intake.ts';
import { linkTickets } from './links.ts';
import { complainantKeyOf, dedupKeyOf } from './matching.ts';
import { reloadTicket, startTicketProcess } from './process-start.ts';
import { FINAL_STATUSES } from './status.ts';
import type { TicketSubmission } from './submission.ts';
import { insertSubmission, insertTicket, lockTicket } from './ticket-store.ts';
import { toShanghaiIso } from './time.ts';
import { PROCESS_OF_KIND, type RequestType, type Ticket, type TicketKind } from './types.ts';
import { checkSubmission, type FieldError } from './validate-submission.ts';

/** One matter split off: what differs from the original. */
export interface SplitPart {
  kind: TicketKind;
  description: string;
  category?: string;
  goodsOrService?: string;
  amount?: number;
  /** Complaints: what the complainant asks for (default the original's). */
  requests?: RequestType[];
}

export type SplitOutcome =
  | { ok: false; status: 404 | 409 | 422; errors: FieldError[] }
  | { ok: true; tickets: Ticket[]; processErrors: Record<string, string> };

export async function splitTicket(
  deps: IntakeDeps, ticketId: string, parts: SplitPart[], options: { actor: string; reason: string; at: Date },
): Promise<SplitOutcome> {
  const stored = await transaction(deps.pool, async (db): Promise<SplitOutcome> => {
    const original = await lockTicket(db, ticketId);
    if (!original) return { ok: false, status: 404, errors: [{ path: '/id', code: 'notFound', message: '未找到该工单' }] };
    if ((FINAL_STATUSES as readonly string[]).includes(original.status)) {
      return { ok: false, status: 409, errors: [{ path: '/id', code: 'final', message: `工单 ${original.ticketNo} 已结束（${original.status}），不能拆分` }] };
    }
    const errors: FieldError[] = [];
    const checked = parts.map((part, i) => {
      const result = checkSubmission(submissionOf(original, part));
      if (!result.ok) errors.push(...result.errors.map((e) => ({ ...e, path: `/parts/${i}${e.path}` })));
      return result;
    });
    if (errors.length) return { ok: false, status: 422, errors };

    const tickets: Ticket[] = [];
    for (const [i, result] of checked.entries()) {
      if (!result.ok) continue;
      const s = result.submission;
      const submission = await insertSubmission(db, { channel: original.channel, externalNo: null, payload: { ...s, splitFrom: original.ticketNo }, receivedAt: original.receivedAt });
      const ticket = await insertTicket(db, newTicketOf(original, parts[i]!.kind, s, submission.id, options.actor));
      await appendAudit(db, { ticketId: ticket.id, actor: options.actor, action: 'ticket.registered', at: options.at, after: { ticketNo: ticket.ticketNo, kind: ticket.kind, channel: ticket.channel, splitFrom: original.ticketNo } });
      await linkTickets(db, ticket.id, 'split', original.id, { reason: options.reason, by: options.actor, at: options.at });
      tickets.push(ticket);
    }
    await appendAudit(db, { ticketId: original.id, actor: options.actor, action: 'ticket.split', at: options.at, after: { reason: options.reason, into: tickets.map((t) => t.ticketNo) } });
    return { ok: true, tickets, processErrors: {} };
  });
  if (!stored.ok || !deps.zeebe) return stored;

  // After the commit, as intake does: a ticket whose start fails is left to startPendingProcesses.
  const zeebe = deps.zeebe;
  const processErrors: Record<string, string> = {};
  const tickets = await Promise.all(stored.tickets.map(async (ticket) => {
    if (!PROCESS_OF_KIND[ticket.kind]) return ticket;
    try {
      await startTicketProcess({ pool: deps.pool, zeebe, log: deps.log }, ticket);
    } catch (err) {
      processErrors[ticket.id] = (err as Error).message;
      deps.log?.(`ticket ${ticket.ticketNo} split off; its process did not start: ${(err as Error).message}`);
    }
    return reloadTicket(deps.pool, ticket);
  }));
  return { ok: true, tickets, processErrors };
}

/** The part as a submission of the original's complainant and respondent, for intake's checks. */
function submissionOf(o: Ticket, part: SplitPart): TicketSubmission {
  const complaint = part.kind === 'complaint';
  return withoutNulls({
    channel: o.channel,
    kind: part.kind,
    receivedAt: toShanghaiIso(o.receivedAt),
    complainant: { ...o.complainant, idType: o.complainant.idNumber ? o.complainant.idType : null, anonymous: part.kind === 'report' ? o.complainant.anonymous : null },
    respondent: o.respondent,
    facts: { ...o.facts, description: part.description, goodsOrService: part.goodsOrService ?? o.facts.goodsOrService, amount: part.amount ?? o.facts.amount },
    requests: complaint ? part.requests ?? o.requests : null,
    category: part.category ?? o.category,
    goodsClass: o.goodsClass,
    online: o.online,
    odrChosen: complaint ? o.odrChosen : null,
  }) as TicketSubmission;
}

function newTicketOf(o: Ticket, kind: TicketKind, s: TicketSubmission, submissionId: string, actor: string) {
  const complainant = { ...o.complainant, anonymous: kind === 'report' && o.complainant.anonymous };
  const facts = { ...o.facts, description: s.facts?.description ?? null, goodsOrService: s.facts?.goodsOrService ?? null, amount: s.facts?.amount ?? null };
  const category = s.category ?? null;
  return {
    submissionId, channel: o.channel, externalNo: o.externalNo, kind, receivedAt: o.receivedAt, registeredBy: actor,
    complainant, respondent: o.respondent, facts,
    requests: kind === 'complaint' ? s.requests ?? [] : [],
    category, goodsClass: o.goodsClass, online: o.online, odrChosen: kind === 'complaint' && o.odrChosen,
    attachments: [],
    complainantKey: complainantKeyOf(complainant),
    dedupKey: dedupKeyOf(kind, complainant, o.respondent, category, facts),
    processId: PROCESS_OF_KIND[kind] ?? null,
  };
}

/** Intake's schema knows absent fields, not nulls. */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null).map(([k, v]) => [k, withoutNulls(v)]));
}
