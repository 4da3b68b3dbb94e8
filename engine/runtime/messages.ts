// Messages as Zeebe correlates them: a published message with a name and correlation key goes
// to at most one subscription or message start event per process (BPMN process id, across its
// versions) — to every process that waits for it; a message start event creates no second
// instance for a correlation key while one is active. With a time to live it waits for
// subscriptions opened later.

import { reject } from './rejection.ts';
import type { MessageRow, MessageSubscriptionRow, ProcessRow } from './rows.ts';
import type { Runtime } from './runtime.ts';
import { messageKey } from './state.ts';
import { startByEvent, triggerEvent } from './event-triggers.ts';
import { evaluateAttribute } from '../feel/index.ts';

export interface PublishRequest {
  name: string;
  correlationKey: string;
  timeToLive: number;
  messageId: string;
  variables: Record<string, unknown>;
}

function messageValue(m: MessageRow): Record<string, unknown> {
  return { name: m.name, correlationKey: m.correlationKey, messageId: m.messageId, deadline: m.deadline, variables: m.variables };
}

export function publishMessage(rt: Runtime, request: PublishRequest): number {
  if (!request.name) reject('INVALID_ARGUMENT', 'PUBLISH', `Expected to publish a message with a name, but the 'name' was empty`);
  if (request.messageId) {
    for (const key of rt.state.messagesByName.get(messageKey(request.name, request.correlationKey)) ?? []) {
      if (rt.state.messages.get(key)!.messageId === request.messageId) {
        reject('ALREADY_EXISTS', 'PUBLISH', `Expected to publish a new message with id '${request.messageId}', but a message with that id was already published`);
      }
    }
  }
  const message: MessageRow = {
    key: rt.newKey(),
    name: request.name,
    correlationKey: request.correlationKey,
    messageId: request.messageId,
    variables: request.variables,
    deadline: rt.now + Math.max(0, request.timeToLive),
    correlatedProcesses: [],
  };
  rt.record('MESSAGE', 'PUBLISHED', message.key, messageValue(message));
  const correlated = correlate(rt, message);
  if (request.timeToLive > 0) rt.state.messages.put(message.key, correlated);
  else rt.record('MESSAGE', 'EXPIRED', message.key, messageValue(message));
  return message.key;
}

/** Correlates a message to what waits for it now; returns it with what it reached. */
function correlate(rt: Runtime, message: MessageRow): MessageRow {
  const processes = new Set(message.correlatedProcesses);
  for (const definition of messageStartDefinitions(rt, message.name)) {
    if (processes.has(definition.row.bpmnProcessId)) continue;
    if (message.correlationKey && (rt.state.instancesByStartCorrelation.get(messageKey(definition.row.bpmnProcessId, message.correlationKey))?.size ?? 0) > 0) continue;
    processes.add(definition.row.bpmnProcessId);
    const instance = startByEvent(rt, definition.row, definition.startEventId, message.variables, message.correlationKey || undefined);
    rt.record(
      'MESSAGE_START_EVENT_SUBSCRIPTION',
      'CORRELATED',
      definition.row.key,
      { messageName: message.name, messageKey: message.key, correlationKey: message.correlationKey, processInstanceKey: instance.key, startEventId: definition.startEventId, bpmnProcessId: definition.row.bpmnProcessId, processDefinitionKey: definition.row.key, variables: message.variables },
      instance.key,
    );
  }
  const subscriptionKeys = [...(rt.state.messageSubscriptionsByName.get(messageKey(message.name, message.correlationKey)) ?? [])].sort((a, b) => a - b);
  for (const key of subscriptionKeys) {
    const subscription = rt.state.messageSubscriptions.get(key);
    if (!subscription || processes.has(subscription.bpmnProcessId)) continue;
    processes.add(subscription.bpmnProcessId);
    deliver(rt, subscription, message.key, message.variables);
  }
  return { ...message, correlatedProcesses: [...processes] };
}

/**
 * Correlates a message to a subscription. Like Zeebe, an interrupting catch is done with its
 * subscription (CORRELATED is its last record); a non-interrupting one (boundary, event
 * sub-process) keeps it open for the next message.
 */
