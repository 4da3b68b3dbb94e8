// Turns the matched rules of a decision table into its result, as dmn-scala's
// DecisionTableEvaluator does: single-hit policies give one value (or a context for several
// outputs), multi-hit policies a list; violations are failures, not exceptions.

import type { CompiledRule, CompiledTable } from './types.ts';
import { describe, describeEntries, sameValue } from './values.ts';

/** A matched rule with its output values in output column order. */
export interface Row {
  rule: CompiledRule;
  values: unknown[];
}

export type HitResult = { value: unknown } | { failure: string };

/** `rows` is not empty: no match yields the default output entries before we get here. */
export function applyHitPolicy(table: CompiledTable, rows: Row[]): HitResult {
  switch (table.hitPolicy) {
    case 'FIRST':
      return { value: single(table, rows[0]) };
    case 'UNIQUE':
      if (rows.length > 1) {
        return { failure: `multiple values aren't allowed for UNIQUE hit policy. found: '${found(table, rows)}'${ruleIds(rows)}` };
      }
      return { value: single(table, rows[0]) };
    case 'ANY': {
      const distinct = rows.filter((row, i) => rows.findIndex((other) => sameValue(other.values, row.values)) === i);
      if (distinct.length > 1) {
        return { failure: `different values aren't allowed for ANY hit policy. found: '${found(table, distinct)}'${ruleIds(rows)}` };
      }
      return { value: single(table, rows[0]) };
    }
    case 'PRIORITY':
      return { value: single(table, byPriority(table, rows)[0]) };
    case 'OUTPUT ORDER':
      return { value: list(table, byPriority(table, rows)) };
    case 'RULE ORDER':
      return { value: list(table, rows) };
    case 'COLLECT':
      return collect(table, rows);
  }
}

function collect(table: CompiledTable, rows: Row[]): HitResult {
  if (table.aggregation === undefined) return { value: list(table, rows) };
  if (table.aggregation === 'COUNT') return { value: rows.length };
  const numbers: number[] = [];
  for (const row of rows) {
    const value = row.values[0];
    if (typeof value !== 'number') return { failure: `expected number but found '${describe(value)}'` };
    numbers.push(value);
  }
  if (table.aggregation === 'SUM') return { value: numbers.reduce((sum, n) => sum + n, 0) };
  if (table.aggregation === 'MIN') return { value: Math.min(...numbers) };
  return { value: Math.max(...numbers) };
}

function entries(table: CompiledTable, row: Row): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  table.outputs.forEach((output, i) => {
    out[output.name] = row.values[i];
  });
  return out;
}

function single(table: CompiledTable, row: Row): unknown {
  return table.outputs.length === 1 ? row.values[0] : entries(table, row);
}

function list(table: CompiledTable, rows: Row[]): unknown[] {
  return rows.map((row) => single(table, row));
}

// Rows ordered by the position of their values in each output's outputValues, first output
// first; a value not listed there ranks last. Stable, so equal ranks keep rule order.
function byPriority(table: CompiledTable, rows: Row[]): Row[] {
  const rank = (row: Row) =>
    table.outputs.map((output, i) => {
      const value = row.values[i];
      const text = typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
      const at = text === undefined ? -1 : output.priorities.indexOf(text);
      return at < 0 ? Number.POSITIVE_INFINITY : at;
    });
  const ranked = rows.map((row) => ({ row, key: rank(row) }));
  ranked.sort((a, b) => {
    for (let i = 0; i < a.key.length; i++) {
      if (a.key[i] !== b.key[i]) return a.key[i] < b.key[i] ? -1 : 1;
    }
    return 0;
  });
  return ranked.map((r) => r.row);
}

// dmn-scala's rendering: List(Map(dish -> ValString(Stew)), Map(dish -> ValString(Steak)))
function found(table: CompiledTable, rows: Row[]): string {
  const maps = rows.map((row) => {
    const named: Record<string, unknown> = {};
    table.outputs.forEach((output, i) => {
      named[output.name || output.id] = row.values[i];
    });
    return describeEntries(named);
  });
  return `List(${maps.join(', ')})`;
}

function ruleIds(rows: Row[]): string {
  return ` (matched rules: ${rows.map((row) => `'${row.rule.id}'`).join(', ')})`;
}
