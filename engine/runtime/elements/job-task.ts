// Job-based tasks (service, send, business rule and script tasks with a task definition):
// create a job for a worker; the job's completion completes the element.

import { evaluateAttribute, feelTypeName } from '../../feel/index.ts';
import { createIncident } from '../incidents.ts';
import { cancelJob, createJob } from '../jobs.ts';
import { markActivated } from '../lifecycle.ts';
import { visibleVariables } from '../variables.ts';
import { stringOrIncident } from '../expressions.ts';
import type { ElementBehavior } from './behavior.ts';

export const jobTask: ElementBehavior = {
  activate(rt, instance, node) {
    const job = node.job!;
    const context = visibleVariables(rt, instance.key);
    const type = stringOrIncident(rt, instance, job.type, context);
    if (type === undefined) return;
    let retries: unknown;
    try {
      retries = evaluateAttribute(job.retries, context, rt.now);
    } catch (err) {
      createIncident(rt, instance, 'EXTRACT_VALUE_ERROR', (err as Error).message);
      return;
    }
    const retryCount = Number(retries);
    if (!Number.isInteger(retryCount)) {
      createIncident(rt, instance, 'EXTRACT_VALUE_ERROR', `Expected result of the expression '${job.retries}' to be 'NUMBER', but was '${feelTypeName(retries)}'.`);
      return;
    }
    const activated = markActivated(rt, instance);
    createJob(rt, activated, type, retryCount, job.headers);
  },
  terminate(rt, instance) {
    if (instance.jobKey !== undefined) cancelJob(rt, instance.jobKey);
  },
};
