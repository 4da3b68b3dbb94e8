// ticket.reopen: one more reopen (重办) of the ticket, counted in the database: the count
// decides who leads (reopen_lead: 1 hotline centre, 2 deputy leader, 3+ principal leader).
// Counted once per job, however often it is delivered.
import { appendAudit, updateTicket } from '../../tickets/index.ts';
import type { JobModule } from '../job-module.ts';
import { actorOf, jobTicket } from './job-ticket.ts';

export const ticketReopen: JobModule = {
  type: 'ticket.reopen',
  fetchVariables: ['reopenReason'],
  async handle(job, db) {
    const ticket = await jobTicket(db, job);
    const after = await updateTicket(db, ticket.id, { reopenCount: ticket.reopenCount + 1, closedAt: null });
    await appendAudit(db, {
      ticketId: ticket.id, actor: actorOf(job), action: 'ticket.reopened', processInstanceKey: job.processInstanceKey, at: job.activatedAt,
      before: { reopenCount: ticket.reopenCount }, after: { reopenCount: after.reopenCount, reason: job.variables.reopenReason ?? null },
    });
    return { reopenCount: after.reopenCount };
  },
};
