// The sequence flows each process instance took, from PROCESS_INSTANCE SEQUENCE_FLOW_TAKEN: one
// row per instance and flow, however often it was taken (a loop), as Camunda's exporter keeps
// them. The REST API draws an instance's path from them.

import type pg from 'pg';
import type { HistoryRecord } from '../runtime/rows.ts';
import { num, text, type Projection } from './values.ts';

export class SequenceFlowProjection implements Projection {
  readonly valueTypes = ['PROCESS_INSTANCE'];
  /** `${processInstanceKey} ${flowId}` -> [processInstanceKey, flowId, processDefinitionKey, bpmnProcessId] */
  private rows = new Map<string, [number, string, number | null, string | null]>();

  add(record: HistoryRecord): void {
    if (record.intent !== 'SEQUENCE_FLOW_TAKEN') return;
    const v = record.value;
    const instance = num(v.processInstanceKey);
    const flow = text(v.elementId);
    if (instance === null || flow === null) return;
    const id = `${instance} ${flow}`;
    if (!this.rows.has(id)) this.rows.set(id, [instance, flow, num(v.processDefinitionKey), text(v.bpmnProcessId)]);
  }

  async write(client: pg.ClientBase): Promise<void> {
    if (this.rows.size === 0) return;
    const rows = [...this.rows.values()];
    await client.query(
      `INSERT INTO engine_search_sequence_flows (process_instance_key, element_id, process_definition_key, bpmn_process_id)
       SELECT * FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::text[])
       ON CONFLICT DO NOTHING`,
      [rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2]), rows.map((r) => r[3])],
    );
  }
}
