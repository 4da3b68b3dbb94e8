// BPMN errors and escalations: thrown by a job (ThrowError), an end or throw event, caught by
// the closest boundary event or event sub-process, walking out through flow scopes and call
// activities. At each level a catch event for the exact code wins over a catch-all one.
// Errors always interrupt; escalations may not. An uncaught error is an incident; an
// uncaught escalation is only recorded, and the process goes on (as in Zeebe).

import type { FlowNode } from '../model/index.ts';
import { evaluateAttribute } from '../feel/index.ts';
import { activateElement, terminateElement } from './lifecycle.ts';
import { startEventSubProcess } from './event-triggers.ts';
import type { ElementInstanceRow } from './rows.ts';
import type { Runtime } from './runtime.ts';

type Kind = 'ERROR' | 'ESCALATION';

interface Catcher {
  event: FlowNode; // boundary event, or the start event of an event sub-process
  /** Boundary: the activity it is attached to. Event sub-process: the scope it lives in. */
  instance: ElementInstanceRow;
}

function codeOf(rt: Runtime, event: FlowNode, kind: Kind): string | undefined {
  const code = kind === 'ERROR' ? event.error?.errorCode : event.escalation?.escalationCode;
  if (code === undefined || code === '') return undefined;
  return String(evaluateAttribute(code, {}, rt.now));
}

function findCatcher(rt: Runtime, from: ElementInstanceRow, kind: Kind, code: string): Catcher | undefined {
  let instance: ElementInstanceRow | undefined = from;
  while (instance) {
    const process = rt.process(instance.processDefinitionKey);
    const node = process.elements.get(instance.elementId)!;
    // Multi-instance: boundary events belong to the body, event sub-processes to each inner instance.
    const isBody = instance.type === 'MULTI_INSTANCE_BODY';
    const isInner = node.multiInstance !== undefined && !isBody;
    const candidates = [
      ...(isInner ? [] : node.boundaryEventIds.map((id) => process.elements.get(id)!)),
      ...(isBody ? [] : node.eventSubProcessIds.map((id) => process.elements.get(process.elements.get(id)!.startEventIds[0])!)),
    ].filter((e) => e.eventType === kind);
    const event = candidates.find((e) => codeOf(rt, e, kind) === code) ?? candidates.find((e) => codeOf(rt, e, kind) === undefined);
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

function catchWith(rt: Runtime, catcher: Catcher, variables: Record<string, unknown>): void {
  const { event, instance } = catcher;
  if (event.type !== 'BOUNDARY_EVENT') {
    startEventSubProcess(rt, instance, event, variables);
    return;
  }
  const flowScopeKey = instance.flowScopeKey;
  if (event.cancelActivity !== false) terminateElement(rt, instance);
  const flowScope = rt.instance(flowScopeKey);
  if (flowScope) activateElement(rt, event, flowScope, variables);
}

/** Throws an error from an element instance; false when nothing catches it. */
export function throwError(rt: Runtime, from: ElementInstanceRow, code: string, message: string, variables: Record<string, unknown>): boolean {
  const catcher = findCatcher(rt, from, 'ERROR', code);
  if (!catcher) return false;
  const triggerVariables = { ...variables };
  if (catcher.event.error?.errorCodeVariable) triggerVariables[catcher.event.error.errorCodeVariable] = code;
  if (catcher.event.error?.errorMessageVariable) triggerVariables[catcher.event.error.errorMessageVariable] = message;
  rt.record('ERROR', 'CREATED', rt.newKey(), { errorCode: code, errorMessage: message, elementId: catcher.event.id }, from.processInstanceKey);
  catchWith(rt, catcher, triggerVariables);
  return true;
}

/** Throws an escalation from an element instance; false when nothing catches it. */
export function throwEscalation(rt: Runtime, from: ElementInstanceRow, code: string): boolean {
  const catcher = findCatcher(rt, from, 'ESCALATION', code);
  rt.record('ESCALATION', catcher ? 'ESCALATED' : 'NOT_ESCALATED', rt.newKey(), { escalationCode: code, throwElementId: from.elementId, catchElementId: catcher?.event.id ?? '' }, from.processInstanceKey);
  if (!catcher) return false;
  const variables: Record<string, unknown> = {};
  if (catcher.event.escalation?.escalationCodeVariable) variables[catcher.event.escalation.escalationCodeVariable] = code;
  catchWith(rt, catcher, variables);
  return true;
}
