// What job and user task items both show: their custom headers and the element, instance and
// definition they belong to (the columns engine/exporter/element-task.ts writes).

import { keyOut } from './format.ts';

export interface ElementTaskRow {
  custom_headers: Record<string, string>;
  element_id: string;
  element_instance_key: string;
  process_instance_key: string;
  process_definition_key: string;
  bpmn_process_id: string;
}

export function elementTaskOut(r: ElementTaskRow) {
  return {
    customHeaders: r.custom_headers,
    elementId: r.element_id,
    elementInstanceKey: keyOut(r.element_instance_key),
    processDefinitionId: r.bpmn_process_id,
    processDefinitionKey: keyOut(r.process_definition_key),
    processInstanceKey: keyOut(r.process_instance_key),
  };
}
