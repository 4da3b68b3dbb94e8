// Jobs: POST /v2/jobs/search from the projection. The built-in engine has only BPMN element
// jobs (no execution or task listeners), so kind and listener event type are constants.

import { Router } from 'express';
import type { RestContext } from './context.ts';
import { elementTaskOut, type ElementTaskRow } from './element-task.ts';
import { bool, date, int, key, oneOf, str, type Field } from './filters.ts';
import { dateOut, keyOut, orUndefined, TENANT, TENANT_SQL } from './format.ts';
import { searcher, type SearchSpec } from './paging.ts';

const STATES = ['CANCELED', 'COMPLETED', 'CREATED', 'ERROR_THROWN', 'FAILED', 'MIGRATED', 'RETRIES_UPDATED', 'TIMED_OUT'] as const;
const KINDS = ['BPMN_ELEMENT', 'EXECUTION_LISTENER', 'TASK_LISTENER', 'AD_HOC_SUB_PROCESS'] as const;
const LISTENER_EVENTS = ['ASSIGNING', 'CANCELING', 'COMPLETING', 'CREATING', 'END', 'START', 'UNSPECIFIED', 'UPDATING'] as const;

interface JobRow extends ElementTaskRow {
  key: string;
  type: string;
  worker: string;
  state: string;
  retries: number;
  error_message: string | null;
  error_code: string | null;
  deadline: string | null;
  end_time: string | null;
  has_failed_with_retries_left: boolean;
}

const SORTS: Record<string, Field> = {
  deadline: date('t.deadline', true),
  deniedReason: str('NULL::text'),
  elementId: str('t.element_id'),
  elementInstanceKey: key('t.element_instance_key'),
  endTime: date('t.end_time'),
  errorCode: str('t.error_code'),
  errorMessage: str('t.error_message'),
  isDenied: bool('NULL::boolean'),
  jobKey: key('t.key'),
  kind: oneOf(`'BPMN_ELEMENT'::text`, KINDS),
  listenerEventType: oneOf(`'UNSPECIFIED'::text`, LISTENER_EVENTS),
  processDefinitionId: str('t.bpmn_process_id'),
  processDefinitionKey: key('t.process_definition_key'),
  processInstanceKey: key('t.process_instance_key'),
  retries: int('t.retries'),
  state: oneOf('t.state', STATES),
  tenantId: str(TENANT_SQL),
  type: str('t.type'),
  worker: str('t.worker'),
};

export const jobSearch: SearchSpec<JobRow> = {
  what: 'job',
  from: 'engine_search_jobs t',
  select: 't.*',
  filters: { ...SORTS, isDenied: { ...bool('NULL::boolean'), schema: { type: ['boolean', 'null'] } }, hasFailedWithRetriesLeft: bool('t.has_failed_with_retries_left') },
  sorts: SORTS,
  item: (r) => ({
    ...elementTaskOut(r),
    deadline: dateOut(r.deadline),
    endTime: dateOut(r.end_time),
    errorCode: orUndefined(r.error_code),
    errorMessage: orUndefined(r.error_message),
    hasFailedWithRetriesLeft: r.has_failed_with_retries_left,
    jobKey: keyOut(r.key),
    kind: 'BPMN_ELEMENT',
    listenerEventType: 'UNSPECIFIED',
    retries: r.retries,
    state: r.state,
    tenantId: TENANT,
    type: r.type,
    worker: r.worker,
  }),
};

const searchJobs = searcher(jobSearch);

export function jobRoutes(ctx: RestContext): Router {
  const router = Router();
  router.post('/jobs/search', async (req, res) => {
    res.json(await searchJobs(ctx.db, req.body));
  });
  return router;
}
