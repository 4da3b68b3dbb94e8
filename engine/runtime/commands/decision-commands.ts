// EvaluateDecision: a deployed decision, by key or by id (latest version), outside any process.

import { reject } from '../rejection.ts';
import type { DecisionRow } from '../rows.ts';
import { TENANT } from '../rows.ts';
import type { Runtime } from '../runtime.ts';
import { evaluateDeployedDecision } from '../decisions.ts';

const json = (v: unknown) => JSON.stringify(v ?? null);

export function evaluateDecisionCommand(rt: Runtime, target: { decisionKey?: number; decisionId?: string }, variables: Record<string, unknown>): Record<string, unknown> {
  let decision: DecisionRow | undefined;
  if (target.decisionKey !== undefined) {
    const row = rt.state.resources.get(target.decisionKey);
    if (row?.kind !== 'decision') reject('NOT_FOUND', 'EVALUATE', `Expected to evaluate decision with key '${target.decisionKey}', but no such decision found`);
    decision = row;
  } else {
    decision = rt.state.latestDecision(target.decisionId!);
    if (!decision) reject('NOT_FOUND', 'EVALUATE', `Expected to evaluate decision '${target.decisionId}', but no decision found for id '${target.decisionId}'`);
  }
  const result = evaluateDeployedDecision(rt, decision, variables);
  const byId = new Map<string, DecisionRow>();
  for (const r of rt.state.resources.values()) if (r.kind === 'decision' && r.drgKey === decision.drgKey) byId.set(r.decisionId, r);
  return {
    decisionKey: String(decision.key),
    decisionId: decision.decisionId,
    decisionName: decision.name,
    decisionVersion: decision.version,
    decisionRequirementsId: decision.drgId,
    decisionRequirementsKey: String(decision.drgKey),
    decisionOutput: result.failureMessage ? '' : json(result.decisionOutput),
    evaluatedDecisions: result.evaluatedDecisions.map((d) => {
      const row = byId.get(d.decisionId);
      return {
        decisionKey: String(row?.key ?? -1),
        decisionId: d.decisionId,
        decisionName: d.decisionName,
        decisionVersion: row?.version ?? 0,
        decisionType: d.decisionType,
        decisionOutput: json(d.decisionOutput),
        matchedRules: d.matchedRules.map((m) => ({
          ruleId: m.ruleId,
          ruleIndex: m.ruleIndex,
          evaluatedOutputs: m.evaluatedOutputs.map((o) => ({ outputId: o.outputId, outputName: o.outputName, outputValue: json(o.outputValue) })),
        })),
        evaluatedInputs: d.evaluatedInputs.map((i) => ({ inputId: i.inputId, inputName: i.inputName, inputValue: json(i.inputValue) })),
        tenantId: TENANT,
      };
    }),
    failedDecisionId: result.failedDecisionId ?? '',
    failureMessage: result.failureMessage ?? '',
    tenantId: TENANT,
    decisionInstanceKey: '-1',
  };
}
