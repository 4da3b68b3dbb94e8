// What happens when an awaited event occurs (a timer fires, a message correlates, a signal
// is broadcast), by where the catch event sits: the waiting element itself, after an
// event-based gateway, on the boundary of an activity, or starting an event sub-process.

import type { FlowNode } from '../model/index.ts';
import { activateElement, completeElement, terminateChildren, terminateElement } from './lifecycle.ts';
import { startProcessInstance } from './elements/process.ts';
import type { ElementInstanceRow, ProcessRow } from './rows.ts';
import type { Runtime } from './runtime.ts';
import { closeSubscriptions } from './subscriptions.ts';

/** Applies an event to the instance waiting for it; false when that instance is gone or no longer waits. */
export function triggerEvent(rt: Runtime, subscriberKey: number, targetElementId: string, variables: Record<string, unknown>): boolean {
  const subscriber = rt.instance(subscriberKey);
  if (!subscriber || subscriber.state !== 'ACTIVATED') return false;
  const process = rt.process(subscriber.processDefinitionKey);
  const target = process.elements.get(targetElementId)!;
  const node = rt.node(subscriber);

  if (target.id === subscriber.elementId) {
    completeElement(rt, subscriber, variables);
    return true;
  }
  if (node.type === 'EVENT_BASED_GATEWAY') {
    const flowId = node.outgoing.find((f) => process.flows.get(f)!.targetId === target.id)!;
    completeElement(rt, subscriber, undefined, [flowId], variables);
    return true;
  }
  if (target.type === 'BOUNDARY_EVENT') {
    const flowScope = rt.instance(subscriber.flowScopeKey);
    if (!flowScope) return false;
    if (target.cancelActivity !== false) terminateElement(rt, subscriber);
    activateElement(rt, target, rt.instance(flowScope.key)!, variables);
    return true;
  }
  return startEventSubProcess(rt, subscriber, target, variables);
}

/** An event sub-process start event: interrupting ones end everything else in the scope first. */
export function startEventSubProcess(rt: Runtime, scope: ElementInstanceRow, start: FlowNode, variables: Record<string, unknown>): boolean {
  const process = rt.process(scope.processDefinitionKey);
  const eventSubProcess = process.elements.get(start.flowScopeId)!;
  if (start.interrupting !== false) {
    closeSubscriptions(rt, scope.key);
    scope = terminateChildren(rt, scope);
  }
  activateElement(rt, eventSubProcess, scope, variables);
  return true;
}

/** A process-level start event (timer, message, signal) creates a new instance there. */
export function startByEvent(rt: Runtime, definition: ProcessRow, startEventId: string, variables: Record<string, unknown>, startCorrelationKey?: string): ElementInstanceRow {
  return startProcessInstance(rt, definition, { variables, startElementIds: [startEventId], startCorrelationKey });
}
