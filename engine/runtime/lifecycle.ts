// The shared lifecycle of every element, as Zeebe's BpmnElementProcessors: activate (input
// mappings, then the element's own behaviour), complete (output mappings, then the outgoing
// flows), terminate (children first). Element kinds only add what is their own.

import type { FlowNode, SequenceFlow } from '../model/index.ts';
import { evaluateMappings } from './mappings.ts';
import { createIncident, removeIncidentsOf } from './incidents.ts';
import type { ElementInstanceRow } from './rows.ts';
import type { Runtime } from './runtime.ts';
import { dropScopeVariables, localVariables, mergeVariables, setLocalVariables, visibleVariables } from './variables.ts';
import { behaviorOf } from './elements/index.ts';
import { activateJoinIfReady, pendingInclusiveJoins, tokensWaiting } from './joins.ts';
import { closeSubscriptions, openSubscriptions, SubscriptionError } from './subscriptions.ts';
import { correlateBufferedMessages } from './messages.ts';
import { bodyOf, collectInnerResult, innerCompleted, propagateOutputCollection } from './elements/multi-instance.ts';

/** Creates an element instance inside a flow scope and activates it. */
export function activateElement(rt: Runtime, node: FlowNode, flowScope: ElementInstanceRow, completionVariables?: Record<string, unknown>): ElementInstanceRow {
  const instance = createElementInstance(rt, node, flowScope, completionVariables);
  runActivation(rt, instance);
  return instance;
}

/** A new element instance in ACTIVATING; a multi-instance activity is entered at its body. */
export function createElementInstance(rt: Runtime, node: FlowNode, flowScope: ElementInstanceRow, completionVariables?: Record<string, unknown>): ElementInstanceRow {
  const inner = flowScope.type === 'MULTI_INSTANCE_BODY' && flowScope.elementId === node.id;
  const instance: ElementInstanceRow = {
    key: rt.newKey(),
    elementId: node.id,
    type: node.multiInstance && !inner ? 'MULTI_INSTANCE_BODY' : node.type,
    state: 'ACTIVATING',
    flowScopeKey: flowScope.key,
    processInstanceKey: flowScope.processInstanceKey,
    processDefinitionKey: flowScope.processDefinitionKey,
    bpmnProcessId: flowScope.bpmnProcessId,
    version: flowScope.version,
    startTime: rt.now,
    completionVariables,
  };
  rt.state.elementInstances.put(instance.key, instance);
  rt.elementRecord(instance, 'ELEMENT_ACTIVATING');
  return instance;
}

/** Input mappings, then the element's behaviour. Also the retry after an activation incident. */
export function runActivation(rt: Runtime, instance: ElementInstanceRow): void {
  const node = rt.node(instance);
  // A multi-instance body has no mappings of its own: they apply to each inner instance.
  if (node.inputMappings.length > 0 && instance.type !== 'MULTI_INSTANCE_BODY') {
    let values: Record<string, unknown>;
    try {
      // From the instance itself: an inner multi-instance instance already holds its item and loopCounter.
      values = evaluateMappings(node.inputMappings, visibleVariables(rt, instance.key), rt.now);
    } catch (err) {
      createIncident(rt, instance, 'IO_MAPPING_ERROR', (err as Error).message);
      return;
    }
    setLocalVariables(rt, instance.key, values);
  }
  if (!openSubscriptionsOrIncident(rt, instance, node)) return;
  behaviorOf(instance.type).activate(rt, instance, node);
  correlateBufferedMessages(rt, instance.key);
}

/** Opens what the instance waits for (timers, messages, signals); an expression that fails is an incident. */
export function openSubscriptionsOrIncident(rt: Runtime, instance: ElementInstanceRow, node: FlowNode): boolean {
  closeSubscriptions(rt, instance.key); // a retry after an incident opens them anew
  try {
    openSubscriptions(rt, instance, node);
    return true;
  } catch (err) {
    if (!(err instanceof SubscriptionError)) throw err;
    createIncident(rt, instance, 'EXTRACT_VALUE_ERROR', err.message);
    return false;
  }
}

export function markActivated(rt: Runtime, instance: ElementInstanceRow): ElementInstanceRow {
  const next = rt.update(instance, { state: 'ACTIVATED' });
  rt.elementRecord(next, 'ELEMENT_ACTIVATED');
  return next;
}

/**
 * Completes an element: `variables` are what it completes with (job variables, a result,
 * a child's variables) and are handled as Zeebe does: with output mappings they become local
 * and only the mapped ones leave; without, they are merged from the element's own scope.
 */
export function completeElement(rt: Runtime, instance: ElementInstanceRow, variables?: Record<string, unknown>, flowIds?: string[], targetVariables?: Record<string, unknown>): void {
  if (instance.state === 'ACTIVATING') instance = markActivated(rt, instance);
  const completing = rt.update(instance, { state: 'COMPLETING', completionVariables: variables });
  rt.elementRecord(completing, 'ELEMENT_COMPLETING');
  runCompletion(rt, completing, flowIds, targetVariables);
}

