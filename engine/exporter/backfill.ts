// A database whose history predates the search projections (migration 003) gets that history
// replayed through the exporter once, before the engine starts writing: chunk by chunk, each
// chunk in its own transaction with its position, so an interrupted replay resumes.

import type pg from 'pg';
import type { HistoryRecord } from '../runtime/rows.ts';
import { exportRecords } from './export-records.ts';

const DONE = 'search_backfilled';
const POSITION = 'search_backfill_position';
const CHUNK = 5000;

export async function backfillSearch(pool: pg.Pool): Promise<void> {
  const meta = await pool.query<{ name: string; value: string }>(`SELECT name, value FROM engine_meta WHERE name = ANY($1)`, [[DONE, POSITION]]);
  if (meta.rows.some((r) => r.name === DONE)) return;
  let position = Number(meta.rows.find((r) => r.name === POSITION)?.value ?? 0);
  const client = await pool.connect();
  try {
    for (;;) {
      const chunk = await client.query<{ position: string; key: string; value_type: string; intent: string; process_instance_key: string | null; timestamp: string; value: Record<string, unknown> }>(
        `SELECT position, key, value_type, intent, process_instance_key, timestamp, value FROM engine_records WHERE position > $1 ORDER BY position LIMIT ${CHUNK}`,
        [position],
      );
      const records: HistoryRecord[] = chunk.rows.map((r) => ({
        key: Number(r.key),
        valueType: r.value_type,
        intent: r.intent,
        processInstanceKey: r.process_instance_key === null ? undefined : Number(r.process_instance_key),
        timestamp: Number(r.timestamp),
        value: r.value,
      }));
      const last = chunk.rows.at(-1);
      const done = chunk.rows.length < CHUNK;
      await client.query('BEGIN');
      try {
        await exportRecords(client, records);
        if (last) position = Number(last.position);
        await client.query(`INSERT INTO engine_meta (name, value) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value`, [done ? DONE : POSITION, done ? 1 : position]);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      }
      if (done) return;
    }
  } finally {
    client.release();
  }
}
