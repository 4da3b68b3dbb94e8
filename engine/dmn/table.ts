// Evaluates a decision table: input expressions once, every rule's input entries against them
// (a rule stops at its first entry that is not met), output entries of the matched rules only
// (of the first one for FIRST), then the hit policy. With no match, the default output
// entries, else null, whatever the hit policy (so COLLECT gives null, not []), as dmn-scala.

import { evalExpression, FeelFailure, type Scope } from './feel.ts';
import { applyHitPolicy, type Row } from './hit-policy.ts';
import type { LogicOutcome } from './outcome.ts';
import type { CompiledTable, MatchedRule } from './types.ts';
import { testInput } from './unary.ts';
import { toJson } from './values.ts';

export function evaluateTable(table: CompiledTable, scope: Scope): LogicOutcome {
  const outcome: LogicOutcome = { value: null, evaluatedInputs: [], matchedRules: [] };
  try {
    const inputValues = table.inputs.map((input) => evalExpression(input.expression, scope));
    outcome.evaluatedInputs = table.inputs.map((input, i) => ({
      inputId: input.id,
      inputName: input.name,
      inputValue: toJson(inputValues[i]),
    }));

    const matched = table.rules.filter((rule) =>
      rule.inputEntries.every((entry, i) => testInput(entry, inputValues[i], scope) === true),
    );
    if (matched.length === 0) {
      outcome.value = defaultOutput(table, scope);
      return outcome;
    }

    const hits = table.hitPolicy === 'FIRST' ? matched.slice(0, 1) : matched;
    const rows: Row[] = hits.map((rule) => ({
      rule,
      values: rule.outputEntries.map((text) => (text === undefined ? null : evalExpression(text, scope))),
    }));
    outcome.matchedRules = rows.map((row) => matchedRule(table, row));

    const result = applyHitPolicy(table, rows);
    if ('failure' in result) outcome.failure = result.failure;
    else outcome.value = result.value;
    return outcome;
  } catch (err) {
    if (!(err instanceof FeelFailure)) throw err;
    outcome.failure = err.message;
    return outcome;
  }
}

function matchedRule(table: CompiledTable, row: Row): MatchedRule {
  return {
    ruleId: row.rule.id,
    ruleIndex: row.rule.index,
    evaluatedOutputs: table.outputs.map((output, i) => ({
      outputId: output.id,
      outputName: output.name,
      outputValue: toJson(row.values[i]),
    })),
  };
}

// Only outputs with a default entry contribute; one such output gives its value alone.
function defaultOutput(table: CompiledTable, scope: Scope): unknown {
  const values: Record<string, unknown> = {};
  for (const output of table.outputs) {
    if (output.defaultExpression !== undefined) values[output.name] = evalExpression(output.defaultExpression, scope);
  }
  const names = Object.keys(values);
  if (names.length === 0) return null;
  return names.length === 1 ? values[names[0]] : values;
}
