// Multi-instance activities, as Zeebe runs them: a body (MULTI_INSTANCE_BODY, with the
// activity's id) holds one inner instance per item of the input collection, in parallel or
// one after the other. Each inner instance gets the item and loopCounter as locals; its
// outputElement lands at its index of the output collection; the completion condition may
// end the body early. Boundary events belong to the body, event sub-processes to the inner.

import type { FlowNode } from '../../model/index.ts';
import { evaluateFeel, expressionBody, feelTypeName } from '../../feel/index.ts';
import { createIncident } from '../incidents.ts';
import { completeElement, createElementInstance, markActivated, runActivation, terminateElement } from '../lifecycle.ts';
import type { ElementInstanceRow } from '../rows.ts';
import type { Runtime } from '../runtime.ts';
import { localVariables, mergeVariables, setLocalVariable, visibleVariables } from '../variables.ts';
import type { ElementBehavior } from './behavior.ts';

/** The body an inner instance belongs to, if it is one. */
export function bodyOf(rt: Runtime, instance: ElementInstanceRow): ElementInstanceRow | undefined {
  const parent = rt.instance(instance.flowScopeKey);
  return parent?.type === 'MULTI_INSTANCE_BODY' && parent.elementId === instance.elementId ? parent : undefined;
}

function startInner(rt: Runtime, body: ElementInstanceRow, node: FlowNode, index: number): ElementInstanceRow {
  const mi = node.multiInstance!;
  const state = body.multiInstance!;
  const updated = rt.update(body, { multiInstance: { ...state, started: state.started + 1 } });
  const inner = createElementInstance(rt, node, updated);
  if (mi.inputElement) setLocalVariable(rt, inner.key, mi.inputElement, state.items[index] ?? null);
  setLocalVariable(rt, inner.key, 'loopCounter', index + 1);
  return inner;
}

function runInners(rt: Runtime, inners: ElementInstanceRow[]): void {
  for (const inner of inners) {
    const current = rt.instance(inner.key);
    if (current?.state === 'ACTIVATING') runActivation(rt, current);
  }
}

export const multiInstanceBody: ElementBehavior = {
  activate(rt, body, node) {
    const mi = node.multiInstance!;
    let items: unknown;
    try {
      items = evaluateFeel(expressionBody(mi.inputCollection), visibleVariables(rt, body.key), rt.now);
    } catch (err) {
      createIncident(rt, body, 'EXTRACT_VALUE_ERROR', (err as Error).message);
      return;
    }
    if (!Array.isArray(items)) {
      createIncident(rt, body, 'EXTRACT_VALUE_ERROR', `Expected result of the expression '${expressionBody(mi.inputCollection)}' to be 'ARRAY', but was '${feelTypeName(items)}'.`);
      return;
    }
    if (mi.outputCollection) setLocalVariable(rt, body.key, mi.outputCollection, items.map(() => null));
    let active = rt.update(markActivated(rt, body), { multiInstance: { items, started: 0, completed: 0, terminated: 0 } });
    if (items.length === 0) return completeElement(rt, active);
    const inners: ElementInstanceRow[] = [];
    for (let i = 0; i < (mi.sequential ? 1 : items.length); i++) {
      inners.push(startInner(rt, active, node, i));
      active = rt.instance(active.key)!;
    }
    runInners(rt, inners);
  },
};

/** Before an inner instance ends: its outputElement, and whether the completion condition is met. */
export function collectInnerResult(rt: Runtime, body: ElementInstanceRow, inner: ElementInstanceRow, node: FlowNode): void {
  const mi = node.multiInstance!;
  const context = visibleVariables(rt, inner.key);
  const state = body.multiInstance!;
  if (mi.outputCollection && mi.outputElement) {
    const index = Number(localVariables(rt, inner.key).loopCounter) - 1;
    const collection = [...((localVariables(rt, body.key)[mi.outputCollection] as unknown[]) ?? [])];
    collection[index] = evaluateFeel(expressionBody(mi.outputElement), context, rt.now);
    setLocalVariable(rt, body.key, mi.outputCollection, collection);
  }
  let conditionMet = false;
  if (mi.completionCondition) {
    const completed = state.completed + 1;
    const counters = {
      numberOfInstances: state.items.length,
      numberOfActiveInstances: (rt.state.children.get(body.key)?.size ?? 1) - 1,
      numberOfCompletedInstances: completed,
      numberOfTerminatedInstances: state.terminated,
    };
    const result = evaluateFeel(expressionBody(mi.completionCondition), { ...context, ...counters }, rt.now);
    if (result !== true && result !== false && result !== null) {
      throw new Error(`Expected result of the expression '${expressionBody(mi.completionCondition)}' to be 'BOOLEAN', but was '${feelTypeName(result)}'.`);
    }
    conditionMet = result === true;
  }
  rt.update(body, { multiInstance: { ...state, completed: state.completed + 1, conditionMet } });
}

/** After an inner instance completed: start the next, end early, or complete the body. */
export function innerCompleted(rt: Runtime, body: ElementInstanceRow, node: FlowNode): void {
  const state = body.multiInstance!;
  if (state.conditionMet) {
    let terminated = 0;
    for (const key of rt.state.childKeys(body.key)) {
      const child = rt.instance(key);
      if (child) {
        terminateElement(rt, child);
        terminated++;
      }
    }
    const current = rt.instance(body.key)!;
    return completeElement(rt, rt.update(current, { multiInstance: { ...current.multiInstance!, terminated: state.terminated + terminated } }));
  }
  if (node.multiInstance!.sequential && state.started < state.items.length) {
    runInners(rt, [startInner(rt, body, node, state.started)]);
    return;
  }
  if ((rt.state.children.get(body.key)?.size ?? 0) === 0) completeElement(rt, body);
}

/** When the body completes, its output collection goes to the scope around it. */
export function propagateOutputCollection(rt: Runtime, body: ElementInstanceRow, node: FlowNode): void {
  const name = node.multiInstance!.outputCollection;
  if (!name) return;
  mergeVariables(rt, body.flowScopeKey, { [name]: localVariables(rt, body.key)[name] ?? [] });
}
