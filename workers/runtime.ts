// Registers one SDK worker per job module and turns each handler's outcome into the job
// call: complete, BPMN error, or failure with back-off (an incident once retries run out).
//
// Why `createWorker` (long polling) and not `streamJobs`: the engine answers a waiting
// ActivateJobs as soon as a job is created, so long polling is as prompt as a stream here.
// The SDK's `createWorker` also polls again after the gateway restarts, caps the jobs in
// hand (maxJobsToActivate) and catches a failing handler; its `streamJobs` (8.8) does none of
// these: a broken stream is only logged and never reopened (jobs then wait for its 30 s
// side poll), handlers are not awaited, and there is no capacity limit.
import os from 'node:os';
import { BpmnError, IncidentError } from './job-errors.ts';
import { once } from './idempotency.ts';
import { checkInstance } from './instance-guard.ts';
import type { JobModule, Variables, WorkerContext, WorkerJob } from './job-module.ts';

export interface RunningJobWorkers {
  types: string[];
  close(): Promise<void>;
}

type SdkJob = Parameters<Parameters<WorkerContext['zeebe']['createWorker']>[0]['taskHandler']>[0];

export function startJobWorkers(ctx: WorkerContext, modules: JobModule[]): RunningJobWorkers {
  const workerId = `${os.hostname()}-${process.pid}`;
  const workers: ReturnType<WorkerContext['zeebe']['createWorker']>[] = [];
  for (const module of modules) {
    workers.push(ctx.zeebe.createWorker<Variables, Variables, Variables>({
      id: `${workerId}-${module.type}`,
      taskType: module.type,
      fetchVariable: module.fetchVariables ? [...new Set(['ticketId', ...module.fetchVariables])] : undefined,
      timeout: module.timeoutMs ?? ctx.settings.jobTimeoutMs,
      maxJobsToActivate: ctx.settings.maxJobs,
      longPoll: ctx.settings.longPollMs,
      pollInterval: 100,
      taskHandler: (job) => runJob(ctx, module, job as SdkJob),
    }) as never);
  }
  return {
    types: modules.map((m) => m.type),
    close: async () => {
      await Promise.all(workers.map((w) => w.close(5_000).catch(() => undefined)));
    },
  };
}

async function runJob(ctx: WorkerContext, module: JobModule, job: SdkJob) {
  const j = toWorkerJob(job, module.timeoutMs ?? ctx.settings.jobTimeoutMs);
  try {
    if ((await checkInstance(ctx.pool, j)) === 'stray') {
      ctx.log(`${j.type}: instance ${j.processInstanceKey} is a duplicate for ticket ${String(j.variables.ticketId)}; cancelling it`);
      // Not job.cancelWorkflow(): in SDK 8.8 it never frees the worker's slot, so close() would hang.
      await ctx.zeebe.cancelProcessInstance(j.processInstanceKey).catch((err: Error) => ctx.log(`cancelling ${j.processInstanceKey} failed: ${err.message}`));
      return job.forward();
    }
    const { result, replayed } = await once(ctx.pool, j, (db) => module.handle(j, db, ctx));
    if (replayed) ctx.log(`${j.type}: job ${j.key} was done before (element ${j.elementInstanceKey}); completing with the recorded result`);
    return job.complete(result);
  } catch (err) {
    if (err instanceof BpmnError) {
      return job.error({ errorCode: err.code, errorMessage: err.message, variables: err.variables as never });
    }
    const message = err instanceof Error ? err.message : String(err);
    if (err instanceof IncidentError) {
      ctx.log(`${j.type}: job ${j.key} cannot succeed, raising an incident: ${message}`);
      return job.fail({ errorMessage: message, retries: 0, retryBackOff: 0 });
    }
    const retries = Math.max(job.retries - 1, 0);
    ctx.log(`${j.type}: job ${j.key} failed (${retries} retries left): ${message}`);
    return job.fail({ errorMessage: message, retries, retryBackOff: retries > 0 ? ctx.settings.retryBackoffMs : 0 });
  }
}

function toWorkerJob(job: SdkJob, timeoutMs: number): WorkerJob {
  return {
    key: String(job.key),
    type: job.type,
    processInstanceKey: String(job.processInstanceKey),
    bpmnProcessId: job.bpmnProcessId,
    elementId: job.elementId,
    elementInstanceKey: String(job.elementInstanceKey),
    retries: job.retries,
    activatedAt: new Date(Number(job.deadline) - timeoutMs),
    // Plain objects: the SDK hands over Dto instances.
    customHeaders: { ...(job.customHeaders as Variables) },
    variables: { ...(job.variables as Variables) },
  };
}
