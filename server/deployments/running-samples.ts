// The running version's answer to the same sample tickets, asked of the engine through the SDK
// (EvaluateDecision, binding latest: what the processes get now), so the check can show which
// samples a deployment changes.
import { isDeepStrictEqual } from 'node:util';
import type { ServerContext } from '../context.ts';
import { failureOf, type SampleRun } from './dry-run.ts';
import { engineCode, engineError, zeebeOf } from './engine.ts';

const NOT_FOUND = 5;

export async function compareWithRunning(ctx: ServerContext, runs: SampleRun[]): Promise<SampleRun[]> {
  if (!runs.length || !ctx.engine.client) return runs;
  const zeebe = zeebeOf(ctx);
  const missing = new Set<string>();
  const compared: SampleRun[] = [];
  for (const run of runs) {
    if (missing.has(run.decisionId)) {
      compared.push({ ...run, running: null });
      continue;
    }
    try {
      const answer = await zeebe.evaluateDecision({ decisionId: run.decisionId, variables: run.variables as never });
      const output = answer.decisionOutput ? JSON.parse(answer.decisionOutput) : null;
      const failure = answer.failureMessage
        ? failureOf({ decisionId: run.decisionId, decisionOutput: null, evaluatedDecisions: [], failureMessage: answer.failureMessage }, [])
        : undefined;
      const running = { version: Number(answer.decisionVersion), output, ...(failure ? { failure } : {}) };
      compared.push({ ...run, running, changed: !isDeepStrictEqual(output, run.output) || !!failure !== !!run.failure });
    } catch (err) {
      if (engineCode(err) !== NOT_FOUND) throw engineError(err, `试算运行中的决策 ${run.decisionId} `);
      missing.add(run.decisionId);
      compared.push({ ...run, running: null });
    }
  }
  return compared;
}
