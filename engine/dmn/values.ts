// FEEL values at the edges of a decision: typed comparison for unary tests, equality for hit policy ANY, and the
// 'ValString(x)' notation dmn-scala uses in its failure messages.

import { evaluate, FeelDate, FeelDateTime, FeelDuration, FeelTime, isFunction, isRange } from 'feelin';
import { toJson } from '../feel/index.ts';

export { toJson };

/**
 * Orders two FEEL values of the same type: -1, 0, 1, or null when they are not comparable
 * (different types, null, booleans, lists). feelin orders mixed types as equal, which would
 * let '"abc"' match '>= 18'; FEEL (and Camunda) say null, so the rule does not match.
 */
export function compare(a: unknown, b: unknown): number | null {
  if (typeof a === 'number' && typeof b === 'number') return Math.sign(a - b);
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (!sameTemporalType(a, b)) return null;
  const less = evaluate('a < b', { a, b }).value;
  const greater = evaluate('a > b', { a, b }).value;
  if (typeof less !== 'boolean' || typeof greater !== 'boolean') return null;
  return less ? -1 : greater ? 1 : 0;
}

function sameTemporalType(a: unknown, b: unknown): boolean {
  if (a instanceof FeelDate) return b instanceof FeelDate;
  if (a instanceof FeelDateTime) return b instanceof FeelDateTime;
  if (a instanceof FeelTime) return b instanceof FeelTime;
  if (a instanceof FeelDuration) return b instanceof FeelDuration && a.yearsMonths === b.yearsMonths;
  return false;
}

/** Structural equality of two values after JSON conversion (hit policy ANY). */
export function sameValue(a: unknown, b: unknown): boolean {
  return jsonEqual(toJson(a), toJson(b));
}

function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => jsonEqual(item, b[i]));
  }
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    const ob = b as Record<string, unknown>;
    return ka.length === kb.length && ka.every((k) => k in ob && jsonEqual((a as Record<string, unknown>)[k], ob[k]));
  }
  return false;
}

/** dmn-scala's rendering of a value in failure messages, e.g. ValString(Steak). */
export function describe(value: unknown): string {
  if (value === null || value === undefined) return 'ValNull';
  if (typeof value === 'string') return `ValString(${value})`;
  if (typeof value === 'number' || typeof value === 'bigint') return `ValNumber(${value})`;
  if (typeof value === 'boolean') return `ValBoolean(${value})`;
  if (value instanceof FeelDate) return `ValDate(${toJson(value)})`;
  if (value instanceof FeelDateTime) return `${value.zone === null ? 'ValLocalDateTime' : 'ValDateTime'}(${toJson(value)})`;
  if (value instanceof FeelTime) return `${value.zone === null ? 'ValLocalTime' : 'ValTime'}(${toJson(value)})`;
  if (value instanceof FeelDuration) return `${value.yearsMonths ? 'ValYearMonthDuration' : 'ValDayTimeDuration'}(${toJson(value)})`;
  if (Array.isArray(value)) return `ValList(List(${value.map(describe).join(', ')}))`;
  if (isFunction(value)) return 'ValFunction';
  if (isRange(value)) return `ValRange(${String(value)})`;
  if (typeof value === 'object') return `ValContext(${describeEntries(value as Record<string, unknown>)})`;
  return String(value);
}

/** A map of output name to value as Scala prints it: Map(dish -> ValString(Steak)). */
export function describeEntries(entries: Record<string, unknown>): string {
  return `Map(${Object.entries(entries).map(([k, v]) => `${k} -> ${describe(v)}`).join(', ')})`;
}
