// case.close: ends a case without a decision of ours (header `result`: transferred, i.e.
// 移送其他机关或公安机关), recording the stage.
import { appendAudit, setCaseStage } from '../../tickets/index.ts';
import type { JobModule } from '../job-module.ts';
import { jobCase } from './job-case.ts';
import { actorOf, header } from './job-ticket.ts';

export const caseClose: JobModule = {
  type: 'case.close',
  fetchVariables: ['caseId', 'caseDecision'],
  async handle(job, db) {
    const found = await jobCase(db, job);
    const result = header(job, 'result');
    const decision = result === 'transferred' ? (job.variables.caseDecision === 'transfer-police' ? 'transfer_police' : 'transfer') : undefined;
    const closed = await setCaseStage(db, found.id, { stage: 'closed', actor: actorOf(job), at: job.activatedAt, decision, note: result ?? undefined });
    await appendAudit(db, { ticketId: found.ticketId, actor: actorOf(job), action: 'case.closed', processInstanceKey: job.processInstanceKey, at: job.activatedAt, after: { caseId: found.id, caseNo: found.caseNo, result: result ?? null, decision: closed.decision } });
    return {};
  },
};
