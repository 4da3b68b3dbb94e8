// Turns one checked moddle process into the executable model. Elements go into the map in
// document order, depth first (a sub-process is followed by its children), so that walking
// the map meets a scope before what it contains and errors name the first offender in reading order.

import type { BpmnElementType, ExecutableProcess, FlowNode, SequenceFlow } from './types.ts';
import { elementTypeOf, EVENT_ELEMENT_TYPES, eventTypeOf, IGNORED_FLOW_ELEMENTS } from './element-kinds.ts';
import {
  calledDecisionOf,
  calledElementOf,
  ioMappingsOf,
  jobOf,
  multiInstanceOf,
  scriptOf,
  userTaskOf,
  versionTagOf,
  withoutUndefined,
} from './extensions.ts';
import { attr, bodyOf, extensionOf, isEventSubProcess, isType, type ModdleElement } from './moddle.ts';

export function buildProcess(process: ModdleElement): ExecutableProcess {
  const id = process.id ?? '';
  const elements = new Map<string, FlowNode>();
  const flows = new Map<string, SequenceFlow>();

  const root = newNode(process, 'PROCESS', '');
  elements.set(id, root);
  addChildren(process, root, elements, flows);

  for (const flow of flows.values()) {
    elements.get(flow.sourceId)?.outgoing.push(flow.id);
    elements.get(flow.targetId)?.incoming.push(flow.id);
  }
  for (const node of elements.values()) {
    if (node.attachedToId !== undefined) elements.get(node.attachedToId)?.boundaryEventIds.push(node.id);
  }

  return withoutUndefined({ id, name: process.name, versionTag: versionTagOf(process), elements, flows });
}

function addChildren(
  container: ModdleElement,
  scope: FlowNode,
  elements: Map<string, FlowNode>,
  flows: Map<string, SequenceFlow>,
): void {
  for (const child of container.flowElements ?? []) {
    if (isType(child, 'bpmn:SequenceFlow')) {
      flows.set(child.id ?? '', sequenceFlowOf(child));
      continue;
    }
    if (IGNORED_FLOW_ELEMENTS.has(child.$type)) continue;
    const type = elementTypeOf(child);
    if (!type) continue; // refused before building (check-elements.ts)

    const node = buildNode(child, type, scope.id);
    elements.set(node.id, node);
    scope.childIds.push(node.id);
    if (type === 'START_EVENT') scope.startEventIds.push(node.id);
    if (type === 'EVENT_SUB_PROCESS') scope.eventSubProcessIds.push(node.id);

    if (type === 'SUB_PROCESS' || type === 'EVENT_SUB_PROCESS') {
      addChildren(child, node, elements, flows);
      if (type === 'EVENT_SUB_PROCESS') {
        // The runtime decides on the sub-process whether triggering it cancels its scope.
        const start = node.startEventIds[0];
        node.interrupting = start === undefined ? true : elements.get(start)?.interrupting !== false;
      }
    }
  }
}

function newNode(el: ModdleElement, type: BpmnElementType, flowScopeId: string): FlowNode {
  const { inputs, outputs } = ioMappingsOf(el);
  return withoutUndefined({
    id: el.id ?? '',
    name: el.name,
    type,
    flowScopeId,
    incoming: [],
    outgoing: [],
    inputMappings: inputs,
    outputMappings: outputs,
    boundaryEventIds: [],
    childIds: [],
    startEventIds: [],
    eventSubProcessIds: [],
  });
}

function buildNode(el: ModdleElement, type: BpmnElementType, flowScopeId: string): FlowNode {
  const node = newNode(el, type, flowScopeId);

  switch (type) {
    case 'SERVICE_TASK':
    case 'SEND_TASK':
      node.job = jobOf(el);
      break;
    case 'SCRIPT_TASK':
      node.script = scriptOf(el);
      node.job = node.script ? undefined : jobOf(el);
      break;
    case 'BUSINESS_RULE_TASK':
      node.calledDecision = calledDecisionOf(el);
      node.job = node.calledDecision ? undefined : jobOf(el);
      break;
    case 'USER_TASK':
      node.userTask = userTaskOf(el);
      break;
    case 'CALL_ACTIVITY':
      node.calledElement = calledElementOf(el);
      break;
    case 'RECEIVE_TASK':
      node.message = messageOf(el.messageRef, true);
      break;
    case 'EXCLUSIVE_GATEWAY':
    case 'INCLUSIVE_GATEWAY':
      node.defaultFlowId = el.default?.id;
      break;
    default:
      break;
  }

  if (el.loopCharacteristics) node.multiInstance = multiInstanceOf(el);

  const eventType = eventTypeOf(el);
  if (EVENT_ELEMENT_TYPES.has(type) && eventType) {
    node.eventType = eventType;
    addEventDefinition(node, el, el.eventDefinitions?.[0]);
  }

  if (type === 'BOUNDARY_EVENT') {
    node.attachedToId = el.attachedToRef?.id;
    node.cancelActivity = el.get('cancelActivity') !== false;
    node.interrupting = node.cancelActivity;
  }
  if (type === 'START_EVENT' && isEventSubProcess(el.$parent)) {
    node.interrupting = el.get('isInterrupting') !== false;
  }
  return withoutUndefined(node);
}

function addEventDefinition(node: FlowNode, el: ModdleElement, def: ModdleElement | undefined): void {
  if (!def) return;
  const throwing = node.type === 'END_EVENT' || node.type === 'INTERMEDIATE_THROW_EVENT';
  switch (node.eventType) {
    case 'TIMER':
      node.timer = timerOf(def);
      break;
    case 'MESSAGE':
      if (throwing) {
        // Message throw events are job-based in Zeebe 8.8; the message reference is informative.
        node.job = jobOf(el);
        if (def.messageRef?.name) node.message = { name: def.messageRef.name };
      } else {
        // A process-level message start event is correlated by name alone.
        const processStart = node.type === 'START_EVENT' && !isEventSubProcess(el.$parent);
        node.message = messageOf(def.messageRef, !processStart);
      }
      break;
    case 'ERROR':
      node.error = withoutUndefined({ errorCode: def.errorRef?.errorCode });
      break;
    case 'ESCALATION':
      node.escalation = withoutUndefined({ escalationCode: def.escalationRef?.escalationCode });
      break;
    case 'SIGNAL':
      node.signal = { name: def.signalRef?.name ?? '' };
      break;
    case 'LINK':
      node.link = { name: def.name ?? '' };
      break;
    default:
      break;
  }
}

function timerOf(def: ModdleElement): FlowNode['timer'] {
  if (def.timeDate) return { kind: 'date', expression: bodyOf(def.timeDate) ?? '' };
  if (def.timeDuration) return { kind: 'duration', expression: bodyOf(def.timeDuration) ?? '' };
  if (def.timeCycle) return { kind: 'cycle', expression: bodyOf(def.timeCycle) ?? '' };
  return undefined;
}

function messageOf(message: ModdleElement | undefined, withCorrelationKey: boolean): FlowNode['message'] {
  if (!message) return undefined;
  const correlationKey = withCorrelationKey
    ? attr(extensionOf(message, 'zeebe:Subscription'), 'correlationKey')
    : undefined;
  return withoutUndefined({ name: message.name ?? '', correlationKey });
}

function sequenceFlowOf(flow: ModdleElement): SequenceFlow {
  return withoutUndefined({
    id: flow.id ?? '',
    name: flow.name,
    sourceId: flow.sourceRef?.id ?? '',
    targetId: flow.targetRef?.id ?? '',
    condition: bodyOf(flow.conditionExpression),
  });
}
