// deadline.extend: an approved extension (核查 +15 working days, 办案 +30 days). The same
// count as deadline.compute for `deadline.step` from `deadline.startedAt`, with the rule's
// extension added on from the original due date. The step comes from the variable, not a
// header: one call activity serves several steps.
import { IncidentError } from '../job-errors.ts';
import type { JobModule } from '../job-module.ts';
import { computeDeadline } from './deadline-counting.ts';
import { jobTicket } from './job-ticket.ts';
import { processInstant } from './process-time.ts';

export const deadlineExtend: JobModule = {
  type: 'deadline.extend',
  fetchVariables: ['deadline', 'receivedAt', 'pauses'],
  async handle(job, db, ctx) {
    const current = job.variables.deadline as { step?: unknown; startedAt?: unknown } | undefined;
    if (!current || typeof current.step !== 'string') throw new IncidentError('变量 deadline 缺失：延期前应先由 deadline.compute 计算期限');
    const ticket = await jobTicket(db, job);
    const receivedAt = processInstant(job.variables.receivedAt) ?? ticket.receivedAt;
    const startedAt = processInstant(current.startedAt) ?? receivedAt;
    const deadline = await computeDeadline(ctx, db, job, ticket, { step: current.step, receivedAt, startedAt, pauses: job.variables.pauses, extended: true });
    if (!deadline.extended) throw new IncidentError(`环节“${current.step}”的时限规则没有可延长的期限（time_limits 的 extension 为 0）`);
    return { deadline };
  },
};
