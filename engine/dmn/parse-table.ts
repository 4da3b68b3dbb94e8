// Compiles a <decisionTable>: checks its structure and every FEEL cell at deploy time, so a
// broken table is refused with the decision, rule and column named instead of failing later.

import { expressionSyntaxError } from './feel.ts';
import type { DmnIssues } from './issues.ts';
import type { DmnElement } from './read.ts';
import type { Aggregation, CompiledInput, CompiledOutput, CompiledRule, CompiledTable, HitPolicy } from './types.ts';
import { compileUnaryTests } from './unary.ts';

const HIT_POLICIES: HitPolicy[] = ['UNIQUE', 'FIRST', 'PRIORITY', 'ANY', 'COLLECT', 'RULE ORDER', 'OUTPUT ORDER'];
const AGGREGATIONS: Aggregation[] = ['SUM', 'MIN', 'MAX', 'COUNT'];

/** Whether an expressionLanguage means FEEL; only FEEL is supported, as in Camunda 8. */
export function isFeel(language: string | undefined): boolean {
  return language === undefined || language.trim() === '' || language.toLowerCase().includes('feel');
}

export function compileTable(decisionId: string, table: DmnElement, issues: DmnIssues): CompiledTable {
  const problem = (message: string) => issues.add(decisionId, 'decision', message);

  const hitPolicy = String(table.get('hitPolicy') ?? 'UNIQUE') as HitPolicy;
  if (!HIT_POLICIES.includes(hitPolicy)) {
    problem(`its decision table has the unknown hit policy '${hitPolicy}'. Use one of ${HIT_POLICIES.join(', ')}.`);
  }
  const aggregation = table.aggregation as Aggregation | undefined;
  if (aggregation !== undefined && !AGGREGATIONS.includes(aggregation)) {
    problem(`its decision table has the unknown aggregation '${aggregation}'. Use one of ${AGGREGATIONS.join(', ')}.`);
  }

  const inputs = (table.input ?? []).map((input, i) => compileInput(input, i, problem));
  const outputs = (table.output ?? []).map((output, i) => compileOutput(output, i, problem));
  if (outputs.length === 0) problem('its decision table has no output column. Add one.');
  if (outputs.length > 1) checkCompoundOutputs(outputs, table.output ?? [], problem);
  if (hitPolicy === 'COLLECT' && aggregation !== undefined && outputs.length > 1) {
    problem(`hit policy 'COLLECT' with aggregator '${aggregation}' is not defined for compound output (${outputs.length} outputs). Use one output or no aggregator.`);
  }

  const rules = (table.rule ?? []).map((rule, i) => compileRule(rule, i, inputs, outputs, problem));
  return {
    kind: 'table',
    hitPolicy,
    aggregation: hitPolicy === 'COLLECT' ? aggregation : undefined, // DMN: only COLLECT aggregates
    inputs,
    outputs,
    rules,
  };
}

function compileInput(input: DmnElement, i: number, problem: (m: string) => void): CompiledInput {
  const id = input.id ?? '';
  const where = input.id ? `input '${id}'` : `input column ${i + 1}`;
  if (!input.id) problem(`${where} has no id. Give every input an id.`);
  const expression = input.inputExpression;
  const text = expression?.text ?? '';
  if (!isFeel(expression?.expressionLanguage)) {
    problem(`the expression of ${where} is in '${expression?.expressionLanguage}'; only FEEL is supported.`);
  } else if (text.trim() === '') {
    problem(`${where} has no input expression. Enter a FEEL expression such as a variable name.`);
  } else {
    const error = expressionSyntaxError(text);
    if (error) problem(`the input expression of ${where} is not valid FEEL: '${text}' (${error}).`);
  }
  return { id, name: input.label ?? text, expression: text };
}

function compileOutput(output: DmnElement, i: number, problem: (m: string) => void): CompiledOutput {
  const id = output.id ?? '';
  const where = output.id ? `output '${id}'` : `output column ${i + 1}`;
  if (!output.id) problem(`${where} has no id. Give every output an id.`);
  let defaultExpression: string | undefined;
  const fallback = output.defaultOutputEntry?.text ?? '';
  if (fallback.trim() !== '') {
    const error = expressionSyntaxError(fallback);
    if (error) problem(`the default output entry of ${where} is not valid FEEL: '${fallback}' (${error}).`);
    defaultExpression = fallback;
  }
  return { id, name: output.name ?? '', priorities: priorities(output.outputValues?.text), defaultExpression };
}

function checkCompoundOutputs(outputs: CompiledOutput[], elements: DmnElement[], problem: (m: string) => void): void {
  const seen = new Set<string>();
  outputs.forEach((output, i) => {
    const label = elements[i].label ? ` ('${elements[i].label}')` : '';
    if (output.name === '') {
      problem(`output '${output.id}'${label} has no name. With several outputs, each needs a name: it is the key in the result.`);
    } else if (seen.has(output.name)) {
      problem(`output name '${output.name}' is used by more than one output. Output names must be unique.`);
    }
    seen.add(output.name);
  });
}

function compileRule(
  rule: DmnElement,
  i: number,
  inputs: CompiledInput[],
  outputs: CompiledOutput[],
  problem: (m: string) => void,
): CompiledRule {
  const id = rule.id ?? '';
  const where = rule.id ? `rule '${id}' (row ${i + 1})` : `rule in row ${i + 1}`;
  if (!rule.id) problem(`${where} has no id. Give every rule an id.`);
  const inputEntries = rule.inputEntry ?? [];
  const outputEntries = rule.outputEntry ?? [];
  if (inputEntries.length !== inputs.length) {
    problem(`${where} has ${inputEntries.length} input entries but the table has ${inputs.length} inputs.`);
  }
  if (outputEntries.length !== outputs.length) {
    problem(`${where} has ${outputEntries.length} output entries but the table has ${outputs.length} outputs.`);
  }

  const tests = inputEntries.map((entry, j) => {
    const text = entry.text ?? '';
    const column = `input '${inputs[j]?.id ?? j + 1}'`;
    if (!isFeel(entry.expressionLanguage)) {
      problem(`${where}, ${column}: the entry is in '${entry.expressionLanguage}'; only FEEL is supported.`);
      return { kind: 'any' } as const;
    }
    try {
      return compileUnaryTests(text);
    } catch (err) {
      problem(`${where}, ${column}: '${text}' is not valid FEEL unary tests (${(err as Error).message}).`);
      return { kind: 'any' } as const;
    }
  });

  const results = outputEntries.map((entry, j) => {
    const text = entry.text ?? '';
    if (text.trim() === '') return undefined; // an empty cell yields null
    const column = `output '${outputs[j]?.id ?? j + 1}'`;
    if (!isFeel(entry.expressionLanguage)) {
      problem(`${where}, ${column}: the entry is in '${entry.expressionLanguage}'; only FEEL is supported.`);
      return undefined;
    }
    const error = expressionSyntaxError(text);
    if (error) problem(`${where}, ${column}: '${text}' is not a valid FEEL expression (${error}).`);
    return text;
  });

  return { id, index: i + 1, inputEntries: tests, outputEntries: results };
}

// outputValues such as '"high","medium","low"' give the priority order. Like dmn-scala, the
// values are compared as text with their quotes removed; commas inside quotes are kept.
function priorities(text: string | undefined): string[] {
  if (!text || text.trim() === '') return [];
  const values: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    if (ch === ',' && !quoted) {
      values.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  values.push(current);
  return values.map((value) => value.trim().replace(/["']/g, ''));
}
