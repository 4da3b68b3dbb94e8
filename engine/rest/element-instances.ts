// Element instances (every element but the process and sequence flows), with start and end:
// POST /v2/element-instances/search, GET /v2/element-instances/{key}.

import { Router } from 'express';
import type { RestContext } from './context.ts';
import { bool, date, key, oneOf, str, type Field } from './filters.ts';
import { dateOut, keyOut, orUndefined, TENANT, TENANT_SQL } from './format.ts';
import { searchRoutes, type SearchSpec } from './paging.ts';

export const ELEMENT_TYPES = [
  'UNSPECIFIED', 'PROCESS', 'SUB_PROCESS', 'EVENT_SUB_PROCESS', 'AD_HOC_SUB_PROCESS', 'AD_HOC_SUB_PROCESS_INNER_INSTANCE', 'START_EVENT',
  'INTERMEDIATE_CATCH_EVENT', 'INTERMEDIATE_THROW_EVENT', 'BOUNDARY_EVENT', 'END_EVENT', 'SERVICE_TASK', 'RECEIVE_TASK', 'USER_TASK',
  'MANUAL_TASK', 'TASK', 'EXCLUSIVE_GATEWAY', 'INCLUSIVE_GATEWAY', 'PARALLEL_GATEWAY', 'EVENT_BASED_GATEWAY', 'SEQUENCE_FLOW',
  'MULTI_INSTANCE_BODY', 'CALL_ACTIVITY', 'BUSINESS_RULE_TASK', 'SCRIPT_TASK', 'SEND_TASK', 'UNKNOWN',
] as const;
export const INSTANCE_STATES = ['ACTIVE', 'COMPLETED', 'TERMINATED'] as const;

const ACTIVE_INCIDENT = `(SELECT max(i.key) FROM engine_search_incidents i WHERE i.element_instance_key = t.key AND i.state = 'ACTIVE')`;
/** Camunda's element name: the model's name, else the element id. */
const ELEMENT_NAME = 'COALESCE(d.element_names->>t.element_id, t.element_id)';

interface ElementInstanceRow {
  key: string;
  process_instance_key: string;
  process_definition_key: string;
  bpmn_process_id: string;
  element_id: string;
  element_name: string;
  type: string;
  state: string;
  start_date: string;
  end_date: string | null;
  incident_key: string | null;
}

const SORTS: Record<string, Field> = {
  elementInstanceKey: key('t.key'),
  processInstanceKey: key('t.process_instance_key'),
  processDefinitionKey: key('t.process_definition_key'),
  processDefinitionId: str('t.bpmn_process_id'),
  startDate: date('t.start_date'),
  endDate: date('t.end_date'),
  elementId: str('t.element_id'),
  elementName: str(ELEMENT_NAME),
  type: oneOf('t.type', ELEMENT_TYPES),
  state: oneOf('t.state', INSTANCE_STATES),
  incidentKey: key(ACTIVE_INCIDENT),
  tenantId: str(TENANT_SQL),
};

export const elementInstanceSearch: SearchSpec<ElementInstanceRow> = {
  what: 'element instance',
  from: 'engine_search_element_instances t LEFT JOIN engine_search_process_definitions d ON d.key = t.process_definition_key',
  select: `t.key, t.process_instance_key, t.process_definition_key, t.bpmn_process_id, t.element_id, ${ELEMENT_NAME} AS element_name,
           t.type, t.state, t.start_date, t.end_date, ${ACTIVE_INCIDENT} AS incident_key`,
  filters: {
    ...SORTS,
    hasIncident: bool(`EXISTS (SELECT 1 FROM engine_search_incidents i WHERE i.element_instance_key = t.key AND i.state = 'ACTIVE')`),
    elementInstanceScopeKey: key('t.flow_scope_key'),
  },
  sorts: SORTS,
  item: (r) => ({
    processDefinitionId: r.bpmn_process_id,
    startDate: dateOut(r.start_date),
    endDate: dateOut(r.end_date),
    elementId: r.element_id,
    elementName: r.element_name,
    type: r.type,
    state: r.state,
    hasIncident: r.incident_key !== null,
    tenantId: TENANT,
    elementInstanceKey: keyOut(r.key),
    processInstanceKey: keyOut(r.process_instance_key),
    processDefinitionKey: keyOut(r.process_definition_key),
    incidentKey: keyOut(orUndefined(r.incident_key)),
  }),
};

export function elementInstanceRoutes(ctx: RestContext): Router {
  const router = Router();
  searchRoutes(router, ctx.db, 'element-instances', 'elementInstanceKey', elementInstanceSearch);
  return router;
}
