// FEEL for the engine, through feelin. Expression-capable attributes are written '=expr';
// anything else is a static value. now()/today() read the engine's clock, not the machine's.

import { evaluate, dateAndTime, date } from 'feelin';
import { toJson } from './json.ts';

export { toJson };

/** Camunda's FEEL dialect: backtick names, multi-line strings. */
export const DIALECT = 'camunda';

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

/** The variables plus now() and today() on the engine's clock. */
export function clockScope(context: FeelContext, now: number): FeelContext {
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
    result = evaluate(expression, clockScope(context, now), DIALECT);
  } catch (err) {
    throw new FeelError(`failed to evaluate expression '${expression}': ${(err as Error).message}`);
  }
  return toJson(result.value);
}

/** An expression-capable attribute: FEEL when it starts with '=', else the static string. */
export function evaluateAttribute(value: string, context: FeelContext, now: number): unknown {
  return isExpression(value) ? evaluateFeel(expressionBody(value), context, now) : value;
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
