// A database whose history predates the search projections gets that history replayed through
// the exporter once, before the engine starts writing: chunk by chunk, each chunk in its own
// transaction with its position, so an interrupted replay resumes. Two replays: all projections
// (history older than migration 003), then only those of migration 005 (sequence flows,
// message subscriptions) for a database that had the first already.

import type pg from 'pg';
import type { HistoryRecord } from '../runtime/rows.ts';
import { exportRecords, searchProjections, supervisionProjections } from './export-records.ts';
import type { Projection } from './values.ts';

const CHUNK = 5000;

interface Replay {
  /** engine_meta names: set when done, and the position reached so far. */
  done: string;
  position: string;
  projections: () => Projection[];
  /** Flags of later replays this one makes unnecessary when it replays the whole history. */
  covers: string[];
}

const SUPERVISION: Replay = { done: 'search_backfilled_supervision', position: 'search_backfill_supervision_position', projections: supervisionProjections, covers: [] };
const ALL: Replay = { done: 'search_backfilled', position: 'search_backfill_position', projections: searchProjections, covers: [SUPERVISION.done] };

export async function backfillSearch(pool: pg.Pool): Promise<void> {
  await replay(pool, ALL);
  await replay(pool, SUPERVISION);
}

async function replay(pool: pg.Pool, spec: Replay): Promise<void> {
  const meta = await pool.query<{ name: string; value: string }>(`SELECT name, value FROM engine_meta WHERE name = ANY($1)`, [[spec.done, spec.position]]);
  if (meta.rows.some((r) => r.name === spec.done)) return;
  let position = Number(meta.rows.find((r) => r.name === spec.position)?.value ?? 0);
  const whole = position === 0;
  const valueTypes = [...new Set(spec.projections().flatMap((p) => p.valueTypes))];
  const client = await pool.connect();
  try {
    for (;;) {
      const chunk = await client.query<{ position: string; key: string; value_type: string; intent: string; process_instance_key: string | null; timestamp: string; value: Record<string, unknown> }>(
        `SELECT position, key, value_type, intent, process_instance_key, timestamp, value FROM engine_records
         WHERE position > $1 AND value_type = ANY($2) ORDER BY position LIMIT ${CHUNK}`,
        [position, valueTypes],
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
        await exportRecords(client, records, spec.projections);
        if (last) position = Number(last.position);
        // Done: its flag (and those it covers, had it the whole history); else how far it got.
        const meta: Array<[string, number]> = done ? [spec.done, ...(whole ? spec.covers : [])].map((name) => [name, 1]) : [[spec.position, position]];
        for (const [name, value] of meta) {
          await client.query(`INSERT INTO engine_meta (name, value) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value`, [name, value]);
        }
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
