// Variables from VARIABLE CREATED / UPDATED: the latest value per variable, kept after its
// scope ends (the history). Values are stored as the JSON text the REST API shows.

import type pg from 'pg';
import type { HistoryRecord } from '../runtime/rows.ts';
import { upsert, type Column } from './sql.ts';
import { num, text, type Projection } from './values.ts';

const COLUMNS: Column[] = [
  { name: 'key', type: 'bigint' },
  { name: 'name', type: 'text' },
  { name: 'value', type: 'text' },
  { name: 'scope_key', type: 'bigint' },
  { name: 'process_instance_key', type: 'bigint' },
];

export class VariableProjection implements Projection {
  readonly valueTypes = ['VARIABLE'];
  private rows = new Map<number, unknown[]>();

  add(record: HistoryRecord): void {
    if (record.intent !== 'CREATED' && record.intent !== 'UPDATED') return;
    const v = record.value;
    this.rows.set(record.key, [record.key, text(v.name), JSON.stringify(v.value ?? null), num(v.scopeKey), num(v.processInstanceKey)]);
  }

  async write(client: pg.ClientBase): Promise<void> {
    await upsert(client, 'engine_search_variables', COLUMNS, [...this.rows.values()], ['value']);
  }
}
