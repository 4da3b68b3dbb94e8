// A product database (tickets schema, and the server's organisation with the demo departments
// the workers address notices to) beside a real engine, for intake tests.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { createPool, createTestDatabase, migrate, type TestDatabase } from '../../database/index.ts';
import { DEMO_DEPARTMENTS } from '../../server/org/demo-organisation.ts';
import { insertDepartment, type DepartmentRow } from '../../server/org/departments.ts';
import { migrateTickets } from '../../tickets/index.ts';
import { bpmn, chain, end, serviceTask, start } from '../support/bpmn.ts';
import type { TestEngine } from '../support/engine.ts';

export interface ProductDb {
  pool: pg.Pool;
  drop(): Promise<void>;
}

const SERVER_MIGRATIONS = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'server', 'migrations');

export async function productDb(): Promise<ProductDb> {
  const db: TestDatabase = await createTestDatabase();
  const pool = createPool(db.url, 10);
  await migrateTickets(pool);
  await migrate(pool, 'server', SERVER_MIGRATIONS);
  const byCode = new Map<string, DepartmentRow>();
  for (const d of DEMO_DEPARTMENTS) byCode.set(d.code, await insertDepartment(pool, { ...d, parent: d.parent ? byCode.get(d.parent) : undefined }, new Date()));
  return {
    pool,
    drop: async () => {
      await pool.end();
      await db.drop();
    },
  };
}

/** Stand-ins for the two main processes: each waits at a job nobody works, so instances stay active. */
export async function deployStubProcesses(t: TestEngine): Promise<void> {
  await t.zeebe.deployResources([
    { process: bpmn('complaint_handling', start(), serviceTask('hold', 'test.hold'), end(), chain('start', 'hold', 'end')), name: 'complaint-stub.bpmn' },
    { process: bpmn('report_verification', start(), serviceTask('hold', 'test.hold'), end(), chain('start', 'hold', 'end')), name: 'report-stub.bpmn' },
  ]);
}

export async function instancesOf(t: TestEngine, processId: string, intent = 'ELEMENT_ACTIVATED'): Promise<string[]> {
  const rows = await t.records({ valueType: 'PROCESS_INSTANCE', intent });
  return rows.filter((r) => r.value.bpmnProcessId === processId && r.value.bpmnElementType === 'PROCESS').map((r) => String(r.processInstanceKey ?? r.key));
}

export async function count(pool: pg.Pool, table: string): Promise<number> {
  return (await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;
}
