// Set-based writes: one INSERT ... SELECT FROM unnest(...) per projection and batch, however
// many records the batch holds, so exporting costs a few statements per commit.

import type pg from 'pg';

export interface Column {
  name: string;
  /** The PostgreSQL type of the array the values travel in (bigint, text, int, boolean, jsonb). */
  type: string;
  /** How the stored value is made from the unnested one (`u.<name>`); default: as it is. */
  expr?: string;
}

/** Inserts rows, or on a key already there sets `update` columns from the new row. */
export async function upsert(client: pg.ClientBase, table: string, columns: Column[], rows: unknown[][], update: string[]): Promise<void> {
  if (rows.length === 0) return;
  const arrays = columns.map((_, i) => rows.map((row) => row[i] ?? null));
  const names = columns.map((c) => c.name).join(', ');
  const unnest = columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ');
  const select = columns.map((c) => c.expr ?? `u.${c.name}`).join(', ');
  const conflict = update.length ? `DO UPDATE SET ${update.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}` : 'DO NOTHING';
  await client.query(`INSERT INTO ${table} (${names}) SELECT ${select} FROM unnest(${unnest}) AS u(${names}) ON CONFLICT (key) ${conflict}`, arrays);
}

/** A text[] column that travels as a JSON array (unnest cannot carry ragged arrays). */
export function textArray(name: string): Column {
  return { name, type: 'jsonb', expr: `ARRAY(SELECT jsonb_array_elements_text(u.${name}))` };
}
