// Evaluates a decision with its required decisions, depth first, as dmn-scala does: each
// decision sees the caller's variables plus the results of its own required decisions, under
// their result names. A decision required twice is evaluated (and recorded) twice, as Zeebe.
// Failures come back in the result, with the audit of what was evaluated up to them.

import { scopeOf, type Scope } from './feel.ts';
import { evaluateLiteral } from './literal.ts';
import { evaluateTable } from './table.ts';
import type { CompiledDecision, DecisionResult, EvaluatedDecision, FeelAdapter, ParsedDrg } from './types.ts';
import { describe, toJson } from './values.ts';
import { FeelDate, FeelDateTime, FeelDuration, FeelTime } from 'feelin';

type Run = { value: unknown } | { failure: string; decisionId: string };

export function evaluateDecision(
  drg: ParsedDrg,
  decisionId: string,
  variables: Record<string, unknown>,
  feel?: FeelAdapter,
): DecisionResult {
  const decision = drg.compiled.get(decisionId);
  if (!decision) {
    return failed(decisionId, [], decisionId, `no decision found for '${decisionId}'`);
  }
  const audit: EvaluatedDecision[] = [];
  const run = evaluate(drg, decision, scopeOf(variables, feel), audit);
  if ('failure' in run) return failed(decisionId, audit, run.decisionId, run.failure);
  return { decisionId, decisionOutput: toJson(run.value), evaluatedDecisions: audit };
}

function failed(decisionId: string, audit: EvaluatedDecision[], failedId: string, reason: string): DecisionResult {
  return {
    decisionId,
    decisionOutput: null,
    evaluatedDecisions: audit,
    failedDecisionId: failedId,
    failureMessage: `Expected to evaluate decision '${decisionId}', but ${reason}`,
  };
}

function evaluate(drg: ParsedDrg, decision: CompiledDecision, scope: Scope, audit: EvaluatedDecision[]): Run {
  const own: Scope = { ...scope };
  for (const requiredId of decision.requiredDecisionIds) {
    const required = drg.compiled.get(requiredId) as CompiledDecision; // checked at parse time
    const run = evaluate(drg, required, scope, audit);
    if ('failure' in run) return run;
    own[required.resultName] = run.value;
  }

  const outcome = decision.logic.kind === 'table' ? evaluateTable(decision.logic, own) : evaluateLiteral(decision.logic, own);
  audit.push({
    decisionId: decision.id,
    decisionName: decision.name,
    decisionType: decision.type,
    decisionOutput: outcome.failure === undefined ? toJson(outcome.value) : null,
    evaluatedInputs: outcome.evaluatedInputs,
    matchedRules: outcome.matchedRules,
  });
  if (outcome.failure !== undefined) return { failure: outcome.failure, decisionId: decision.id };

  const typeError = checkType(outcome.value, decision.resultType);
  if (typeError) return { failure: typeError, decisionId: decision.id };
  return { value: outcome.value };
}

// dmn-scala's TypeChecker on the decision's variable typeRef; unknown types pass.
const TYPE_CHECKS: Record<string, (v: unknown) => boolean> = {
  string: (v) => typeof v === 'string',
  number: (v) => typeof v === 'number',
  boolean: (v) => typeof v === 'boolean',
  time: (v) => v instanceof FeelTime,
  date: (v) => v instanceof FeelDate,
  dateTime: (v) => v instanceof FeelDateTime,
  dayTimeDuration: (v) => v instanceof FeelDuration && !v.yearsMonths,
  yearMonthDuration: (v) => v instanceof FeelDuration && v.yearsMonths,
};

function checkType(value: unknown, typeRef: string | undefined): string | undefined {
  if (!typeRef || value === null || value === undefined) return undefined;
  const type = typeRef.replace(/^feel:/, '');
  const check = TYPE_CHECKS[type];
  if (!check || check(value)) return undefined;
  return `expected '${type}' but found '${describe(value)}'`;
}
