// Zeebe refuses processes with a "straight-through processing loop": a cycle of elements that
// never wait (undefined and manual tasks, gateways, FEEL script tasks, ...). Such a loop would
// keep the single processing loop busy forever. Same rule as Zeebe's
// StraightThroughProcessingLoopValidator, found here with strongly connected components.

import type { BpmnElementType, ExecutableProcess, FlowNode } from './types.ts';
import type { Issues } from './issues.ts';
import { kindOfNode } from './element-kinds.ts';

/** Elements that complete without waiting, so a path can run on through them. */
function isStraightThrough(node: FlowNode): boolean {
  switch (node.type) {
    case 'MANUAL_TASK':
    case 'TASK':
    case 'EXCLUSIVE_GATEWAY':
    case 'INCLUSIVE_GATEWAY':
    case 'PARALLEL_GATEWAY':
    case 'START_EVENT':
    case 'END_EVENT':
    case 'SUB_PROCESS':
    case 'CALL_ACTIVITY':
    case 'INTERMEDIATE_THROW_EVENT':
      return true;
    case 'SCRIPT_TASK':
      return node.script !== undefined;
    case 'BUSINESS_RULE_TASK':
      return node.calledDecision !== undefined;
    default:
      return false;
  }
}

/** A loop is refused only when it holds one of these; loops of gateways alone are let through, as in Zeebe. */
const REJECTED: ReadonlySet<BpmnElementType> = new Set<BpmnElementType>([
  'MANUAL_TASK',
  'TASK',
  'CALL_ACTIVITY',
  'INTERMEDIATE_THROW_EVENT',
  'SCRIPT_TASK',
  'BUSINESS_RULE_TASK',
]);

interface Ref {
  proc: ExecutableProcess;
  node: FlowNode;
}

export function checkStraightThroughLoops(processes: ExecutableProcess[], issues: Issues): void {
  const key = (r: Ref) => `${r.proc.id}\u0000${r.node.id}`;
  const refs = new Map<string, Ref>();
  for (const proc of processes) for (const node of proc.elements.values()) refs.set(key({ proc, node }), { proc, node });

  const next = (r: Ref): Ref[] => (isStraightThrough(r.node) ? successors(r, processes) : []);
  for (const component of stronglyConnected([...refs.values()], next, key)) {
    const looping = component.length > 1 || next(component[0]).some((n) => key(n) === key(component[0]));
    const first = component.find((r) => REJECTED.has(r.node.type));
    if (!looping || !first) continue;
    const path = cycleThrough(first, new Set(component.map(key)), next, key).map((r) => r.node.id);
    issues.add(
      first.node.id,
      kindOfNode(first.node),
      `is part of a loop in which nothing waits (${path.join(' > ')}), which would run forever. ` +
        'Zeebe refuses such loops: add a wait state to the loop, e.g. a user task, service task or timer event.',
    );
  }
}

function successors({ proc, node }: Ref, processes: ExecutableProcess[]): Ref[] {
  const at = (p: ExecutableProcess, id: string | undefined): Ref[] => {
    const n = id === undefined ? undefined : p.elements.get(id);
    return n ? [{ proc: p, node: n }] : [];
  };
  const noneStart = (p: ExecutableProcess, scope: FlowNode | undefined): Ref[] =>
    at(p, scope?.startEventIds.find((id) => p.elements.get(id)?.eventType === 'NONE'));

  if (node.type === 'SUB_PROCESS') return noneStart(proc, node);
  if (node.type === 'CALL_ACTIVITY') {
    // Only a static call into this same resource can be followed, as in Zeebe.
    const called = processes.find((p) => p.id === node.calledElement?.processId);
    return called ? noneStart(called, called.elements.get(called.id)) : [];
  }
  const leaving = node.outgoing.length > 0 ? node.outgoing : (proc.elements.get(node.flowScopeId)?.outgoing ?? []);
  return leaving.flatMap((flowId) => at(proc, proc.flows.get(flowId)?.targetId));
}

/** Tarjan's algorithm, iterative so long chains cannot overflow the stack. */
function stronglyConnected<T>(nodes: T[], next: (n: T) => T[], key: (n: T) => string): T[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: T[] = [];
  const result: T[][] = [];
  let counter = 0;

  for (const root of nodes) {
    if (index.has(key(root))) continue;
    const work: { node: T; children: T[]; i: number }[] = [];
    const enter = (n: T) => {
      const k = key(n);
      index.set(k, counter);
      low.set(k, counter);
      counter++;
      stack.push(n);
      onStack.add(k);
      work.push({ node: n, children: next(n), i: 0 });
    };
    enter(root);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const k = key(frame.node);
      if (frame.i < frame.children.length) {
        const child = frame.children[frame.i++];
        const ck = key(child);
        if (!index.has(ck)) enter(child);
        else if (onStack.has(ck)) low.set(k, Math.min(low.get(k)!, index.get(ck)!));
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = key(work[work.length - 1].node);
        low.set(parent, Math.min(low.get(parent)!, low.get(k)!));
      }
      if (low.get(k) === index.get(k)) {
        const component: T[] = [];
        let member: T;
        do {
          member = stack.pop()!;
          onStack.delete(key(member));
          component.push(member);
        } while (key(member) !== k);
        result.push(component.reverse());
      }
    }
  }
  return result;
}

/** A shortest cycle from `start` back to itself within its component, for the message. */
function cycleThrough<T>(start: T, within: Set<string>, next: (n: T) => T[], key: (n: T) => string): T[] {
  const previous = new Map<string, T>();
  const queue: T[] = [start];
  const seen = new Set<string>();
  while (queue.length > 0) {
    const current = queue.shift()!;
    for (const child of next(current)) {
      const ck = key(child);
      if (!within.has(ck)) continue;
      if (ck === key(start)) {
        const path = [current];
        while (key(path[0]) !== key(start)) path.unshift(previous.get(key(path[0]))!);
        return [...path, start];
      }
      if (seen.has(ck)) continue;
      seen.add(ck);
      previous.set(ck, current);
      queue.push(child);
    }
  }
  return [start];
}
