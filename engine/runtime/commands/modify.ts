// ModifyProcessInstance: an operator moves a running instance by hand — activate elements
// (creating the sub-process scopes around them as needed, with variables) and terminate
// element instances. Everything is checked before anything changes. A scope left with
// nothing inside after the terminations is terminated too, up to the process instance.

import type { ExecutableProcess, FlowNode } from '../../model/index.ts';
import { reject } from '../rejection.ts';
import type { ElementInstanceRow } from '../rows.ts';
import type { Runtime } from '../runtime.ts';
import { createElementInstance, markActivated, openSubscriptionsOrIncident, runActivation, terminateElement } from '../lifecycle.ts';
import { setLocalVariables } from '../variables.ts';
import { tokensWaiting } from '../joins.ts';

export interface ActivateInstruction {
  elementId: string;
  ancestorElementInstanceKey?: number;
  variableInstructions: Array<{ scopeId: string; variables: Record<string, unknown> }>;
}

const INTENT = 'MODIFY';

/** The flow scopes of an element, outermost first (excluding the process). */
function scopeChain(process: ExecutableProcess, node: FlowNode): FlowNode[] {
  const chain: FlowNode[] = [];
  for (let id = node.flowScopeId; id && id !== process.id; id = process.elements.get(id)!.flowScopeId) chain.unshift(process.elements.get(id)!);
  return chain;
}

function instancesOf(rt: Runtime, root: ElementInstanceRow): ElementInstanceRow[] {
  const all: ElementInstanceRow[] = [];
  const walk = (key: number) => {
    for (const child of rt.state.childKeys(key)) {
      const row = rt.instance(child)!;
      all.push(row);
      walk(child);
    }
  };
  walk(root.key);
  return all;
}

function check(rt: Runtime, root: ElementInstanceRow, activations: ActivateInstruction[], terminations: number[]): void {
  const process = rt.process(root.processDefinitionKey);
  for (const a of activations) {
    const node = process.elements.get(a.elementId);
    if (!node) reject('INVALID_ARGUMENT', INTENT, `Expected to modify instance of process '${root.bpmnProcessId}' but it contains one or more activate instructions with an element that could not be found: '${a.elementId}'`);
    if (node.type === 'BOUNDARY_EVENT' || node.type === 'PROCESS') {
      reject('INVALID_ARGUMENT', INTENT, `Expected to modify instance of process '${root.bpmnProcessId}' but it contains one or more activate instructions for an element that cannot be activated directly: '${a.elementId}' (${node.type})`);
    }
    const chain = scopeChain(process, node);
    if (chain.some((s) => s.multiInstance)) {
      reject('INVALID_ARGUMENT', INTENT, `Expected to modify instance of process '${root.bpmnProcessId}' but the element '${a.elementId}' is inside a multi-instance activity; activate the multi-instance activity instead`);
    }
    const scopeIds = new Set(['', process.id, a.elementId, ...chain.map((s) => s.id)]);
    for (const v of a.variableInstructions) {
      if (!scopeIds.has(v.scopeId)) reject('INVALID_ARGUMENT', INTENT, `Expected to modify instance of process '${root.bpmnProcessId}' but it contains one or more variable instructions with a scope element id that is not the element or one of its flow scopes: '${v.scopeId}'`);
    }
    if (a.ancestorElementInstanceKey) {
      const ancestor = rt.instance(a.ancestorElementInstanceKey);
      if (!ancestor || ancestor.processInstanceKey !== root.key) reject('INVALID_ARGUMENT', INTENT, `Expected to modify instance of process '${root.bpmnProcessId}' but it contains an activate instruction with an ancestor scope key '${a.ancestorElementInstanceKey}' that is not an active element instance of it`);
      if (ancestor.elementId !== root.elementId && !chain.some((s) => s.id === ancestor.elementId)) {
        reject('INVALID_ARGUMENT', INTENT, `Expected to modify instance of process '${root.bpmnProcessId}' but the ancestor '${a.ancestorElementInstanceKey}' (${ancestor.elementId}) is not a flow scope of '${a.elementId}'`);
      }
    } else {
      for (const s of chain) {
        const active = instancesOf(rt, root).filter((i) => i.elementId === s.id);
        if (active.length > 1) reject('INVALID_ARGUMENT', INTENT, `Expected to modify instance of process '${root.bpmnProcessId}' but it contains an activate instruction for '${a.elementId}' whose flow scope '${s.id}' is active more than once; give the ancestorElementInstanceKey`);
      }
    }
  }
  for (const key of terminations) {
    const instance = rt.instance(key);
    if (!instance || instance.processInstanceKey !== root.key || instance.type === 'PROCESS') {
      reject('INVALID_ARGUMENT', INTENT, `Expected to modify instance of process '${root.bpmnProcessId}' but it contains one or more terminate instructions with an element instance that could not be found: '${key}'`);
    }
  }
}

