// zeebe:input / zeebe:output mappings. Like Zeebe, the mappings of an element form one FEEL
// context, so a later mapping may read what an earlier one produced; a target may be a path.

import type { Mapping } from '../model/index.ts';
import { evaluateAttribute } from '../feel/index.ts';

export function evaluateMappings(mappings: Mapping[], context: Record<string, unknown>, now: number): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const mapping of mappings) {
    const value = evaluateAttribute(mapping.source, { ...context, ...result }, now);
    const path = mapping.target.split('.');
    const [head, ...rest] = path;
    if (rest.length === 0) {
      result[head] = value;
      continue;
    }
    const base = (result[head] ?? context[head]) as Record<string, unknown> | undefined;
    result[head] = setPath(base && typeof base === 'object' && !Array.isArray(base) ? base : {}, rest, value);
  }
  return result;
}

function setPath(target: Record<string, unknown>, path: string[], value: unknown): Record<string, unknown> {
  const [head, ...rest] = path;
  if (rest.length === 0) return { ...target, [head]: value };
  const inner = target[head];
  return { ...target, [head]: setPath(inner && typeof inner === 'object' && !Array.isArray(inner) ? (inner as Record<string, unknown>) : {}, rest, value) };
}
