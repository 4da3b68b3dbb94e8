// Expression-capable attributes that must give a string (job type, called decision or process,
// signal name, error and escalation code): anything else is an incident on the element.

import { evaluateAttribute, feelTypeName } from '../feel/index.ts';
import { createIncident } from './incidents.ts';
import type { ElementInstanceRow } from './rows.ts';
import type { Runtime } from './runtime.ts';
import { visibleVariables } from './variables.ts';

export function stringOrIncident(rt: Runtime, instance: ElementInstanceRow, expression: string, context = visibleVariables(rt, instance.key)): string | undefined {
  let value: unknown;
  try {
    value = evaluateAttribute(expression, context, rt.now);
  } catch (err) {
    createIncident(rt, instance, 'EXTRACT_VALUE_ERROR', (err as Error).message);
    return undefined;
  }
  if (typeof value === 'string' && value !== '') return value;
  createIncident(rt, instance, 'EXTRACT_VALUE_ERROR', `Expected result of the expression '${expression}' to be 'STRING', but was '${feelTypeName(value)}'.`);
  return undefined;
}