/** The scope instance to activate an element in: the given ancestor, an active one, or new ones. */
function scopeFor(rt: Runtime, root: ElementInstanceRow, process: ExecutableProcess, node: FlowNode, ancestorKey?: number): ElementInstanceRow {
  const chain = scopeChain(process, node);
  let scope = root;
  let start = 0;
  if (ancestorKey) {
    scope = rt.instance(ancestorKey)!;
    start = chain.findIndex((s) => s.id === scope.elementId) + 1;
  }
  for (const s of chain.slice(start)) {
    const existing = rt.state.childKeys(scope.key).map((k) => rt.instance(k)!).find((i) => i.elementId === s.id && i.state === 'ACTIVATED');
    if (existing) {
      scope = existing;
      continue;
    }
    // A new scope without its start event: only the instructed element runs inside it.
    const created = createElementInstance(rt, s, scope);
    if (!openSubscriptionsOrIncident(rt, created, s)) return created;
    scope = markActivated(rt, created);
  }
  return scope;
}

export function modifyProcessInstance(rt: Runtime, processInstanceKey: number, activations: ActivateInstruction[], terminations: number[]): void {
  const root = rt.instance(processInstanceKey);
  if (!root || root.type !== 'PROCESS') reject('NOT_FOUND', INTENT, `Expected to modify process instance but no process instance found with key '${processInstanceKey}'`);
  check(rt, root, activations, terminations);
  const process = rt.process(root.processDefinitionKey);

  for (const a of activations) {
    const node = process.elements.get(a.elementId)!;
    const scope = scopeFor(rt, rt.instance(root.key)!, process, node, a.ancestorElementInstanceKey);
    const created = createElementInstance(rt, node, scope);
    for (const v of a.variableInstructions) {
      const target = v.scopeId === a.elementId ? created : findScope(rt, created, v.scopeId, process.id);
      setLocalVariables(rt, target.key, v.variables);
    }
    runActivation(rt, created);
  }
  for (const key of terminations) {
    const instance = rt.instance(key);
    if (!instance) continue; // ended with an earlier instruction
    const scopeKey = instance.flowScopeKey;
    terminateElement(rt, instance);
    terminateEmptyScopes(rt, scopeKey);
  }
  rt.record('PROCESS_INSTANCE_MODIFICATION', 'MODIFIED', processInstanceKey, { activateInstructions: activations.map((a) => a.elementId), terminateInstructions: terminations }, processInstanceKey);
}

function findScope(rt: Runtime, from: ElementInstanceRow, scopeId: string, processId: string): ElementInstanceRow {
  let current: ElementInstanceRow | undefined = rt.instance(from.flowScopeKey);
  while (current) {
    if (current.elementId === scopeId || ((scopeId === '' || scopeId === processId) && current.type === 'PROCESS')) return current;
    current = rt.instance(current.flowScopeKey);
  }
  return rt.instance(from.processInstanceKey)!;
}

function terminateEmptyScopes(rt: Runtime, scopeKey: number): void {
  let scope = rt.instance(scopeKey);
  while (scope && scope.state === 'ACTIVATED' && (rt.state.children.get(scope.key)?.size ?? 0) === 0 && !tokensWaiting(scope)) {
    const parentKey = scope.flowScopeKey;
    terminateElement(rt, scope);
    scope = parentKey === -1 ? undefined : rt.instance(parentKey);
  }
}
