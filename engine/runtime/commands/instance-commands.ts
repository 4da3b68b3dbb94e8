// Commands on process instances: create, cancel, set variables, resolve incidents.

import { reject } from '../rejection.ts';
import type { ElementInstanceRow, ProcessRow } from '../rows.ts';
import type { Runtime } from '../runtime.ts';
import { noneStartEvent, startProcessInstance } from '../elements/process.ts';
import { runActivation, runCompletion, terminateElement } from '../lifecycle.ts';
import { mergeVariables, setLocalVariables } from '../variables.ts';
import { putJob } from '../jobs.ts';
import { removeIncident } from '../incidents.ts';

export interface CreateInstanceRequest {
  processDefinitionKey?: number;
  bpmnProcessId?: string;
  version?: number; // -1 or absent: latest
  variables: Record<string, unknown>;
  startElementIds: string[];
}

export function findDefinition(rt: Runtime, request: CreateInstanceRequest): ProcessRow {
  const intent = 'CREATE';
  if (request.processDefinitionKey) {
    const row = rt.state.resources.get(request.processDefinitionKey);
    if (!row || row.kind !== 'process') reject('NOT_FOUND', intent, `Expected to find process definition with key '${request.processDefinitionKey}', but none found`);
    return row;
  }
  if (!request.bpmnProcessId) reject('INVALID_ARGUMENT', intent, 'Expected either a process definition key or a BPMN process id, but none given');
  const versions = rt.state.processesById.get(request.bpmnProcessId) ?? [];
  const row = request.version === undefined || request.version < 0 ? versions.at(-1) : versions.find((v) => v.version === request.version);
  if (!row) {
    const which = request.version !== undefined && request.version >= 0 ? ` and version '${request.version}'` : '';
    reject('NOT_FOUND', intent, `Expected to find process definition with process ID '${request.bpmnProcessId}'${which}, but none found`);
  }
  return row;
}

export function createProcessInstance(rt: Runtime, request: CreateInstanceRequest): ElementInstanceRow {
  const definition = findDefinition(rt, request);
  const process = rt.process(definition.key);
  for (const id of request.startElementIds) {
    const node = process.elements.get(id);
    if (!node) reject('INVALID_ARGUMENT', 'CREATE', `Expected to create instance of process with start instructions but no element found with id '${id}'.`);
    if (node.flowScopeId !== process.id) {
      reject('INVALID_ARGUMENT', 'CREATE', `Expected to create instance of process with start instructions but the element with id '${id}' is inside '${node.flowScopeId}'; start at an element of the process itself, then move the instance with ModifyProcessInstance.`);
    }
  }
  if (request.startElementIds.length === 0 && !noneStartEvent(rt, definition)) {
    reject('INVALID_STATE', 'CREATE', `Expected to create instance of process with none start event, but there is no such event`);
  }
  return startProcessInstance(rt, definition, { variables: request.variables, startElementIds: request.startElementIds });
}

export function cancelProcessInstance(rt: Runtime, processInstanceKey: number): void {
  const instance = rt.instance(processInstanceKey);
  if (!instance || instance.type !== 'PROCESS') {
    reject('NOT_FOUND', 'CANCEL', `Expected to cancel a process instance with key '${processInstanceKey}', but no such process was found`);
  }
  if (instance.parentProcessInstanceKey !== undefined) {
    reject('INVALID_STATE', 'CANCEL', `Expected to cancel a process instance with key '${processInstanceKey}', but it is created by a parent process instance. Cancel the root process instance '${rootOf(rt, instance)}' instead.`);
  }
  terminateElement(rt, instance);
}

function rootOf(rt: Runtime, instance: ElementInstanceRow): number {
  let current = instance;
  while (current.parentProcessInstanceKey !== undefined) {
    const parent = rt.instance(current.parentProcessInstanceKey);
    if (!parent) break;
    current = parent;
  }
  return current.processInstanceKey;
}

export function setVariables(rt: Runtime, elementInstanceKey: number, variables: Record<string, unknown>, local: boolean): number {
  const instance = rt.instance(elementInstanceKey);
  if (!instance) reject('NOT_FOUND', 'UPDATE', `Expected to update variables for element with key '${elementInstanceKey}', but no such element was found`);
  if (local) setLocalVariables(rt, elementInstanceKey, variables);
  else mergeVariables(rt, elementInstanceKey, variables);
  const key = rt.newKey();
  rt.record('VARIABLE_DOCUMENT', 'UPDATED', key, { scopeKey: elementInstanceKey, updateSemantics: local ? 'LOCAL' : 'PROPAGATE' }, instance.processInstanceKey);
  return key;
}

/** Resolves an incident and retries what failed: the job, the activation or the completion. */
export function resolveIncident(rt: Runtime, incidentKey: number): void {
  const incident = rt.state.incidents.get(incidentKey);
  if (!incident) reject('NOT_FOUND', 'RESOLVE', `Expected to resolve incident with key '${incidentKey}', but no such incident was found`);
  if (incident.jobKey !== undefined) {
    const job = rt.state.jobs.get(incident.jobKey);
    if (job && job.retries <= 0 && incident.errorType === 'JOB_NO_RETRIES') {
      reject('INVALID_STATE', 'RESOLVE', `Expected to resolve incident with key '${incidentKey}', but job with key '${job.key}' has no retries left. Update the job's retries first.`);
    }
    removeIncident(rt, incident);
    if (job) putJob(rt, { ...job, state: 'ACTIVATABLE', recurAt: undefined, worker: '', deadline: -1, retries: Math.max(job.retries, 1) }, 'RECURRED_AFTER_BACKOFF');
    return;
  }
  removeIncident(rt, incident);
  const instance = rt.instance(incident.elementInstanceKey);
  if (!instance) return;
  if (instance.state === 'ACTIVATING') runActivation(rt, instance);
  else if (instance.state === 'COMPLETING') runCompletion(rt, instance);
}
