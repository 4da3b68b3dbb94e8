// The ticket a job is about, locked for the job's transaction.
import type pg from 'pg';
import { isUuid, lockTicket, type Ticket } from '../../tickets/index.ts';
import { IncidentError } from '../job-errors.ts';
import type { WorkerJob } from '../job-module.ts';

export async function jobTicket(db: pg.PoolClient, job: WorkerJob): Promise<Ticket> {
  const id = job.variables.ticketId;
  if (!isUuid(id)) throw new IncidentError(`变量 ticketId 缺失或无效（${JSON.stringify(id ?? null)}）：流程应在启动时带上工单 ID`);
  const ticket = await lockTicket(db, id);
  if (!ticket) throw new IncidentError(`工单 ${id} 不存在`);
  return ticket;
}

export function header(job: WorkerJob, name: string): string | undefined {
  const value = job.customHeaders[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

export function requireHeader(job: WorkerJob, name: string): string {
  const value = header(job, name);
  if (!value) throw new IncidentError(`任务 ${job.elementId} 缺少任务头 ${name}（流程模型需在 zeebe:taskHeaders 中设置）`);
  return value;
}

/** 'worker:<type>', the audit trail's actor for automated steps. */
export const actorOf = (job: WorkerJob) => `worker:${job.type}`;
