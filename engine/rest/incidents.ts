// Incidents: search and get from the projection; POST /v2/incidents/{key}/resolution resolves
// one in the engine's loop (and retries what failed).

import { Router } from 'express';
import type { RestContext } from './context.ts';
import { date, key, oneOf, str, type Field } from './filters.ts';
import { dateOut, keyOut, orUndefined, TENANT, TENANT_SQL } from './format.ts';
import { searcher, searchRoutes, type SearchSpec } from './paging.ts';
import { pathKey, validator } from './validate.ts';
import { resolveIncident } from '../runtime/commands/instance-commands.ts';

const ERROR_TYPES = [
  'UNSPECIFIED', 'UNKNOWN', 'IO_MAPPING_ERROR', 'JOB_NO_RETRIES', 'EXECUTION_LISTENER_NO_RETRIES', 'TASK_LISTENER_NO_RETRIES',
  'AD_HOC_SUB_PROCESS_NO_RETRIES', 'CONDITION_ERROR', 'EXTRACT_VALUE_ERROR', 'CALLED_ELEMENT_ERROR', 'UNHANDLED_ERROR_EVENT',
  'MESSAGE_SIZE_EXCEEDED', 'CALLED_DECISION_ERROR', 'DECISION_EVALUATION_ERROR', 'FORM_NOT_FOUND', 'RESOURCE_NOT_FOUND',
] as const;
const STATES = ['ACTIVE', 'MIGRATED', 'RESOLVED', 'PENDING'] as const;

interface IncidentRow {
  key: string;
  process_instance_key: string;
  process_definition_key: string;
  bpmn_process_id: string;
  element_id: string;
  element_instance_key: string;
  job_key: string | null;
  error_type: string;
  error_message: string;
  state: string;
  creation_time: string;
}

const FIELDS: Record<string, Field> = {
  incidentKey: key('t.key'),
  processDefinitionKey: key('t.process_definition_key'),
  processDefinitionId: str('t.bpmn_process_id'),
  processInstanceKey: key('t.process_instance_key'),
  errorType: oneOf('t.error_type', ERROR_TYPES),
  errorMessage: str('t.error_message'),
  elementId: str('t.element_id'),
  elementInstanceKey: key('t.element_instance_key'),
  creationTime: date('t.creation_time'),
  state: oneOf('t.state', STATES),
  jobKey: key('t.job_key'),
  tenantId: str(TENANT_SQL),
};

export const incidentSearch: SearchSpec<IncidentRow> = {
  what: 'incident',
  from: 'engine_search_incidents t',
  select: 't.*',
  filters: FIELDS,
  sorts: FIELDS,
  item: (r) => ({
    processDefinitionId: r.bpmn_process_id,
    errorType: r.error_type,
    errorMessage: r.error_message,
    elementId: r.element_id,
    creationTime: dateOut(r.creation_time),
    state: r.state,
    tenantId: TENANT,
    incidentKey: keyOut(r.key),
    processDefinitionKey: keyOut(r.process_definition_key),
    processInstanceKey: keyOut(r.process_instance_key),
    elementInstanceKey: keyOut(r.element_instance_key),
    jobKey: keyOut(orUndefined(r.job_key)),
  }),
};

export const searchIncidents = searcher(incidentSearch);

/** Resolution and cancellation take an optional { operationReference } and nothing else. */
export const checkOperationReference = validator<{ operationReference?: number }>({
  type: ['object', 'null'],
  additionalProperties: false,
  properties: { operationReference: { type: 'integer', minimum: 1 } },
});

export function incidentRoutes(ctx: RestContext): Router {
  const router = Router();
  searchRoutes(router, ctx.db, 'incidents', 'incidentKey', incidentSearch, searchIncidents);
  router.post('/incidents/:incidentKey/resolution', async (req, res) => {
    const k = pathKey(req.params.incidentKey, 'incidentKey');
    checkOperationReference(req.body ?? {});
    await ctx.engine.submit((rt) => resolveIncident(rt, k));
    res.status(204).end();
  });
  return router;
}
