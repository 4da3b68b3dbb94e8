// supervision.list: puts an overdue ticket on the 督办 list (header `reason`, e.g. overdue),
// with the step and due time from `deadline`. Cleared when the ticket reaches a final status.
import { addToSupervision, appendAudit } from '../../tickets/index.ts';
import { idempotencyKey } from '../idempotency.ts';
import type { JobModule } from '../job-module.ts';
import { actorOf, header, jobTicket } from './job-ticket.ts';
import { processInstant } from './process-time.ts';

export const supervisionList: JobModule = {
  type: 'supervision.list',
  fetchVariables: ['deadline'],
  async handle(job, db) {
    const ticket = await jobTicket(db, job);
    const reason = header(job, 'reason') ?? 'overdue';
    const deadline = (job.variables.deadline ?? {}) as { step?: unknown; dueAt?: unknown };
    const step = typeof deadline.step === 'string' ? deadline.step : null;
    await addToSupervision(db, {
      ticketId: ticket.id, reason, step, dueAt: processInstant(deadline.dueAt) ?? null, listedAt: job.activatedAt,
      listedBy: actorOf(job), idempotencyKey: idempotencyKey(job),
    });
    await appendAudit(db, { ticketId: ticket.id, actor: actorOf(job), action: 'supervision.listed', processInstanceKey: job.processInstanceKey, at: job.activatedAt, after: { reason, step } });
    return {};
  },
};
