// How the "试算" panel evaluates a decision: through an injected DecisionEvaluator.
// The default asks the server: with the draft's XML it evaluates the draft with the engine's
// DMN library, without it the deployed version through the engine; both answer in the shape
// of Zeebe's EvaluateDecision response. Another evaluator can be provided with
// app.provide(DECISION_EVALUATOR, …) or the editor's prop.
import type { InjectionKey } from 'vue';
import { api } from '../../api.ts';

export interface DecisionEvaluationRequest {
  /** The draft as edited, not yet deployed; left out to evaluate the deployed version. */
  xml?: string;
  decisionId: string;
  variables: Record<string, unknown>;
}

export interface EvaluatedOutput {
  outputId: string;
  outputName: string;
  outputValue: unknown;
}

export interface MatchedRule {
  ruleId: string;
  /** 1-based, as in the table. */
  ruleIndex: number;
  evaluatedOutputs: EvaluatedOutput[];
}

export interface EvaluatedDecision {
  decisionId: string;
  decisionName?: string;
  output: unknown;
  matchedRules: MatchedRule[];
}

export interface DecisionEvaluationResult {
  /** What was evaluated: the draft, or the deployed version `decisionVersion`. */
  source?: 'draft' | 'deployed';
  /** 草稿 / 已部署第 N 版. */
  versionLabel?: string;
  decisionVersion?: number | null;
  decisionId: string;
  /** The result of the evaluated decision (what a business rule task writes to its result variable). */
  output: unknown;
  /** The decision and the decisions it requires, in evaluation order. */
  evaluatedDecisions: EvaluatedDecision[];
  /** Set when evaluation failed, e.g. several rules matched under UNIQUE (the engine's words). */
  failureMessage?: string;
  /** The failure in Chinese. */
  failureReason?: string;
}

export interface DecisionEvaluator {
  evaluate(request: DecisionEvaluationRequest): Promise<DecisionEvaluationResult>;
}

export const EVALUATE_ENDPOINT = '/api/decisions/evaluate';

export const serverEvaluator: DecisionEvaluator = {
  evaluate: (request) => api.post<DecisionEvaluationResult>(EVALUATE_ENDPOINT, request, { quiet: true }),
};

export const DECISION_EVALUATOR: InjectionKey<DecisionEvaluator> = Symbol('decisionEvaluator');
