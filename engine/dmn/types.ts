// The public shapes of a parsed DRG and of an evaluation, plus the compiled form the evaluator
// runs. Result shapes follow Zeebe's DecisionEvaluation record so the gateway can copy them over.

import type { UnaryTests } from './unary.ts';

export type DecisionType = 'DECISION_TABLE' | 'LITERAL_EXPRESSION';

export interface ParsedDecision {
  id: string;
  name: string;
  type: DecisionType;
  requiredDecisionIds: string[];
  versionTag?: string;
}

export interface ParsedDrg {
  id: string;
  name: string;
  namespace: string;
  decisions: ParsedDecision[];
  /** The resource the DRG was parsed from, for messages. */
  resourceName: string;
  /** Internal: the compiled decisions by id, what evaluateDecision runs. */
  compiled: ReadonlyMap<string, CompiledDecision>;
}

export interface EvaluatedInput {
  inputId: string;
  inputName: string;
  inputValue: unknown;
}

export interface EvaluatedOutput {
  outputId: string;
  outputName: string;
  outputValue: unknown;
}

export interface MatchedRule {
  ruleId: string;
  /** 1-based position of the rule in its table, as Zeebe reports it. */
  ruleIndex: number;
  evaluatedOutputs: EvaluatedOutput[];
}

export interface EvaluatedDecision {
  decisionId: string;
  decisionName: string;
  decisionType: DecisionType;
  decisionOutput: unknown;
  evaluatedInputs: EvaluatedInput[];
  matchedRules: MatchedRule[];
}

export interface DecisionResult {
  decisionId: string;
  decisionOutput: unknown;
  /** Required decisions first, the called one last (a failed one included), as Zeebe. */
  evaluatedDecisions: EvaluatedDecision[];
  failedDecisionId?: string;
  failureMessage?: string;
}

/**
 * What the caller may inject into FEEL. Only the clock for now: now() and today() read it, so
 * the engine's pinned test clock applies to decisions too. Without it, the machine's clock.
 */
export interface FeelAdapter {
  now?: () => Date | number;
}

// ---- compiled form -------------------------------------------------------------------------

export type HitPolicy = 'UNIQUE' | 'FIRST' | 'PRIORITY' | 'ANY' | 'COLLECT' | 'RULE ORDER' | 'OUTPUT ORDER';
export type Aggregation = 'SUM' | 'MIN' | 'MAX' | 'COUNT';

export interface CompiledInput {
  id: string;
  name: string;
  expression: string;
}

export interface CompiledOutput {
  id: string;
  /** The key in a compound result; '' when a single output has no name. */
  name: string;
  /** The allowed values in priority order (PRIORITY, OUTPUT ORDER), quotes removed. */
  priorities: string[];
  defaultExpression?: string;
}

export interface CompiledRule {
  id: string;
  index: number;
  inputEntries: UnaryTests[];
  /** FEEL per output; undefined for an empty cell, which yields null. */
  outputEntries: (string | undefined)[];
}

export interface CompiledTable {
  kind: 'table';
  hitPolicy: HitPolicy;
  aggregation?: Aggregation;
  inputs: CompiledInput[];
  outputs: CompiledOutput[];
  rules: CompiledRule[];
}

export interface CompiledLiteral {
  kind: 'literal';
  expression: string;
}

export interface CompiledDecision {
  id: string;
  name: string;
  type: DecisionType;
  /** Name under which dependants see the result: the variable's name, else the decision id. */
  resultName: string;
  /** typeRef of the decision's variable, checked against the result as dmn-scala does. */
  resultType?: string;
  requiredDecisionIds: string[];
  logic: CompiledTable | CompiledLiteral;
}
