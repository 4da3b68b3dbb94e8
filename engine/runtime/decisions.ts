// Evaluating a deployed decision, for business rule tasks and EvaluateDecision.

import { evaluateDecision, type DecisionResult } from '../dmn/index.ts';
import type { DecisionRow, ElementInstanceRow } from './rows.ts';
import type { Runtime } from './runtime.ts';

export function evaluateDeployedDecision(rt: Runtime, decision: DecisionRow, variables: Record<string, unknown>, instance?: ElementInstanceRow): DecisionResult {
  const drg = rt.drgs.get(decision.drgKey);
  if (!drg) throw new Error(`decision requirements ${decision.drgKey} are not loaded`);
  const result = evaluateDecision(drg, decision.decisionId, variables, { now: () => rt.now });
  rt.record(
    'DECISION_EVALUATION',
    result.failureMessage ? 'FAILED' : 'EVALUATED',
    rt.newKey(),
    {
      decisionKey: decision.key,
      decisionId: decision.decisionId,
      decisionVersion: decision.version,
      decisionRequirementsKey: decision.drgKey,
      decisionOutput: JSON.stringify(result.decisionOutput ?? null),
      failureMessage: result.failureMessage ?? '',
      failedDecisionId: result.failedDecisionId ?? '',
      evaluatedDecisions: result.evaluatedDecisions,
      elementInstanceKey: instance?.key ?? -1,
      elementId: instance?.elementId ?? '',
    },
    instance?.processInstanceKey,
  );
  return result;
}
