// What evaluating one decision's logic yields: the raw FEEL value (dependants get real dates,
// not strings) or a failure, plus the audit Zeebe records for it.

import type { EvaluatedInput, MatchedRule } from './types.ts';

export interface LogicOutcome {
  value: unknown;
  failure?: string;
  evaluatedInputs: EvaluatedInput[];
  matchedRules: MatchedRule[];
}
