// case.create: 诉转案. Opens a case for the ticket at its first stage (线索核查), links the two,
// and hands the case id to the process. The case belongs to the instance that opened it.
import { appendAudit, createCase } from '../../tickets/index.ts';
import { idempotencyKey } from '../idempotency.ts';
import type { JobModule } from '../job-module.ts';
import { actorOf, jobTicket } from './job-ticket.ts';
import { processInstant } from './process-time.ts';

export const caseCreate: JobModule = {
  type: 'case.create',
  fetchVariables: ['discoveredAt'],
  async handle(job, db) {
    const ticket = await jobTicket(db, job);
    const created = await createCase(db, {
      ticketId: ticket.id,
      actor: actorOf(job),
      processId: job.bpmnProcessId,
      processInstanceKey: job.processInstanceKey,
      createdAt: processInstant(job.variables.discoveredAt) ?? job.activatedAt,
      idempotencyKey: idempotencyKey(job),
    });
    await appendAudit(db, {
      ticketId: ticket.id, actor: actorOf(job), action: 'case.created', processInstanceKey: job.processInstanceKey, at: job.activatedAt,
      after: { caseId: created.id, caseNo: created.caseNo, stage: created.stage },
    });
    return { caseId: created.id, caseNo: created.caseNo };
  },
};
