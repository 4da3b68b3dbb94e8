// Camunda user tasks from USER_TASK records: each record carries the whole task, so the
// last one of a batch is the row. Completion and cancellation set the completion date.

import type pg from 'pg';
import type { HistoryRecord } from '../runtime/rows.ts';
import { ELEMENT_TASK_COLUMNS, elementTaskValues, MIGRATED_COLUMNS } from './element-task.ts';
import { textArray, upsert, type Column } from './sql.ts';
import { epochMs, key, num, stringList, text, type Projection } from './values.ts';

const INTENTS = new Set(['CREATED', 'ASSIGNED', 'UPDATED', 'COMPLETED', 'CANCELED', 'MIGRATED']);

const COLUMNS: Column[] = [
  { name: 'key', type: 'bigint' },
  { name: 'state', type: 'text' },
  { name: 'name', type: 'text' },
  { name: 'assignee', type: 'text' },
  textArray('candidate_users'),
  textArray('candidate_groups'),
  { name: 'due_date', type: 'bigint' },
  { name: 'follow_up_date', type: 'bigint' },
  { name: 'priority', type: 'int' },
  { name: 'form_key', type: 'bigint' },
  { name: 'external_form_reference', type: 'text' },
  ...ELEMENT_TASK_COLUMNS,
  { name: 'process_definition_version', type: 'int' },
  { name: 'creation_date', type: 'bigint' },
  { name: 'completion_date', type: 'bigint' },
];

const MUTABLE = [
  'state', 'name', 'assignee', 'candidate_users', 'candidate_groups', 'due_date', 'follow_up_date', 'priority', 'completion_date',
  ...MIGRATED_COLUMNS, 'process_definition_version',
];

export class UserTaskProjection implements Projection {
  readonly valueTypes = ['USER_TASK'];
  private rows = new Map<number, unknown[]>();

  add(record: HistoryRecord): void {
    if (!INTENTS.has(record.intent)) return;
    const v = record.value;
    const ended = record.intent === 'COMPLETED' || record.intent === 'CANCELED';
    this.rows.set(record.key, [
      record.key, ended ? record.intent : text(v.state) ?? 'CREATED', text(v.name) || null, text(v.assignee) || null,
      JSON.stringify(stringList(v.candidateUsers)), JSON.stringify(stringList(v.candidateGroups)),
      epochMs(v.dueDate), epochMs(v.followUpDate), num(v.priority) ?? 50, key(v.formKey), text(v.externalFormReference) || null,
      ...elementTaskValues(v), num(v.processDefinitionVersion), num(v.creationDate) ?? record.timestamp, ended ? record.timestamp : null,
    ]);
  }

  async write(client: pg.ClientBase): Promise<void> {
    await upsert(client, 'engine_search_user_tasks', COLUMNS, [...this.rows.values()], MUTABLE);
  }
}