/** Output mappings, then completion and the outgoing flows. Also the retry after an incident. */
export function runCompletion(rt: Runtime, instance: ElementInstanceRow, flowIds?: string[], targetVariables?: Record<string, unknown>): void {
  const node = rt.node(instance);
  const variables = instance.completionVariables;
  const body = bodyOf(rt, instance);
  try {
    if (instance.type === 'MULTI_INSTANCE_BODY') {
      propagateOutputCollection(rt, instance, node);
    } else if (node.outputMappings.length > 0) {
      if (variables) setLocalVariables(rt, instance.key, variables);
      const mapped = evaluateMappings(node.outputMappings, visibleVariables(rt, instance.key), rt.now);
      mergeVariables(rt, instance.flowScopeKey === -1 ? instance.key : instance.flowScopeKey, mapped);
    } else if (variables && instance.type !== 'PROCESS') {
      mergeVariables(rt, instance.key, variables);
    }
    if (body) collectInnerResult(rt, body, instance, node);
  } catch (err) {
    createIncident(rt, instance, 'IO_MAPPING_ERROR', (err as Error).message);
    return;
  }
  const done = rt.update(instance, { completionVariables: undefined });
  rt.elementRecord(done, 'ELEMENT_COMPLETED');
  const finalVariables = done.type === 'PROCESS' ? localVariables(rt, done.key) : undefined;
  removeInstance(rt, done);
  if (done.type === 'PROCESS') {
    behaviorOf(done.type).completed?.(rt, done, node, finalVariables!);
    return;
  }
  if (body) return innerCompleted(rt, rt.instance(body.key)!, node);
  takeFlows(rt, done, flowIds ?? node.outgoing, targetVariables);
}

function removeInstance(rt: Runtime, instance: ElementInstanceRow): void {
  closeSubscriptions(rt, instance.key);
  removeIncidentsOf(rt, instance.key);
  dropScopeVariables(rt, instance.key);
  rt.state.elementInstances.delete(instance.key);
}

/**
 * Takes the outgoing flows. Every target exists before any of them runs, as in Zeebe where
 * the activations are written before they are processed: a branch that races ahead to an
 * inclusive join must see its siblings still on their way.
 */
function takeFlows(rt: Runtime, completed: ElementInstanceRow, flowIds: string[], targetVariables?: Record<string, unknown>): void {
  const flowScope = rt.instance(completed.flowScopeKey);
  if (!flowScope) return;
  const process = rt.process(completed.processDefinitionKey);
  const created: ElementInstanceRow[] = [];
  for (const flowId of flowIds) {
    const target = takeFlow(rt, rt.instance(flowScope.key)!, process.flows.get(flowId)!);
    if (target) created.push(createElementInstance(rt, target, rt.instance(flowScope.key)!, targetVariables));
  }
  for (const instance of created) {
    const current = rt.instance(instance.key);
    if (current?.state === 'ACTIVATING') runActivation(rt, current);
  }
  if (flowIds.length === 0) scopeChanged(rt, flowScope.key);
}

/** Records a taken flow; returns the target to activate, or undefined when a join holds the token. */
function takeFlow(rt: Runtime, flowScope: ElementInstanceRow, flow: SequenceFlow): FlowNode | undefined {
  rt.record('PROCESS_INSTANCE', 'SEQUENCE_FLOW_TAKEN', rt.newKey(), {
    bpmnElementType: 'SEQUENCE_FLOW',
    elementId: flow.id,
    flowScopeKey: flowScope.key,
    processInstanceKey: flowScope.processInstanceKey,
    processDefinitionKey: flowScope.processDefinitionKey,
    bpmnProcessId: flowScope.bpmnProcessId,
    version: flowScope.version,
  }, flowScope.processInstanceKey);
  const target = rt.process(flowScope.processDefinitionKey).elements.get(flow.targetId)!;
  const joins = (target.type === 'PARALLEL_GATEWAY' || target.type === 'INCLUSIVE_GATEWAY') && target.incoming.length > 1;
  if (!joins) return target;
  const tokenKey = `${target.id} ${flow.id}`;
  const tokens = { ...(flowScope.joinTokens ?? {}) };
  tokens[tokenKey] = (tokens[tokenKey] ?? 0) + 1;
  const updated = rt.update(flowScope, { joinTokens: tokens });
  activateJoinIfReady(rt, updated, target);
  return undefined;
}

/**
 * Something ended in a flow scope: an inclusive join may now have all it can get, and a scope
 * with nothing left inside completes, as Zeebe does when its last token is consumed.
 */
export function scopeChanged(rt: Runtime, flowScopeKey: number): void {
  let scope = rt.instance(flowScopeKey);
  if (!scope || scope.state !== 'ACTIVATED') return;
  for (const gateway of pendingInclusiveJoins(rt, scope)) {
    activateJoinIfReady(rt, scope, gateway);
    scope = rt.instance(flowScopeKey);
    if (!scope) return;
  }
  if ((rt.state.children.get(scope.key)?.size ?? 0) === 0 && !tokensWaiting(scope)) {
    completeElement(rt, scope);
  }
}

/** Terminates an element and everything inside it; `then` runs once it is gone. */
export function terminateElement(rt: Runtime, instance: ElementInstanceRow): void {
  if (instance.state === 'TERMINATING') return;
  const terminating = rt.update(instance, { state: 'TERMINATING' });
  rt.elementRecord(terminating, 'ELEMENT_TERMINATING');
  const node = rt.node(terminating);
  for (const childKey of rt.state.childKeys(terminating.key)) {
    const child = rt.instance(childKey);
    if (child) terminateElement(rt, child);
  }
  behaviorOf(terminating.type).terminate?.(rt, terminating, node);
  rt.elementRecord(terminating, 'ELEMENT_TERMINATED');
  removeInstance(rt, terminating);
  if (terminating.type === 'PROCESS') behaviorOf(terminating.type).terminated?.(rt, terminating, node);
}

/** Terminates every element inside a scope, and the tokens waiting at its joins. */
export function terminateChildren(rt: Runtime, scope: ElementInstanceRow): ElementInstanceRow {
  for (const childKey of rt.state.childKeys(scope.key)) {
    const child = rt.instance(childKey);
    if (child) terminateElement(rt, child);
  }
  return rt.update(rt.instance(scope.key)!, { joinTokens: undefined });
}
