// Joining gateways. Tokens that arrive wait on the flow scope, per incoming flow. A parallel
// join fires when every incoming flow has one; an inclusive join also fires when nothing still
// active in the scope can reach it any more (Zeebe 8.8's inclusive join).

import type { ExecutableProcess, FlowNode } from '../model/index.ts';
import { activateElement } from './lifecycle.ts';
import type { ElementInstanceRow } from './rows.ts';
import type { Runtime } from './runtime.ts';

export function tokensWaiting(scope: ElementInstanceRow): boolean {
  return Object.values(scope.joinTokens ?? {}).some((n) => n > 0);
}

function tokenCount(scope: ElementInstanceRow, gatewayId: string, flowId: string): number {
  return scope.joinTokens?.[`${gatewayId} ${flowId}`] ?? 0;
}

export function pendingInclusiveJoins(rt: Runtime, scope: ElementInstanceRow): FlowNode[] {
  const process = rt.process(scope.processDefinitionKey);
  const ids = new Set(
    Object.entries(scope.joinTokens ?? {})
      .filter(([, n]) => n > 0)
      .map(([k]) => k.split(' ')[0]),
  );
  return [...ids].map((id) => process.elements.get(id)!).filter((n) => n.type === 'INCLUSIVE_GATEWAY');
}

export function activateJoinIfReady(rt: Runtime, scope: ElementInstanceRow, gateway: FlowNode): void {
  const arrived = gateway.incoming.filter((f) => tokenCount(scope, gateway.id, f) > 0);
  if (arrived.length === 0) return;
  if (arrived.length < gateway.incoming.length) {
    if (gateway.type !== 'INCLUSIVE_GATEWAY' || somethingCanStillReach(rt, scope, gateway)) return;
  }
  const tokens = { ...scope.joinTokens };
  for (const flowId of arrived) {
    const k = `${gateway.id} ${flowId}`;
    if (--tokens[k] <= 0) delete tokens[k];
  }
  const updated = rt.update(scope, { joinTokens: Object.keys(tokens).length ? tokens : undefined });
  activateElement(rt, gateway, updated);
}

function somethingCanStillReach(rt: Runtime, scope: ElementInstanceRow, gateway: FlowNode): boolean {
  const process = rt.process(scope.processDefinitionKey);
  for (const childKey of rt.state.children.get(scope.key) ?? []) {
    const child = rt.instance(childKey)!;
    if (reaches(process, child.elementId, gateway.id)) return true;
  }
  for (const [k, n] of Object.entries(scope.joinTokens ?? {})) {
    const otherGateway = k.split(' ')[0];
    if (n > 0 && otherGateway !== gateway.id && reaches(process, otherGateway, gateway.id)) return true;
  }
  return false;
}

const reachCache = new WeakMap<ExecutableProcess, Map<string, boolean>>();

/** Whether a path of sequence flows (or boundary events) leads from one element to another. */
function reaches(process: ExecutableProcess, fromId: string, toId: string): boolean {
  let cache = reachCache.get(process);
  if (!cache) reachCache.set(process, (cache = new Map()));
  const cacheKey = `${fromId} ${toId}`;
  const known = cache.get(cacheKey);
  if (known !== undefined) return known;
  const seen = new Set<string>([fromId]);
  const queue = [fromId];
  let found = false;
  while (queue.length && !found) {
    const node = process.elements.get(queue.shift()!)!;
    const next = [...node.outgoing.map((f) => process.flows.get(f)!.targetId), ...node.boundaryEventIds];
    for (const id of next) {
      if (id === toId) found = true;
      else if (!seen.has(id)) {
        seen.add(id);
        queue.push(id);
      }
    }
  }
  cache.set(cacheKey, found);
  return found;
}
