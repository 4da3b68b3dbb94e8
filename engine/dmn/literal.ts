// A literal expression decision: one FEEL expression over the variables and required results.

import { evalExpression, FeelFailure, type Scope } from './feel.ts';
import type { LogicOutcome } from './outcome.ts';
import type { CompiledLiteral } from './types.ts';

export function evaluateLiteral(literal: CompiledLiteral, scope: Scope): LogicOutcome {
  try {
    return { value: evalExpression(literal.expression, scope), evaluatedInputs: [], matchedRules: [] };
  } catch (err) {
    if (!(err instanceof FeelFailure)) throw err;
    return { value: null, failure: err.message, evaluatedInputs: [], matchedRules: [] };
  }
}
