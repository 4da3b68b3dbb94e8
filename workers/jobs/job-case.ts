// The case a job is about (variable caseId).
import type pg from 'pg';
import { getCase, isUuid, type Case } from '../../tickets/index.ts';
import { IncidentError } from '../job-errors.ts';
import type { WorkerJob } from '../job-module.ts';

export async function jobCase(db: pg.PoolClient, job: WorkerJob): Promise<Case> {
  const id = job.variables.caseId;
  if (!isUuid(id)) throw new IncidentError(`变量 caseId 缺失或无效（${JSON.stringify(id ?? null)}）：应先由 case.create 立案`);
  const found = await getCase(db, id);
  if (!found) throw new IncidentError(`案件 ${id} 不存在`);
  return found;
}
