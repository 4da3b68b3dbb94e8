// deadline.compute: the deadline of the step in header `step` (a `time_limits` step id),
// counted from `startedAt` or the receipt (see deadline-counting.ts).
import type { JobModule } from '../job-module.ts';
import { computeDeadline } from './deadline-counting.ts';
import { jobTicket, requireHeader } from './job-ticket.ts';
import { processInstant } from './process-time.ts';

export const deadlineCompute: JobModule = {
  type: 'deadline.compute',
  fetchVariables: ['receivedAt', 'startedAt', 'pauses', 'extended'],
  async handle(job, db, ctx) {
    const step = requireHeader(job, 'step');
    const ticket = await jobTicket(db, job);
    const receivedAt = processInstant(job.variables.receivedAt) ?? ticket.receivedAt;
    const startedAt = processInstant(job.variables.startedAt) ?? receivedAt;
    const deadline = await computeDeadline(ctx, db, job, ticket, { step, receivedAt, startedAt, pauses: job.variables.pauses, extended: job.variables.extended === true });
    return { deadline };
  },
};
