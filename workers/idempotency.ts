// A job delivered twice has one effect. Zeebe redelivers a job after a worker timed out or
// lost its completion on the way, and after a gateway restart; the element instance key is
// stable across those deliveries (and across a retry after a failure), so it is the key.
// The work runs in one transaction holding an advisory lock on the key: a concurrent twin
// waits, then finds the stored result and completes with it.
import type pg from 'pg';
import { transaction } from '../tickets/index.ts';
import type { Variables, WorkerJob } from './job-module.ts';

export function idempotencyKey(job: Pick<WorkerJob, 'type' | 'elementInstanceKey'>): string {
  return `${job.type}:${job.elementInstanceKey}`;
}

export type Once = { replayed: boolean; result: Variables };

export async function once(pool: pg.Pool, job: WorkerJob, work: (db: pg.PoolClient) => Promise<Variables>): Promise<Once> {
  const key = idempotencyKey(job);
  return transaction(pool, async (db) => {
    await db.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [key]);
    const done = await db.query<{ result: Variables }>('SELECT result FROM job_effects WHERE idempotency_key = $1', [key]);
    if (done.rows[0]) return { replayed: true, result: done.rows[0].result };
    const result = await work(db);
    await db.query(
      'INSERT INTO job_effects (idempotency_key, job_type, job_key, process_instance_key, result) VALUES ($1, $2, $3, $4, $5)',
      [key, job.type, job.key, job.processInstanceKey, JSON.stringify(result)],
    );
    return { replayed: false, result };
  });
}