function deliver(rt: Runtime, subscription: MessageSubscriptionRow, messageKey: number, variables: Record<string, unknown>): void {
  rt.record('PROCESS_MESSAGE_SUBSCRIPTION', 'CORRELATED', subscription.key, subscriptionValue(rt, subscription, { messageKey, variables }), subscription.processInstanceKey);
  const target = rt.process(rt.instance(subscription.elementInstanceKey)?.processDefinitionKey ?? -1).elements.get(subscription.targetElementId);
  const keepsWaiting = target?.cancelActivity === false || (target?.type === 'START_EVENT' && target.interrupting === false);
  if (!keepsWaiting) rt.state.messageSubscriptions.delete(subscription.key);
  triggerEvent(rt, subscription.elementInstanceKey, subscription.targetElementId, variables);
}

/** The record value of a message subscription, with the fields Zeebe's record has. */
export function subscriptionValue(rt: Runtime, subscription: MessageSubscriptionRow, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const instance = rt.instance(subscription.processInstanceKey);
  return { ...subscription, elementId: subscription.targetElementId, processDefinitionKey: instance?.processDefinitionKey ?? -1, ...extra };
}

/** A buffered message reaches subscriptions that just opened, oldest message first. */
export function correlateBufferedMessages(rt: Runtime, elementInstanceKey: number): void {
  for (const subscriptionKey of [...(rt.state.subscriptionsByElement.get(elementInstanceKey) ?? [])]) {
    const subscription = rt.state.messageSubscriptions.get(subscriptionKey);
    if (!subscription) continue;
    const candidates = [...(rt.state.messagesByName.get(messageKey(subscription.messageName, subscription.correlationKey)) ?? [])].sort((a, b) => a - b);
    for (const key of candidates) {
      const message = rt.state.messages.get(key)!;
      if (message.deadline <= rt.now || message.correlatedProcesses.includes(subscription.bpmnProcessId)) continue;
      rt.state.messages.put(key, { ...message, correlatedProcesses: [...message.correlatedProcesses, subscription.bpmnProcessId] });
      deliver(rt, subscription, key, message.variables);
      return; // the element took an event; its other subscriptions closed with it or wait on
    }
  }
}

/**
 * An instance started by a message with a correlation key ended: the oldest buffered message
 * with that key that was held back for it starts the next instance.
 */
export function correlateHeldBackStart(rt: Runtime, bpmnProcessId: string, correlationKey: string): void {
  const row = rt.state.latestProcess(bpmnProcessId);
  if (!row) return;
  const names = new Set(messageStartDefinitionsOf(rt, row).map((d) => d.name));
  const waiting = [...rt.state.messages.values()]
    .filter((m) => names.has(m.name) && m.correlationKey === correlationKey && m.deadline > rt.now && !m.correlatedProcesses.includes(bpmnProcessId))
    .sort((a, b) => a.key - b.key);
  if (waiting.length) rt.state.messages.put(waiting[0].key, correlate(rt, waiting[0]));
}

/** Buffered messages past their time to live are gone. */
export function expireMessages(rt: Runtime, limit = 1000): void {
  for (const key of rt.state.messageHeap.due(rt.now, limit)) {
    const message = rt.state.messages.get(key);
    if (!message) continue;
    rt.state.messages.delete(key);
    rt.record('MESSAGE', 'EXPIRED', key, messageValue(message));
  }
}

/** The message start events of a process version, with their message names. */
function messageStartDefinitionsOf(rt: Runtime, row: ProcessRow): Array<{ row: ProcessRow; startEventId: string; name: string }> {
  const process = rt.processes.get(row.key);
  if (!process) return [];
  return process.elements
    .get(process.id)!
    .startEventIds.map((id) => process.elements.get(id)!)
    .filter((start) => start.message)
    .map((start) => ({ row, startEventId: start.id, name: String(evaluateAttribute(start.message!.name, {}, rt.now)) }));
}

/** The latest process versions with a message start event for this name. */
function messageStartDefinitions(rt: Runtime, name: string): Array<{ row: ProcessRow; startEventId: string }> {
  return [...rt.state.processesById.values()].flatMap((versions) => messageStartDefinitionsOf(rt, versions.at(-1)!).filter((d) => d.name === name));
}
