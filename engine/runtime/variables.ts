// Variables as Zeebe keeps them: each scope (an element instance) holds its own; a read looks
// from the scope outwards; a merge updates a variable where it already is, else creates it
// at the process instance (the root scope).

import type { Runtime } from './runtime.ts';

export function rootScopeOf(rt: Runtime, scopeKey: number): number {
  return rt.instance(scopeKey)?.processInstanceKey ?? scopeKey;
}

function parentScope(rt: Runtime, scopeKey: number): number {
  return rt.instance(scopeKey)?.flowScopeKey ?? -1;
}

export function localVariables(rt: Runtime, scopeKey: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, key] of rt.state.variablesByScope.get(scopeKey) ?? []) out[name] = rt.state.variables.get(key)!.value;
  return out;
}

/** Every variable visible from a scope, inner scopes shadowing outer ones. */
export function visibleVariables(rt: Runtime, scopeKey: number): Record<string, unknown> {
  const chain: number[] = [];
  for (let s = scopeKey; s !== -1; s = parentScope(rt, s)) chain.push(s);
  const out: Record<string, unknown> = {};
  for (let i = chain.length - 1; i >= 0; i--) Object.assign(out, localVariables(rt, chain[i]));
  return out;
}

export function setLocalVariable(rt: Runtime, scopeKey: number, name: string, value: unknown): void {
  const { state } = rt;
  const existingKey = state.variablesByScope.get(scopeKey)?.get(name);
  const existing = existingKey === undefined ? undefined : state.variables.get(existingKey);
  const processInstanceKey = rootScopeOf(rt, scopeKey);
  if (existing) {
    if (JSON.stringify(existing.value) === JSON.stringify(value)) return; // Zeebe writes no record for an unchanged value
    state.variables.put(existing.key, { ...existing, value });
    rt.record('VARIABLE', 'UPDATED', existing.key, { name, value, scopeKey, processInstanceKey }, processInstanceKey);
    return;
  }
  const key = rt.newKey();
  state.variables.put(key, { key, scopeKey, processInstanceKey, name, value });
  rt.record('VARIABLE', 'CREATED', key, { name, value, scopeKey, processInstanceKey }, processInstanceKey);
}

export function setLocalVariables(rt: Runtime, scopeKey: number, document: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(document)) setLocalVariable(rt, scopeKey, name, value);
}

/** Zeebe's "merge document": each variable goes to the closest scope that has it, else to the root. */
export function mergeVariables(rt: Runtime, scopeKey: number, document: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(document)) {
    let target = -1;
    let root = scopeKey;
    for (let s = scopeKey; s !== -1; s = parentScope(rt, s)) {
      root = s;
      if (rt.state.variablesByScope.get(s)?.has(name)) {
        target = s;
        break;
      }
    }
    setLocalVariable(rt, target === -1 ? root : target, name, value);
  }
}

/** Removes a scope's variables with the scope (Zeebe deletes them without a record). */
export function dropScopeVariables(rt: Runtime, scopeKey: number): void {
  for (const key of [...(rt.state.variablesByScope.get(scopeKey)?.values() ?? [])]) rt.state.variables.delete(key);
}
