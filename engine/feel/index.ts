// FEEL for the engine, through feelin. Expression-capable attributes are written '=expr';
// anything else is a static value. now()/today() read the engine's clock, not the machine's.

import { evaluate, unaryTest, dateAndTime, date, FeelDate, FeelDateTime, FeelDuration, FeelTime, isFunction, isRange } from 'feelin';

export type FeelContext = Record<string, unknown>;

export class FeelError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FeelError';
  }
}

export function isExpression(value: string | undefined): boolean {
  return typeof value === 'string' && value.trimStart().startsWith('=');
}

export function expressionBody(value: string): string {
  return value.trimStart().slice(1);
}

function withClock(context: FeelContext, now: number): FeelContext {
  const iso = new Date(now).toISOString();
  return {
    ...context,
    now: () => dateAndTime(iso),
    today: () => date(iso.slice(0, 10)),
  };
}

/** Evaluates a FEEL expression (without the leading '=') and returns a JSON-friendly value. */
export function evaluateFeel(expression: string, context: FeelContext, now: number): unknown {
  let result;
  try {
    result = evaluate(expression, withClock(context, now));
  } catch (err) {
    throw new FeelError(`failed to evaluate expression '${expression}': ${(err as Error).message}`);
  }
  return toJson(result.value);
}

/** An expression-capable attribute: FEEL when it starts with '=', else the static string. */
export function evaluateAttribute(value: string, context: FeelContext, now: number): unknown {
  return isExpression(value) ? evaluateFeel(expressionBody(value), context, now) : value;
}

export function evaluateUnaryTest(test: string, input: unknown, context: FeelContext, now: number): boolean {
  try {
    return unaryTest(test, { ...withClock(context, now), '?': input }).value === true;
  } catch (err) {
    throw new FeelError(`failed to evaluate unary test '${test}': ${(err as Error).message}`);
  }
}

/** A readable FEEL type name, for incident messages as Zeebe writes them ('BOOLEAN', 'NULL', ...). */
export function feelTypeName(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'boolean') return 'BOOLEAN';
  if (typeof value === 'number') return 'NUMBER';
  if (typeof value === 'string') return 'STRING';
  if (Array.isArray(value)) return 'ARRAY';
  return 'OBJECT';
}

/** FEEL values to what Zeebe stores in variables: temporal values as ISO strings. */
export function toJson(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof FeelDate || value instanceof FeelTime || value instanceof FeelDateTime || value instanceof FeelDuration) {
    return String(value);
  }
  if (isFunction(value) || isRange(value)) return null;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (Array.isArray(value)) return value.map(toJson);
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = toJson(v);
    return out;
  }
  return value;
}
