// Jobs from JOB records, with the intents Camunda's exporter takes: the job's state is the
// intent of its last such record (ACTIVATED, YIELDED and the like leave it as it was).

import type pg from 'pg';
import type { HistoryRecord } from '../runtime/rows.ts';
import { ELEMENT_TASK_COLUMNS, elementTaskValues, MIGRATED_COLUMNS } from './element-task.ts';
import { upsert, type Column } from './sql.ts';
import { num, text, type Projection } from './values.ts';

const INTENTS = new Set(['CREATED', 'COMPLETED', 'TIMED_OUT', 'FAILED', 'RETRIES_UPDATED', 'CANCELED', 'ERROR_THROWN', 'MIGRATED']);

const COLUMNS: Column[] = [
  { name: 'key', type: 'bigint' },
  { name: 'type', type: 'text' },
  { name: 'worker', type: 'text' },
  { name: 'state', type: 'text' },
  { name: 'retries', type: 'int' },
  { name: 'error_message', type: 'text' },
  { name: 'error_code', type: 'text' },
  { name: 'deadline', type: 'bigint' },
  { name: 'end_time', type: 'bigint' },
  { name: 'has_failed_with_retries_left', type: 'boolean' },
  ...ELEMENT_TASK_COLUMNS,
];

const MUTABLE = ['worker', 'state', 'retries', 'error_message', 'error_code', 'deadline', 'end_time', 'has_failed_with_retries_left', ...MIGRATED_COLUMNS];

export class JobProjection implements Projection {
  readonly valueTypes = ['JOB'];
  private rows = new Map<number, unknown[]>();

  add(record: HistoryRecord): void {
    if (!INTENTS.has(record.intent)) return;
    const v = record.value;
    const retries = num(v.retries) ?? 0;
    const deadline = num(v.deadline);
    const ended = record.intent === 'COMPLETED' || record.intent === 'CANCELED';
    const failed = record.intent === 'FAILED' || record.intent === 'ERROR_THROWN';
    this.rows.set(record.key, [
      record.key, text(v.type), text(v.worker) ?? '', record.intent, retries, text(v.errorMessage) || null, text(v.errorCode) || null,
      deadline !== null && deadline >= 0 ? deadline : null, ended ? record.timestamp : null, failed && retries > 0, ...elementTaskValues(v),
    ]);
  }

  async write(client: pg.ClientBase): Promise<void> {
    await upsert(client, 'engine_search_jobs', COLUMNS, [...this.rows.values()], MUTABLE);
  }
}
