// audit.record: an audit entry for a step that only the model knows of (a gateway taken, a
// timer fired). Header `action` names it; header `variables` (comma-separated) lists the
// process variables to record with it.
import { appendAudit } from '../../tickets/index.ts';
import { idempotencyKey } from '../idempotency.ts';
import type { JobModule } from '../job-module.ts';
import { header, jobTicket, requireHeader } from './job-ticket.ts';

export const auditRecord: JobModule = {
  type: 'audit.record',
  fetchVariables: undefined,
  async handle(job, db) {
    const action = requireHeader(job, 'action');
    const ticket = await jobTicket(db, job);
    const names = (header(job, 'variables') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    await appendAudit(db, {
      ticketId: ticket.id,
      actor: `process:${job.bpmnProcessId}`,
      action,
      processInstanceKey: job.processInstanceKey,
      at: job.activatedAt,
      after: { elementId: job.elementId, ...Object.fromEntries(names.map((n) => [n, job.variables[n] ?? null])) },
      idempotencyKey: idempotencyKey(job),
    });
    return {};
  },
};
