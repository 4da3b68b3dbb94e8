// Deploy checks across elements, on the built model: start events per scope, gateways and
// their flows, boundary and event sub-process triggers that would be ambiguous, link pairs.
// Mirrors Zeebe 8.8's ProcessValidator, SubProcessValidator, gateway and sequence flow validators.

import type { ExecutableProcess, FlowNode, SequenceFlow } from './types.ts';
import type { Issues } from './issues.ts';
import { kindOfNode } from './element-kinds.ts';

export function checkStructure(proc: ExecutableProcess, issues: Issues): void {
  const add = (node: FlowNode, message: string) => issues.add(node.id, kindOfNode(node), message);
  const addFlow = (flow: SequenceFlow, message: string) => issues.add(flow.id, 'sequenceFlow', message);
  const node = (id: string) => proc.elements.get(id);

  for (const el of proc.elements.values()) {
    if (el.type === 'PROCESS' || el.type === 'SUB_PROCESS') checkStartEvents(proc, el, add);
    if (el.type === 'PROCESS' || el.type === 'SUB_PROCESS' || el.type === 'EVENT_SUB_PROCESS') {
      checkEventSubProcessTriggers(proc, el, add);
    }
    if (el.boundaryEventIds.length > 0) {
      checkDistinctTriggers(el.boundaryEventIds.map(node).filter(isNode), (m) => add(el, `its boundary events ${m}`));
    }

    switch (el.type) {
      case 'START_EVENT':
        if (el.incoming.length > 0) add(el, 'a start event cannot have incoming sequence flows. Remove them.');
        break;
      case 'BOUNDARY_EVENT':
        if (el.incoming.length > 0) add(el, 'a boundary event cannot have incoming sequence flows. Remove them.');
        break;
      case 'END_EVENT':
        if (el.outgoing.length > 0) add(el, 'an end event cannot have outgoing sequence flows. Remove them, or use an intermediate event.');
        break;
      case 'EVENT_SUB_PROCESS':
        if (el.incoming.length + el.outgoing.length > 0) {
          add(el, 'an event sub-process cannot have incoming or outgoing sequence flows; its start event triggers it. Remove the flows.');
        }
        break;
      case 'EXCLUSIVE_GATEWAY':
      case 'INCLUSIVE_GATEWAY':
        checkConditionalGateway(proc, el, add, addFlow);
        break;
      case 'EVENT_BASED_GATEWAY':
        checkEventBasedGateway(proc, el, add);
        break;
      default:
        break;
    }
  }

  // Conditions only mean something on flows leaving exclusive or inclusive gateways.
  for (const flow of proc.flows.values()) {
    const source = node(flow.sourceId);
    if (flow.condition !== undefined && source && source.type !== 'EXCLUSIVE_GATEWAY' && source.type !== 'INCLUSIVE_GATEWAY') {
      addFlow(
        flow,
        `has a condition but leaves '${source.id}' (${kindOfNode(source)}); conditions are only evaluated on flows ` +
          'leaving an exclusive or inclusive gateway. Remove the condition, or route the flow through such a gateway.',
      );
    }
  }

  checkLinks(proc, add);
}

function isNode(n: FlowNode | undefined): n is FlowNode {
  return n !== undefined;
}

function checkStartEvents(proc: ExecutableProcess, scope: FlowNode, add: (n: FlowNode, m: string) => void): void {
  const starts = scope.startEventIds.map((id) => proc.elements.get(id)).filter(isNode);
  if (scope.type === 'PROCESS' && starts.length === 0) {
    add(scope, 'must have at least one start event. Add a none start event (or a message, timer or signal start event).');
  }
  const none = starts.filter((s) => s.eventType === 'NONE');
  for (const extra of none.slice(1)) {
    add(
      extra,
      `is a second none start event in '${scope.id}'; only one is allowed per process or sub-process. ` +
        'Remove it, or give it a trigger (message, timer or signal).',
    );
  }
  if (scope.type === 'PROCESS') {
    checkDistinctTriggers(starts, (m) => add(scope, `its start events ${m}`));
  }
}

function checkEventSubProcessTriggers(proc: ExecutableProcess, scope: FlowNode, add: (n: FlowNode, m: string) => void): void {
  const starts = scope.eventSubProcessIds
    .map((id) => proc.elements.get(id)?.startEventIds[0])
    .map((id) => (id === undefined ? undefined : proc.elements.get(id)))
    .filter(isNode);
  checkDistinctTriggers(starts, (m) => add(scope, `the start events of its event sub-processes ${m}`));
}

/**
 * Events that wait side by side (boundary events of one activity, start events of one scope)
 * must not compete for the same message, signal, error or escalation: Zeebe could not tell
 * which one is meant. An error or escalation catch without code catches everything, so one is allowed.
 */
