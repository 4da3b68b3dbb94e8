// One live process instance per ticket (see tickets/process-start.ts). A job of a ticket's
// main process claims the ticket for its instance if none has; a job of another instance
// of the same main process belongs to a stray duplicate, which is cancelled.
import type { Queryable } from '../tickets/index.ts';
import { PROCESS_OF_KIND, claimProcessInstance, isUuid } from '../tickets/index.ts';
import type { WorkerJob } from './job-module.ts';

const MAIN_PROCESSES = new Set(Object.values(PROCESS_OF_KIND));

export type GuardVerdict = 'ok' | 'stray';

export async function checkInstance(db: Queryable, job: WorkerJob): Promise<GuardVerdict> {
  const ticketId = job.variables.ticketId;
  if (!MAIN_PROCESSES.has(job.bpmnProcessId) || !isUuid(ticketId)) return 'ok';
  const current = await db.query<{ key: string | null; process_id: string | null }>(
    'SELECT process_instance_key::text AS key, process_id FROM tickets WHERE id = $1', [ticketId]);
  const row = current.rows[0];
  if (!row || row.key === job.processInstanceKey) return 'ok';
  if (row.key === null) {
    const holder = await claimProcessInstance(db, ticketId, job.bpmnProcessId, job.processInstanceKey);
    return holder === job.processInstanceKey ? 'ok' : 'stray';
  }
  return 'stray';
}
