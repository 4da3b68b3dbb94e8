// DMN decisions as Zeebe (Camunda 8.8) runs them, on the dmn-scala semantics: parse a DRG
// once at deploy time, evaluate a decision with its required decisions on demand.
// FeelAdapter is clock-only ({ now?: () => Date | number }): now()/today() read it; FEEL
// itself is feelin, called directly.

export type {
  DecisionResult,
  EvaluatedDecision,
  EvaluatedInput,
  EvaluatedOutput,
  FeelAdapter,
  MatchedRule,
  ParsedDecision,
  ParsedDrg,
} from './types.ts';
export { parseDmn } from './parse.ts';
export { evaluateDecision } from './evaluate.ts';