function checkDistinctTriggers(events: FlowNode[], report: (message: string) => void): void {
  const duplicates = (values: (string | undefined)[]) =>
    [...new Set(values.filter((v, i) => values.indexOf(v) !== i))];

  for (const name of duplicates(events.filter((e) => e.message).map((e) => e.message?.name))) {
    report(`wait for the message '${name}' more than once. Use a different message name for each.`);
  }
  for (const name of duplicates(events.filter((e) => e.signal).map((e) => e.signal?.name))) {
    report(`wait for the signal '${name}' more than once. Use a different signal for each.`);
  }
  for (const code of duplicates(events.filter((e) => e.error).map((e) => e.error?.errorCode))) {
    report(
      code === undefined
        ? 'include more than one error catch event without error code; one already catches all errors. Keep one, or give them error codes.'
        : `catch the error code '${code}' more than once. Keep one catch event per error code.`,
    );
  }
  for (const code of duplicates(events.filter((e) => e.escalation).map((e) => e.escalation?.escalationCode))) {
    report(
      code === undefined
        ? 'include more than one escalation catch event without escalation code; one already catches all. Keep one, or give them codes.'
        : `catch the escalation code '${code}' more than once. Keep one catch event per escalation code.`,
    );
  }
}

function checkConditionalGateway(
  proc: ExecutableProcess,
  gateway: FlowNode,
  add: (n: FlowNode, m: string) => void,
  addFlow: (f: SequenceFlow, m: string) => void,
): void {
  if (gateway.defaultFlowId !== undefined && !gateway.outgoing.includes(gateway.defaultFlowId)) {
    add(
      gateway,
      `its default flow '${gateway.defaultFlowId}' does not leave this gateway. Choose one of the gateway's outgoing flows as default.`,
    );
  }
  if (gateway.outgoing.length < 2) return;
  for (const id of gateway.outgoing) {
    const flow = proc.flows.get(id);
    if (flow && flow.condition === undefined && id !== gateway.defaultFlowId) {
      addFlow(
        flow,
        `leaves the ${gateway.type === 'EXCLUSIVE_GATEWAY' ? 'exclusive' : 'inclusive'} gateway '${gateway.id}' without a condition ` +
          "and is not its default flow. Add a condition, e.g. '=amount > 100', or mark it as the default flow.",
      );
    }
  }
}

function checkEventBasedGateway(proc: ExecutableProcess, gateway: FlowNode, add: (n: FlowNode, m: string) => void): void {
  if (gateway.outgoing.length < 2) {
    add(gateway, 'an event-based gateway needs at least two outgoing sequence flows, each to a catch event. Add another event.');
  }
  const targets: FlowNode[] = [];
  for (const id of gateway.outgoing) {
    const target = proc.elements.get(proc.flows.get(id)?.targetId ?? '');
    if (!target) continue;
    const waits = target.eventType === 'MESSAGE' || target.eventType === 'TIMER' || target.eventType === 'SIGNAL';
    if (target.type !== 'INTERMEDIATE_CATCH_EVENT' || !waits) {
      add(
        gateway,
        `leads to '${target.id}' (${kindOfNode(target)}); an event-based gateway can only lead to message, timer or signal ` +
          'intermediate catch events. Connect it to such events only.',
      );
      continue;
    }
    if (target.incoming.length > 1) {
      add(target, `follows the event-based gateway '${gateway.id}' and must have no other incoming sequence flows. Remove the others.`);
    }
    targets.push(target);
  }
  checkDistinctTriggers(targets, (m) => add(gateway, `its events ${m}`));
}

/**
 * Link events jump within one scope. Zeebe requires a catching event for every thrown link
 * name in the same scope, and catching link names unique within the whole process.
 */
function checkLinks(proc: ExecutableProcess, add: (n: FlowNode, m: string) => void): void {
  const catches = new Map<string, FlowNode>();
  for (const el of proc.elements.values()) {
    if (el.type !== 'INTERMEDIATE_CATCH_EVENT' || !el.link) continue;
    const first = catches.get(el.link.name);
    if (first) {
      add(el, `catches the link '${el.link.name}', which '${first.id}' catches already. Give each catching link event its own name.`);
    } else {
      catches.set(el.link.name, el);
    }
  }
  for (const el of proc.elements.values()) {
    if (el.type !== 'INTERMEDIATE_THROW_EVENT' || !el.link) continue;
    const target = catches.get(el.link.name);
    if (!target || target.flowScopeId !== el.flowScopeId) {
      add(
        el,
        `throws the link '${el.link.name}', but no link catch event of that name is in the same scope. ` +
          'Add a catching link event with the same name next to it.',
      );
    }
  }
}
