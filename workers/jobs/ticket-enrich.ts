// ticket.enrich: what intake could not know alone. Is this an open matter's repeat
// (duplicateOf)? Does the complainant come back (repeatComplainant), and how often, against
// how many businesses, with punitive claims (claimantHistory, the inputs of the
// `professional_claimant` rule)? Has the respondent had the same kind of complaint several
// times this year (repeatOffender, for `case_conversion`)? The screening rule is evaluated
// here too, so the ticket row carries the flag for lists and statistics. Counts look back
// from the ticket's receipt, never from the machine's clock.
import type pg from 'pg';
import { appendAudit, FINAL_STATUSES, linksOf, linkTickets, updateTicket, type Ticket } from '../../tickets/index.ts';
import type { JobModule } from '../job-module.ts';
import { evaluateDecision } from './decisions.ts';
import { actorOf, jobTicket } from './job-ticket.ts';

/** Earlier tickets of the same category against the same respondent this year that make it a repeat offender. */
const REPEAT_OFFENDER_EARLIER = 2;

export const ticketEnrich: JobModule = {
  type: 'ticket.enrich',
  fetchVariables: [],
  async handle(job, db, ctx) {
    const ticket = await jobTicket(db, job);
    const duplicate = await openOriginal(db, ticket, ctx.settings.enrichWindowDays);
    if (duplicate && !(await linksOf(db, ticket.id)).some((l) => l.kind === 'duplicate' && l.toTicketId === duplicate.id)) {
      await linkTickets(db, ticket.id, 'duplicate', duplicate.id, { reason: `与 ${duplicate.ticketNo} 为同一事项`, by: actorOf(job), at: job.activatedAt });
    }
    const claimantHistory = await complainantHistory(db, ticket);
    const repeatOffender = (await earlierAgainstRespondent(db, ticket)) >= REPEAT_OFFENDER_EARLIER;
    const screening = (await evaluateDecision(ctx, 'professional_claimant', { claimantHistory })) as { flag?: unknown; reason?: unknown } | null;
    const professionalClaimant = screening?.flag === true;
    const repeatComplainant = claimantHistory.tickets365 > 1;
    const after = await updateTicket(db, ticket.id, { professionalClaimant, repeatComplainant });
    await appendAudit(db, {
      ticketId: ticket.id, actor: actorOf(job), action: 'ticket.enriched', processInstanceKey: job.processInstanceKey, at: job.activatedAt,
      before: { professionalClaimant: ticket.professionalClaimant, repeatComplainant: ticket.repeatComplainant },
      after: { professionalClaimant: after.professionalClaimant, repeatComplainant, repeatOffender, duplicateOf: duplicate?.ticketNo ?? null, claimantHistory },
    });
    return {
      duplicateOf: duplicate?.id ?? null,
      duplicateOfNo: duplicate?.ticketNo ?? null,
      repeatComplainant,
      repeatOffender,
      claimantHistory,
      professionalClaimant,
      professionalReason: typeof screening?.reason === 'string' ? screening.reason : '',
    };
  },
};

/**
 * The open ticket this one repeats: linked at intake, or found now by the same matter key.
 * Only a strictly earlier ticket (received earlier, or at the same instant with a lower
 * number) is an original, so two tickets never become duplicates of each other.
 */
async function openOriginal(db: pg.PoolClient, t: Ticket, windowDays: number): Promise<{ id: string; ticketNo: string } | undefined> {
  const result = await db.query<{ id: string; ticket_no: string }>(
    `SELECT o.id, o.ticket_no FROM ticket_links l JOIN tickets o ON o.id = l.to_ticket_id
     WHERE l.from_ticket_id = $1 AND l.kind = 'duplicate' AND o.status <> ALL($2)
     UNION ALL
     (SELECT id, ticket_no FROM tickets
      WHERE $3::text IS NOT NULL AND dedup_key = $3 AND id <> $1 AND submission_id <> $4 AND status <> ALL($2)
        AND (received_at, ticket_no) < ($5, $7) AND received_at >= $5 - make_interval(days => $6)
      ORDER BY received_at, ticket_no LIMIT 1)
     LIMIT 1`,
    [t.id, FINAL_STATUSES, t.dedupKey, t.submissionId, t.receivedAt, windowDays, t.ticketNo],
  );
  const row = result.rows[0];
  return row && { id: row.id, ticketNo: row.ticket_no };
}

export interface ClaimantHistory {
  tickets30: number;
  respondents30: number;
  tickets365: number;
  respondents365: number;
  punitiveClaims365: number;
}

// 惩罚性赔偿: 退一赔三 (消费者权益保护法 Art 55), 退一赔十 / 十倍 (食品安全法 Art 148).
const PUNITIVE = '(退一赔[三十]|[三十]倍赔偿|赔偿[三十]倍|价款[三十]倍|惩罚性赔偿)';

/** The complainant's submissions up to this one (included), over 30 and 365 days. */
async function complainantHistory(db: pg.PoolClient, t: Ticket): Promise<ClaimantHistory> {
  if (!t.complainantKey) return { tickets30: 0, respondents30: 0, tickets365: 0, respondents365: 0, punitiveClaims365: 0 };
  const result = await db.query<ClaimantHistory>(
    `SELECT count(DISTINCT submission_id) FILTER (WHERE received_at > $2::timestamptz - interval '30 days')::int AS "tickets30",
            count(DISTINCT COALESCE(respondent_uscc, lower(respondent_name))) FILTER (WHERE received_at > $2::timestamptz - interval '30 days')::int AS "respondents30",
            count(DISTINCT submission_id)::int AS "tickets365",
            count(DISTINCT COALESCE(respondent_uscc, lower(respondent_name)))::int AS "respondents365",
            count(DISTINCT submission_id) FILTER (WHERE description ~ $3)::int AS "punitiveClaims365"
     FROM tickets WHERE complainant_key = $1 AND received_at <= $2 AND received_at > $2::timestamptz - interval '365 days'`,
    [t.complainantKey, t.receivedAt, PUNITIVE],
  );
  return result.rows[0]!;
}

async function earlierAgainstRespondent(db: pg.PoolClient, t: Ticket): Promise<number> {
  if (!t.respondent.uscc && !t.respondent.name) return 0;
  const result = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM tickets
     WHERE ${t.respondent.uscc ? 'respondent_uscc = $1' : 'respondent_name = $1'} AND category IS NOT DISTINCT FROM $2
       AND id <> $3 AND received_at <= $4 AND received_at > $4::timestamptz - interval '365 days'`,
    [t.respondent.uscc ?? t.respondent.name, t.category, t.id, t.receivedAt],
  );
  return result.rows[0]!.n;
}
