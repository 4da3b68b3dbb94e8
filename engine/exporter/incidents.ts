// Incidents from INCIDENT CREATED (ACTIVE) and RESOLVED; resolved ones stay, as in Camunda.

import type pg from 'pg';
import type { HistoryRecord } from '../runtime/rows.ts';
import { upsert, type Column } from './sql.ts';
import { key, num, text, type Projection } from './values.ts';

const COLUMNS: Column[] = [
  { name: 'key', type: 'bigint' },
  { name: 'process_instance_key', type: 'bigint' },
  { name: 'process_definition_key', type: 'bigint' },
  { name: 'bpmn_process_id', type: 'text' },
  { name: 'element_id', type: 'text' },
  { name: 'element_instance_key', type: 'bigint' },
  { name: 'job_key', type: 'bigint' },
  { name: 'error_type', type: 'text' },
  { name: 'error_message', type: 'text' },
  { name: 'state', type: 'text' },
  { name: 'creation_time', type: 'bigint' },
];

export class IncidentProjection implements Projection {
  readonly valueTypes = ['INCIDENT'];
  private rows = new Map<number, unknown[]>();

  add(record: HistoryRecord): void {
    const state = record.intent === 'CREATED' ? 'ACTIVE' : record.intent === 'RESOLVED' ? 'RESOLVED' : undefined;
    if (!state) return;
    const v = record.value;
    const earlier = this.rows.get(record.key);
    this.rows.set(record.key, [
      record.key, num(v.processInstanceKey), num(v.processDefinitionKey), text(v.bpmnProcessId), text(v.elementId),
      num(v.elementInstanceKey), key(v.jobKey), text(v.errorType) ?? 'UNKNOWN', text(v.errorMessage) ?? '', state,
      earlier?.[10] ?? num(v.creationTime) ?? record.timestamp,
    ]);
  }

  async write(client: pg.ClientBase): Promise<void> {
    await upsert(client, 'engine_search_incidents', COLUMNS, [...this.rows.values()], ['state']);
  }
}
