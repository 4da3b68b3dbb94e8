// ticket.status: keeps the ticket's row in step with the process (header `status`), with
// what the process decided on the way: department, satisfaction, amount recovered, counts.
// Optional header `completes`: the step whose deadline this status meets. A final status
// (closed, rejected, merged…: the ticket's handling ends) meets every open deadline and
// dates the ending (closedAt); reopening clears it.
import {
  appendAudit, clearSupervision, completeDeadline, FINAL_STATUSES, isTicketStatus, SATISFACTION, TICKET_STATUSES, updateTicket,
  type Satisfaction, type TicketPatch,
} from '../../tickets/index.ts';
import { IncidentError } from '../job-errors.ts';
import type { JobModule, Variables } from '../job-module.ts';
import { actorOf, header, jobTicket, requireHeader } from './job-ticket.ts';
import { processInstant } from './process-time.ts';

// The process forms may answer in English ids; the ticket keeps the Chinese terms of DOMAIN.md.
const SATISFACTION_IDS: Record<string, Satisfaction> = { 'very-satisfied': '非常满意', satisfied: '满意', average: '一般', neutral: '一般', unsatisfied: '不满意' };

export const ticketStatus: JobModule = {
  type: 'ticket.status',
  fetchVariables: ['department', 'satisfaction', 'amountRecovered', 'reopenCount', 'returnCount', 'statusAt', 'deadline'],
  async handle(job, db) {
    const status = requireHeader(job, 'status');
    if (!isTicketStatus(status)) {
      throw new IncidentError(`任务 ${job.elementId} 的状态“${status}”不在工单状态表中（tickets/status.ts），可选：${Object.keys(TICKET_STATUSES).join('、')}`);
    }
    const ticket = await jobTicket(db, job);
    // A merged ticket's process was cancelled (tickets/merge.ts); a job of it that was already
    // running when the merge committed must not bring the ticket back to life.
    if (ticket.status === 'merged' && status !== 'merged') {
      await appendAudit(db, {
        ticketId: ticket.id, actor: actorOf(job), action: 'ticket.statusIgnored', processInstanceKey: job.processInstanceKey, at: job.activatedAt,
        after: { status, reason: 'merged' },
      });
      return {};
    }
    const v = job.variables;
    const at = processInstant(v.statusAt) ?? job.activatedAt;
    const patch: TicketPatch = { status };
    if (typeof v.department === 'string' && v.department) patch.department = v.department;
    const satisfaction = satisfactionOf(v.satisfaction);
    if (satisfaction) patch.satisfaction = satisfaction;
    if (typeof v.amountRecovered === 'number' && v.amountRecovered >= 0) patch.amountRecovered = v.amountRecovered;
    // ticket.reopen counts in the database; a process variable only ever raises the count.
    if (isCount(v.reopenCount) && v.reopenCount > ticket.reopenCount) patch.reopenCount = v.reopenCount;
    if (isCount(v.returnCount)) patch.returnCount = v.returnCount;
    const final = FINAL_STATUSES.includes(status);
    if (final) patch.closedAt = at;
    else if (status === 'reopened') patch.closedAt = null;
    const after = await updateTicket(db, ticket.id, patch);

    const completes = header(job, 'completes');
    if (completes) await completeDeadline(db, ticket.id, completes, at);
    if (final) {
      await db.query('UPDATE ticket_deadlines SET completed_at = $2, updated_at = now() WHERE ticket_id = $1 AND completed_at IS NULL', [ticket.id, at]);
      await clearSupervision(db, ticket.id, at);
    }
    await appendAudit(db, {
      ticketId: ticket.id, actor: actorOf(job), action: 'ticket.status', processInstanceKey: job.processInstanceKey, at,
      before: pick(ticket, patch), after: pick(after, patch),
    });
    return {};
  },
};

function pick(t: Record<string, unknown> | object, patch: TicketPatch): Variables {
  const source = t as Record<string, unknown>;
  return Object.fromEntries(Object.keys(patch).map((k) => [k, source[k] ?? null]));
}

function satisfactionOf(value: unknown): Satisfaction | undefined {
  if (typeof value !== 'string') return undefined;
  if ((SATISFACTION as readonly string[]).includes(value)) return value as Satisfaction;
  return SATISFACTION_IDS[value];
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
