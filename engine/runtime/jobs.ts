// Jobs: created by job-based elements, activated by workers, completed, failed, timed out.

import type { ElementInstanceRow, JobRow } from './rows.ts';
import { TENANT } from './rows.ts';
import type { Runtime } from './runtime.ts';
import { visibleVariables } from './variables.ts';

export function jobValue(job: JobRow): Record<string, unknown> {
  return {
    type: job.type,
    worker: job.worker,
    retries: job.retries,
    deadline: job.deadline,
    errorMessage: job.errorMessage,
    errorCode: job.errorCode ?? '',
    elementId: job.elementId,
    elementInstanceKey: job.elementInstanceKey,
    processInstanceKey: job.processInstanceKey,
    bpmnProcessId: job.bpmnProcessId,
    processDefinitionKey: job.processDefinitionKey,
    processDefinitionVersion: job.processDefinitionVersion,
    customHeaders: job.customHeaders,
  };
}

export function putJob(rt: Runtime, job: JobRow, intent: string): void {
  rt.state.jobs.put(job.key, job);
  rt.record('JOB', intent, job.key, jobValue(job), job.processInstanceKey);
  if (job.state === 'ACTIVATABLE') rt.hooks.jobActivatable(rt, job);
}

export function createJob(rt: Runtime, instance: ElementInstanceRow, type: string, retries: number, customHeaders: Record<string, string>): JobRow {
  const job: JobRow = {
    key: rt.newKey(),
    type,
    state: 'ACTIVATABLE',
    retries,
    worker: '',
    deadline: -1,
    errorMessage: '',
    customHeaders,
    elementInstanceKey: instance.key,
    elementId: instance.elementId,
    processInstanceKey: instance.processInstanceKey,
    bpmnProcessId: instance.bpmnProcessId,
    processDefinitionKey: instance.processDefinitionKey,
    processDefinitionVersion: instance.version,
    creationTime: rt.now,
  };
  rt.update(instance, { jobKey: job.key });
  putJob(rt, job, 'CREATED');
  return job;
}

export function cancelJob(rt: Runtime, jobKey: number): void {
  const job = rt.state.jobs.get(jobKey);
  if (!job) return;
  rt.state.jobs.delete(jobKey);
  rt.record('JOB', 'CANCELED', job.key, jobValue(job), job.processInstanceKey);
}

/** What a worker receives: the gRPC ActivatedJob, keys as numbers. */
export interface ActivatedJob {
  key: number;
  type: string;
  processInstanceKey: number;
  bpmnProcessId: string;
  processDefinitionVersion: number;
  processDefinitionKey: number;
  elementId: string;
  elementInstanceKey: number;
  customHeaders: string;
  worker: string;
  retries: number;
  deadline: number;
  variables: string;
  tenantId: string;
}

export interface ActivationRequest {
  worker: string;
  timeout: number;
  fetchVariable: string[];
}

/** Activates one activatable job for a worker: it is the worker's until the deadline. */
export function activateJob(rt: Runtime, job: JobRow, request: ActivationRequest): ActivatedJob {
  const activated: JobRow = { ...job, state: 'ACTIVATED', worker: request.worker, deadline: rt.now + request.timeout };
  rt.state.jobs.put(job.key, activated);
  rt.record('JOB', 'ACTIVATED', job.key, jobValue(activated), job.processInstanceKey);
  let variables = visibleVariables(rt, job.elementInstanceKey);
  if (request.fetchVariable.length > 0) {
    const picked: Record<string, unknown> = {};
    for (const name of request.fetchVariable) if (name in variables) picked[name] = variables[name];
    variables = picked;
  }
  return {
    key: activated.key,
    type: activated.type,
    processInstanceKey: activated.processInstanceKey,
    bpmnProcessId: activated.bpmnProcessId,
    processDefinitionVersion: activated.processDefinitionVersion,
    processDefinitionKey: activated.processDefinitionKey,
    elementId: activated.elementId,
    elementInstanceKey: activated.elementInstanceKey,
    customHeaders: JSON.stringify(activated.customHeaders),
    worker: activated.worker,
    retries: activated.retries,
    deadline: activated.deadline,
    variables: JSON.stringify(variables),
    tenantId: TENANT,
  };
}

/** Activated jobs past their deadline and failed jobs past their back-off become activatable. */
export function recurDueJobs(rt: Runtime, limit = 1000): void {
  for (const key of rt.state.jobHeap.due(rt.now, limit)) {
    const job = rt.state.jobs.get(key)!;
    if (job.state === 'ACTIVATED') {
      putJob(rt, { ...job, state: 'ACTIVATABLE', worker: '', deadline: -1 }, 'TIMED_OUT');
    } else if (job.state === 'FAILED') {
      putJob(rt, { ...job, state: 'ACTIVATABLE', recurAt: undefined }, 'RECURRED_AFTER_BACKOFF');
    }
  }
}
