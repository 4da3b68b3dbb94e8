// The engine's state in PostgreSQL: loaded once at start, then every batch of processed
// commands is written in one transaction before anyone hears of it.

import type pg from 'pg';
import type { EngineState } from '../runtime/state.ts';
import type { Table } from '../runtime/table.ts';
import { exportRecords } from '../exporter/index.ts';

const KEY_SEQUENCE = 'next_key';

function tableName(table: Table<unknown>): string {
  return `engine_${table.name}`;
}

export async function loadState(pool: pg.Pool, state: EngineState, firstKey: number): Promise<void> {
  const meta = await pool.query<{ value: string }>(`SELECT value FROM engine_meta WHERE name = $1`, [KEY_SEQUENCE]);
  state.nextKey = meta.rows.length ? Number(meta.rows[0].value) : firstKey;
  for (const table of state.tables) {
    const result = await pool.query<{ key: string; data: unknown }>(`SELECT key, data FROM ${tableName(table as Table<unknown>)} ORDER BY key`);
    for (const row of result.rows) (table as Table<unknown>).load(Number(row.key), row.data);
  }
}

export interface Changes {
  tables: Array<{ name: string; upserts: Array<[number, string]>; deletes: number[] }>;
  history: EngineState['history'];
  nextKey: number;
}

/** Takes what changed since the last call: done synchronously, between two batches. */
export function takeChanges(state: EngineState): Changes {
  const tables = state.tables.map((t) => {
    const upserts: Array<[number, string]> = [];
    const deletes: number[] = [];
    for (const [key, row] of (t as Table<unknown>).takeDirty()) {
      if (row === null) deletes.push(key);
      else upserts.push([key, JSON.stringify(row)]);
    }
    return { name: tableName(t as Table<unknown>), upserts, deletes };
  });
  const history = state.history;
  state.history = [];
  return { tables, history, nextKey: state.nextKey };
}

export async function writeChanges(client: pg.PoolClient, changes: Changes): Promise<void> {
  await client.query('BEGIN');
  try {
    for (const t of changes.tables) {
      if (t.deletes.length) await client.query(`DELETE FROM ${t.name} WHERE key = ANY($1::bigint[])`, [t.deletes]);
      if (t.upserts.length) {
        await client.query(
          `INSERT INTO ${t.name} (key, data) SELECT * FROM unnest($1::bigint[], $2::jsonb[])
           ON CONFLICT (key) DO UPDATE SET data = EXCLUDED.data`,
          [t.upserts.map((u) => u[0]), t.upserts.map((u) => u[1])],
        );
      }
    }
    const h = changes.history;
    if (h.length) {
      await client.query(
        `INSERT INTO engine_records (key, value_type, intent, process_instance_key, timestamp, value)
         SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::bigint[], $5::bigint[], $6::jsonb[])`,
        [h.map((r) => r.key), h.map((r) => r.valueType), h.map((r) => r.intent), h.map((r) => r.processInstanceKey ?? null), h.map((r) => r.timestamp), h.map((r) => JSON.stringify(r.value))],
      );
    }
    // The search projections commit with the state: a search sees every acknowledged change.
    await exportRecords(client, h);
    await client.query(
      `INSERT INTO engine_meta (name, value) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value`,
      [KEY_SEQUENCE, changes.nextKey],
    );
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}
