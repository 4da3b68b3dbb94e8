// What jobs and user tasks both carry: their custom headers and the element, instance and
// definition they belong to, read the same way from JOB and USER_TASK records.

import type { Column } from './sql.ts';
import { headers, num, text } from './values.ts';

export const ELEMENT_TASK_COLUMNS: Column[] = [
  { name: 'custom_headers', type: 'jsonb' },
  { name: 'element_id', type: 'text' },
  { name: 'element_instance_key', type: 'bigint' },
  { name: 'process_instance_key', type: 'bigint' },
  { name: 'process_definition_key', type: 'bigint' },
  { name: 'bpmn_process_id', type: 'text' },
];

/** The values of ELEMENT_TASK_COLUMNS, in their order. */
export function elementTaskValues(v: Record<string, unknown>): unknown[] {
  return [
    JSON.stringify(headers(v.customHeaders)), text(v.elementId), num(v.elementInstanceKey), num(v.processInstanceKey),
    num(v.processDefinitionKey), text(v.bpmnProcessId),
  ];
}

/** The columns a migration changes: it moves the task to another definition. */
export const MIGRATED_COLUMNS = ['element_id', 'process_definition_key', 'bpmn_process_id'];
