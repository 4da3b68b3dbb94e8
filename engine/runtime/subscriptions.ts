// The events an element instance waits for while it is active: its own (intermediate catch
// events, receive tasks), those after an event-based gateway, its boundary events, and the
// start events of the event sub-processes of a scope. Opened on activation, closed when the
// instance ends; each is a timer, a message subscription or a signal subscription.

import type { FlowNode } from '../model/index.ts';
import { evaluateAttribute, feelTypeName } from '../feel/index.ts';
import { firstSchedule } from './timer-schedule.ts';
import type { ElementInstanceRow, MessageSubscriptionRow, SignalSubscriptionRow, TimerRow } from './rows.ts';
import type { Runtime } from './runtime.ts';
import { visibleVariables } from './variables.ts';
import { subscriptionValue } from './messages.ts';

export class SubscriptionError extends Error {}

/** The catch events an element instance subscribes to. */
export function catchEventsOf(rt: Runtime, instance: ElementInstanceRow, node: FlowNode): FlowNode[] {
  const process = rt.process(instance.processDefinitionKey);
  const events: FlowNode[] = [];
  // Multi-instance: boundary events belong to the body, everything else to each inner instance.
  const isBody = instance.type === 'MULTI_INSTANCE_BODY';
  const isInner = node.multiInstance !== undefined && !isBody;
  if (!isBody) {
    // A catch event entered through an event-based gateway was already triggered (it carries the event's variables).
    if ((node.type === 'INTERMEDIATE_CATCH_EVENT' || node.type === 'RECEIVE_TASK') && instance.completionVariables === undefined) events.push(node);
    if (node.type === 'EVENT_BASED_GATEWAY') {
      for (const flowId of node.outgoing) events.push(process.elements.get(process.flows.get(flowId)!.targetId)!);
    }
    for (const id of node.eventSubProcessIds) events.push(process.elements.get(process.elements.get(id)!.startEventIds[0])!);
  }
  if (!isInner) for (const id of node.boundaryEventIds) events.push(process.elements.get(id)!);
  return events.filter((e) => e.timer || e.message || e.signal);
}

export function evaluateText(rt: Runtime, expression: string, context: Record<string, unknown>, what: string): string {
  const value = evaluateAttribute(expression, context, rt.now);
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  throw new SubscriptionError(`Failed to extract the ${what} from '${expression}': The value must be either a string or a number, but was '${feelTypeName(value)}'.`);
}

export function timerFor(rt: Runtime, event: FlowNode, context: Record<string, unknown>, owner: { elementInstanceKey: number; processInstanceKey: number; processDefinitionKey: number; bpmnProcessId: string }): TimerRow {
  const timer = event.timer!;
  let schedule;
  try {
    schedule = firstSchedule(timer.kind, evaluateAttribute(timer.expression, context, rt.now), rt.now);
  } catch (err) {
    throw new SubscriptionError(`Expected a valid timer for '${event.id}' from '${timer.expression}', but ${(err as Error).message}`);
  }
  return { key: rt.newKey(), ...owner, targetElementId: event.id, ...schedule };
}

/** Opens the subscriptions of an instance (all, or those of some catch events); throws SubscriptionError (nothing opened) when an expression fails. */
export function openSubscriptions(rt: Runtime, instance: ElementInstanceRow, node: FlowNode, onlyTargets?: Set<string>): void {
  const events = catchEventsOf(rt, instance, node).filter((e) => !onlyTargets || onlyTargets.has(e.id));
  if (events.length === 0) return;
  const context = visibleVariables(rt, instance.key);
  const owner = { elementInstanceKey: instance.key, processInstanceKey: instance.processInstanceKey, processDefinitionKey: instance.processDefinitionKey, bpmnProcessId: instance.bpmnProcessId };
  const timers: TimerRow[] = [];
  const messages: MessageSubscriptionRow[] = [];
  const signals: SignalSubscriptionRow[] = [];
  for (const event of events) {
    if (event.timer) timers.push(timerFor(rt, event, context, owner));
    if (event.message) {
      messages.push({
        key: rt.newKey(),
        elementInstanceKey: instance.key,
        processInstanceKey: instance.processInstanceKey,
        bpmnProcessId: instance.bpmnProcessId,
        targetElementId: event.id,
        messageName: evaluateText(rt, event.message.name, context, 'message name'),
        correlationKey: evaluateText(rt, event.message.correlationKey ?? '', context, 'correlation key'),
      });
    }
    if (event.signal) {
      signals.push({ key: rt.newKey(), elementInstanceKey: instance.key, processInstanceKey: instance.processInstanceKey, targetElementId: event.id, signalName: evaluateText(rt, event.signal.name, context, 'signal name') });
    }
  }
  for (const t of timers) {
    rt.state.timers.put(t.key, t);
    rt.record('TIMER', 'CREATED', t.key, { ...t }, t.processInstanceKey);
  }
  for (const m of messages) {
    rt.state.messageSubscriptions.put(m.key, m);
    rt.record('PROCESS_MESSAGE_SUBSCRIPTION', 'CREATED', m.key, subscriptionValue(rt, m), m.processInstanceKey);
  }
  for (const s of signals) {
    rt.state.signalSubscriptions.put(s.key, s);
    rt.record('SIGNAL_SUBSCRIPTION', 'CREATED', s.key, { ...s }, s.processInstanceKey);
  }
}

/** Closes the subscriptions of an instance: all of them, or only those of some catch events. */
export function closeSubscriptions(rt: Runtime, elementInstanceKey: number, onlyTargets?: Set<string>): void {
  for (const key of [...(rt.state.subscriptionsByElement.get(elementInstanceKey) ?? [])]) {
    const timer = rt.state.timers.get(key);
    if (timer && (!onlyTargets || onlyTargets.has(timer.targetElementId))) {
      rt.state.timers.delete(key);
      rt.record('TIMER', 'CANCELED', key, { ...timer }, timer.processInstanceKey);
    }
    const message = rt.state.messageSubscriptions.get(key);
    if (message && (!onlyTargets || onlyTargets.has(message.targetElementId))) {
      rt.state.messageSubscriptions.delete(key);
      rt.record('PROCESS_MESSAGE_SUBSCRIPTION', 'DELETED', key, subscriptionValue(rt, message), message.processInstanceKey);
    }
    const signal = rt.state.signalSubscriptions.get(key);
    if (signal && (!onlyTargets || onlyTargets.has(signal.targetElementId))) {
      rt.state.signalSubscriptions.delete(key);
      rt.record('SIGNAL_SUBSCRIPTION', 'DELETED', key, { ...signal }, signal.processInstanceKey);
    }
  }
}
