// Process and element instances from PROCESS_INSTANCE records, as Camunda's exporter does:
// ELEMENT_ACTIVATING creates the row (ACTIVE, start), ELEMENT_COMPLETED / ELEMENT_TERMINATED
// end it, ELEMENT_MIGRATED moves it to another definition (and element id). The process
// itself goes to the process instances; sequence flows to their own projection (sequence-flows.ts).

import type pg from 'pg';
import type { HistoryRecord } from '../runtime/rows.ts';
import { upsert, type Column } from './sql.ts';
import { key, num, text, type Projection } from './values.ts';

interface InstanceRow {
  key: number;
  value: Record<string, unknown>;
  state: 'ACTIVE' | 'COMPLETED' | 'TERMINATED';
  start: number;
  end: number | null;
}

const ENDS: Record<string, InstanceRow['state']> = { ELEMENT_COMPLETED: 'COMPLETED', ELEMENT_TERMINATED: 'TERMINATED' };

const PROCESS_COLUMNS: Column[] = [
  { name: 'key', type: 'bigint' },
  { name: 'process_definition_key', type: 'bigint' },
  { name: 'bpmn_process_id', type: 'text' },
  { name: 'version', type: 'int' },
  { name: 'parent_process_instance_key', type: 'bigint' },
  { name: 'parent_element_instance_key', type: 'bigint' },
  { name: 'state', type: 'text' },
  { name: 'start_date', type: 'bigint' },
  { name: 'end_date', type: 'bigint' },
];

const ELEMENT_COLUMNS: Column[] = [
  { name: 'key', type: 'bigint' },
  { name: 'process_instance_key', type: 'bigint' },
  { name: 'process_definition_key', type: 'bigint' },
  { name: 'bpmn_process_id', type: 'text' },
  { name: 'element_id', type: 'text' },
  { name: 'type', type: 'text' },
  { name: 'flow_scope_key', type: 'bigint' },
  { name: 'state', type: 'text' },
  { name: 'start_date', type: 'bigint' },
  { name: 'end_date', type: 'bigint' },
];

export class InstanceProjection implements Projection {
  readonly valueTypes = ['PROCESS_INSTANCE'];
  private processes = new Map<number, InstanceRow>();
  private elements = new Map<number, InstanceRow>();

  add(record: HistoryRecord): void {
    const type = record.value.bpmnElementType;
    const ends = ENDS[record.intent];
    if (type === 'SEQUENCE_FLOW' || (!ends && record.intent !== 'ELEMENT_ACTIVATING' && record.intent !== 'ELEMENT_MIGRATED')) return;
    const rows = type === 'PROCESS' ? this.processes : this.elements;
    // A row begun in an earlier batch is only updated here: the upsert keeps its start.
    let row = rows.get(record.key);
    if (!row) rows.set(record.key, (row = { key: record.key, value: record.value, state: 'ACTIVE', start: record.timestamp, end: null }));
    row.value = record.value;
    if (ends) {
      row.state = ends;
      row.end = record.timestamp;
    }
  }

  async write(client: pg.ClientBase): Promise<void> {
    const v = (r: InstanceRow, field: string) => r.value[field];
    await upsert(
      client,
      'engine_search_process_instances',
      PROCESS_COLUMNS,
      [...this.processes.values()].map((r) => [
        r.key, num(v(r, 'processDefinitionKey')), text(v(r, 'bpmnProcessId')), num(v(r, 'version')),
        key(v(r, 'parentProcessInstanceKey')), key(v(r, 'parentElementInstanceKey')), r.state, r.start, r.end,
      ]),
      ['state', 'end_date', 'process_definition_key', 'bpmn_process_id', 'version'],
    );
    await upsert(
      client,
      'engine_search_element_instances',
      ELEMENT_COLUMNS,
      [...this.elements.values()].map((r) => [
        r.key, num(v(r, 'processInstanceKey')), num(v(r, 'processDefinitionKey')), text(v(r, 'bpmnProcessId')),
        text(v(r, 'elementId')), text(v(r, 'bpmnElementType')), num(v(r, 'flowScopeKey')), r.state, r.start, r.end,
      ]),
      ['state', 'end_date', 'process_definition_key', 'bpmn_process_id', 'element_id'],
    );
  }
}
