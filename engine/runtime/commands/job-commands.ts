// Worker commands on jobs: complete, fail, throw error, update retries and timeout.
// Each checks first and rejects without touching anything, as Zeebe's job processors do.

import { reject } from '../rejection.ts';
import type { JobRow } from '../rows.ts';
import type { Runtime } from '../runtime.ts';
import { completeElement } from '../lifecycle.ts';
import { putJob, jobValue } from '../jobs.ts';
import { createIncident } from '../incidents.ts';
import { throwError } from '../errors.ts';
import { setLocalVariables } from '../variables.ts';

function jobFor(rt: Runtime, intent: string, verb: string, jobKey: number): JobRow {
  const job = rt.state.jobs.get(jobKey);
  if (!job) reject('NOT_FOUND', intent, `Expected to ${verb} job with key '${jobKey}', but no such job was found`);
  if (job.state === 'FAILED') reject('INVALID_STATE', intent, `Expected to ${verb} job with key '${jobKey}', but it is marked as failed`);
  if (job.state === 'ERROR_THROWN') reject('INVALID_STATE', intent, `Expected to ${verb} job with key '${jobKey}', but it is in state 'ERROR_THROWN'`);
  return job;
}

export function completeJob(rt: Runtime, jobKey: number, variables: Record<string, unknown>): void {
  const job = jobFor(rt, 'COMPLETE', 'complete', jobKey);
  const instance = rt.instance(job.elementInstanceKey);
  rt.state.jobs.delete(job.key);
  rt.record('JOB', 'COMPLETED', job.key, jobValue(job), job.processInstanceKey);
  if (instance && instance.state === 'ACTIVATED') completeElement(rt, instance, variables);
}

export function failJob(rt: Runtime, jobKey: number, retries: number, errorMessage: string, retryBackOff: number, variables: Record<string, unknown>): void {
  const job = jobFor(rt, 'FAIL', 'fail', jobKey);
  const instance = rt.instance(job.elementInstanceKey);
  if (instance && Object.keys(variables).length) setLocalVariables(rt, instance.key, variables);
  // The failing worker stays on the record, as in Zeebe; the job is no longer activated by it.
  const failed: JobRow = { ...job, retries, errorMessage, deadline: -1 };
  if (retries > 0 && retryBackOff > 0) {
    putJob(rt, { ...failed, state: 'FAILED', recurAt: rt.now + retryBackOff }, 'FAILED');
  } else if (retries > 0) {
    putJob(rt, { ...failed, state: 'ACTIVATABLE' }, 'FAILED');
  } else {
    putJob(rt, { ...failed, state: 'FAILED', recurAt: undefined }, 'FAILED');
    if (instance) createIncident(rt, instance, 'JOB_NO_RETRIES', errorMessage || 'No more retries left.', job.key);
  }
}

export function throwJobError(rt: Runtime, jobKey: number, errorCode: string, errorMessage: string, variables: Record<string, unknown>): void {
  if (!errorCode) reject('INVALID_ARGUMENT', 'THROW_ERROR', `Expected to throw an error for job with key '${jobKey}', but no error code was given`);
  const job = jobFor(rt, 'THROW_ERROR', 'throw an error for', jobKey);
  const instance = rt.instance(job.elementInstanceKey);
  const thrown: JobRow = { ...job, state: 'ERROR_THROWN', errorCode, errorMessage };
  putJob(rt, thrown, 'ERROR_THROWN');
  if (!instance) return;
  if (!throwError(rt, instance, errorCode, errorMessage, variables)) {
    const reason = `Expected to throw an error event with the code '${errorCode}'${errorMessage ? ` with message '${errorMessage}'` : ''}, but it was not caught. No error events are available in the scope.`;
    createIncident(rt, instance, 'UNHANDLED_ERROR_EVENT', reason, job.key);
  }
}

export function updateJobRetries(rt: Runtime, jobKey: number, retries: number): void {
  const job = rt.state.jobs.get(jobKey);
  if (!job) reject('NOT_FOUND', 'UPDATE_RETRIES', `Expected to update retries for job with key '${jobKey}', but no such job was found`);
  if (retries < 1) reject('INVALID_ARGUMENT', 'UPDATE_RETRIES', `Expected to update retries for job with key '${jobKey}' with a positive amount of retries, but the amount given was '${retries}'`);
  rt.state.jobs.put(job.key, { ...job, retries });
  rt.record('JOB', 'RETRIES_UPDATED', job.key, jobValue({ ...job, retries }), job.processInstanceKey);
}

export function updateJobTimeout(rt: Runtime, jobKey: number, timeout: number): void {
  const job = rt.state.jobs.get(jobKey);
  if (!job) reject('NOT_FOUND', 'UPDATE_TIMEOUT', `Expected to update the timeout of job with key '${jobKey}', but no such job was found`);
  if (job.state !== 'ACTIVATED') reject('INVALID_STATE', 'UPDATE_TIMEOUT', `Expected to update the timeout of job with key '${jobKey}', but it is not active`);
  const updated = { ...job, deadline: rt.now + timeout };
  rt.state.jobs.put(job.key, updated);
  rt.record('JOB', 'TIMEOUT_UPDATED', job.key, jobValue(updated), job.processInstanceKey);
}
