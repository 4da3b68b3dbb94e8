// Rules are DMN (binding latest) evaluated through the engine's EvaluateDecision, so an
// administrator's edited table applies to the next job without a release.
import { IncidentError } from '../job-errors.ts';
import type { WorkerContext } from '../job-module.ts';

export async function evaluateDecision(ctx: WorkerContext, decisionId: string, variables: Record<string, unknown>): Promise<unknown> {
  const response = await ctx.zeebe.evaluateDecision({ decisionId, variables: variables as never });
  if (response.failureMessage) {
    throw new IncidentError(`规则 ${decisionId} 计算失败：${response.failureMessage}`);
  }
  return response.decisionOutput ? JSON.parse(response.decisionOutput) : null;
}
