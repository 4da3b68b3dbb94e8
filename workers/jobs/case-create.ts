// case.create: 立案登记, after 立案审批 passed (reports and 诉转案 alike). Opens the case for the
// ticket, links the two, and moves it on to 调查取证 with its filing date; hands the case id to
// the process. The case belongs to the instance that opened it.
import { appendAudit, createCase, setCaseStage } from '../../tickets/index.ts';
import { idempotencyKey } from '../idempotency.ts';
import type { JobModule } from '../job-module.ts';
import { actorOf, jobTicket } from './job-ticket.ts';
import { processInstant } from './process-time.ts';

export const caseCreate: JobModule = {
  type: 'case.create',
  fetchVariables: ['discoveredAt'],
  async handle(job, db) {
    const ticket = await jobTicket(db, job);
    const opened = await createCase(db, {
      ticketId: ticket.id,
      actor: actorOf(job),
      processId: job.bpmnProcessId,
      processInstanceKey: job.processInstanceKey,
      createdAt: processInstant(job.variables.discoveredAt) ?? job.activatedAt,
      idempotencyKey: idempotencyKey(job),
    });
    const created = await setCaseStage(db, opened.id, { stage: 'investigation', at: job.activatedAt, actor: actorOf(job), note: '立案审批通过' });
    await appendAudit(db, {
      ticketId: ticket.id, actor: actorOf(job), action: 'case.created', processInstanceKey: job.processInstanceKey, at: job.activatedAt,
      after: { caseId: created.id, caseNo: created.caseNo, stage: created.stage },
    });
    return { caseId: created.id, caseNo: created.caseNo };
  },
};
