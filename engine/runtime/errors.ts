// BPMN errors: thrown by a job (ThrowError) or an error end event, caught by the closest
// error boundary event or error event sub-process, walking out through flow scopes and call
// activities. At each level a catch event for the exact code wins over a catch-all one.

import type { FlowNode } from '../model/index.ts';
import { evaluateAttribute } from '../feel/index.ts';
import { activateElement, terminateChildren, terminateElement } from './lifecycle.ts';
import type { ElementInstanceRow } from './rows.ts';
import type { Runtime } from './runtime.ts';

interface Catcher {
  event: FlowNode; // boundary event, or the start event of an event sub-process
  /** Boundary: the activity it is attached to. Event sub-process: the scope it lives in. */
  instance: ElementInstanceRow;
}

function errorCodeOf(rt: Runtime, event: FlowNode): string | undefined {
  const code = event.error?.errorCode;
  if (code === undefined || code === '') return undefined;
  return String(evaluateAttribute(code, {}, rt.now));
}

function findCatcher(rt: Runtime, from: ElementInstanceRow, code: string): Catcher | undefined {
  let instance: ElementInstanceRow | undefined = from;
  while (instance) {
    const process = rt.process(instance.processDefinitionKey);
    const node = process.elements.get(instance.elementId)!;
    const candidates = [
      ...node.boundaryEventIds.map((id) => process.elements.get(id)!),
      ...node.eventSubProcessIds.map((id) => process.elements.get(process.elements.get(id)!.startEventIds[0])!),
    ].filter((e) => e.eventType === 'ERROR');
    const exact = candidates.find((e) => errorCodeOf(rt, e) === code);
    const catchAll = candidates.find((e) => errorCodeOf(rt, e) === undefined);
    const event = exact ?? catchAll;
    if (event) return { event, instance };
    instance =
      instance.flowScopeKey !== -1
        ? rt.instance(instance.flowScopeKey)
        : instance.parentElementInstanceKey !== undefined
          ? rt.instance(instance.parentElementInstanceKey)
          : undefined;
  }
  return undefined;
}

/** Throws an error from an element instance; false when nothing catches it. */
export function throwError(rt: Runtime, from: ElementInstanceRow, code: string, message: string, variables: Record<string, unknown>): boolean {
  const catcher = findCatcher(rt, from, code);
  if (!catcher) return false;
  const { event } = catcher;
  const triggerVariables = { ...variables };
  if (event.error?.errorCodeVariable) triggerVariables[event.error.errorCodeVariable] = code;
  if (event.error?.errorMessageVariable) triggerVariables[event.error.errorMessageVariable] = message;
  rt.record('ERROR', 'CREATED', rt.newKey(), { errorCode: code, errorMessage: message, elementId: event.id }, from.processInstanceKey);

  if (event.type === 'BOUNDARY_EVENT') {
    const attached = catcher.instance;
    const flowScopeKey = attached.flowScopeKey;
    terminateElement(rt, attached);
    const flowScope = rt.instance(flowScopeKey);
    if (flowScope) activateElement(rt, event, flowScope, triggerVariables);
    return true;
  }
  // An error event sub-process interrupts everything else in its scope.
  const scope = terminateChildren(rt, catcher.instance);
  const process = rt.process(scope.processDefinitionKey);
  activateElement(rt, process.elements.get(event.flowScopeId)!, scope, triggerVariables);
  return true;
}
