// case.publish: the penalty information is published (行政处罚信息公示); the case records the
// stage. The public page itself is the server's.
import { appendAudit, setCaseStage } from '../../tickets/index.ts';
import type { JobModule } from '../job-module.ts';
import { jobCase } from './job-case.ts';
import { actorOf } from './job-ticket.ts';

export const casePublish: JobModule = {
  type: 'case.publish',
  fetchVariables: ['caseId'],
  async handle(job, db) {
    const found = await jobCase(db, job);
    await setCaseStage(db, found.id, { stage: 'published', actor: actorOf(job), at: job.activatedAt });
    await appendAudit(db, { ticketId: found.ticketId, actor: actorOf(job), action: 'case.published', processInstanceKey: job.processInstanceKey, at: job.activatedAt, after: { caseId: found.id, caseNo: found.caseNo } });
    return { publishedAt: job.activatedAt.toISOString() };
  },
};
