// Process instances: search and get from the projection, their incidents, the sequence flows
// they took, their call hierarchy, and cancellation (POST /v2/process-instances/{key}/cancellation)
// in the engine's loop.

import { Router } from 'express';
import type { RestContext } from './context.ts';
import { bool, compare, date, fieldSchema, int, key, oneOf, str, variablesFilter, type Field } from './filters.ts';
import { dateOut, keyOut, orUndefined, TENANT, TENANT_SQL } from './format.ts';
import { INSTANCE_STATES } from './element-instances.ts';
import { checkOperationReference, searchIncidents } from './incidents.ts';
import { searchRoutes, type SearchSpec } from './paging.ts';
import { notFound } from './problem.ts';
import { pathKey } from './validate.ts';
import { cancelProcessInstance } from '../runtime/commands/instance-commands.ts';

interface ProcessInstanceRow {
  key: string;
  process_definition_key: string;
  bpmn_process_id: string;
  version: number;
  parent_process_instance_key: string | null;
  parent_element_instance_key: string | null;
  state: string;
  start_date: string;
  end_date: string | null;
  name: string;
  version_tag: string | null;
  has_incident: boolean;
}

const HAS_INCIDENT = `EXISTS (SELECT 1 FROM engine_search_incidents i WHERE i.process_instance_key = t.key AND i.state = 'ACTIVE')`;

const SORTS: Record<string, Field> = {
  processInstanceKey: key('t.key'),
  processDefinitionId: str('t.bpmn_process_id'),
  processDefinitionName: str('COALESCE(d.name, t.bpmn_process_id)'),
  processDefinitionVersion: int('t.version'),
  processDefinitionVersionTag: str('d.version_tag'),
  processDefinitionKey: key('t.process_definition_key'),
  parentProcessInstanceKey: key('t.parent_process_instance_key'),
  parentElementInstanceKey: key('t.parent_element_instance_key'),
  startDate: date('t.start_date'),
  endDate: date('t.end_date'),
  state: oneOf('t.state', INSTANCE_STATES),
  hasIncident: bool(HAS_INCIDENT),
  tenantId: str(TENANT_SQL),
};

/** A filter on the instance's element instances (elementId, elementInstanceState). */
function elementFilter(column: string, field: Field): Field {
  return {
    ...field,
    schema: fieldSchema(field),
    where: (value, q) => `EXISTS (SELECT 1 FROM engine_search_element_instances e WHERE e.process_instance_key = t.key AND ${compare(`e.${column}`, field.type, value, q)})`,
  };
}

export const processInstanceSearch: SearchSpec<ProcessInstanceRow> = {
  what: 'process instance',
  from: 'engine_search_process_instances t LEFT JOIN engine_search_process_definitions d ON d.key = t.process_definition_key',
  select: `t.*, COALESCE(d.name, t.bpmn_process_id) AS name, d.version_tag, ${HAS_INCIDENT} AS has_incident`,
  or: true,
  filters: {
    ...SORTS,
    variables: variablesFilter('process_instance_key', 't.key'),
    elementId: elementFilter('element_id', str('')),
    elementInstanceState: elementFilter('state', oneOf('', INSTANCE_STATES)),
    errorMessage: {
      ...str(''),
      where: (value, q) => `EXISTS (SELECT 1 FROM engine_search_incidents i WHERE i.process_instance_key = t.key AND i.state = 'ACTIVE' AND ${compare('i.error_message', 'string', value, q)})`,
    },
    hasRetriesLeft: bool(`EXISTS (SELECT 1 FROM engine_search_jobs j WHERE j.process_instance_key = t.key AND j.has_failed_with_retries_left)`),
  },
  sorts: SORTS,
  item: (r) => ({
    processDefinitionId: r.bpmn_process_id,
    processDefinitionName: r.name,
    processDefinitionVersion: r.version,
    processDefinitionVersionTag: orUndefined(r.version_tag),
    startDate: dateOut(r.start_date),
    endDate: dateOut(r.end_date),
    state: r.state,
    hasIncident: r.has_incident,
    tenantId: TENANT,
    processInstanceKey: keyOut(r.key),
    processDefinitionKey: keyOut(r.process_definition_key),
    parentProcessInstanceKey: keyOut(r.parent_process_instance_key),
    parentElementInstanceKey: keyOut(r.parent_element_instance_key),
  }),
};

export function processInstanceRoutes(ctx: RestContext): Router {
  const router = Router();
  searchRoutes(router, ctx.db, 'process-instances', 'processInstanceKey', processInstanceSearch);
  router.post('/process-instances/:processInstanceKey/incidents/search', async (req, res) => {
    const k = pathKey(req.params.processInstanceKey, 'processInstanceKey');
    res.json(await searchIncidents(ctx.db, req.body, (q) => `t.process_instance_key = ${q.add(k, 'bigint')}`));
  });
  // The flows the instance took, each once however often (Camunda's sequenceFlowId is
  // `<processInstanceKey>_<flow id>`); an unknown instance has none (no 404, as in Camunda).
  router.get('/process-instances/:processInstanceKey/sequence-flows', async (req, res) => {
    const k = pathKey(req.params.processInstanceKey, 'processInstanceKey');
    const result = await ctx.db.query<{ process_instance_key: string; element_id: string; process_definition_key: string; bpmn_process_id: string }>(
      `SELECT * FROM engine_search_sequence_flows WHERE process_instance_key = $1::bigint ORDER BY element_id`,
      [k],
    );
    res.json({
      items: result.rows.map((r) => ({
        sequenceFlowId: `${r.process_instance_key}_${r.element_id}`,
        processInstanceKey: keyOut(r.process_instance_key),
        processDefinitionKey: keyOut(r.process_definition_key),
        processDefinitionId: r.bpmn_process_id,
        elementId: r.element_id,
        tenantId: TENANT,
      })),
    });
  });

  // The instances from the root down to this one, each called by the one before; [] for a root.
  router.get('/process-instances/:processInstanceKey/call-hierarchy', async (req, res) => {
    const k = pathKey(req.params.processInstanceKey, 'processInstanceKey');
    const result = await ctx.db.query<{ key: string; process_definition_key: string; name: string }>(
      `WITH RECURSIVE chain(key, depth) AS (
         SELECT key, 0 FROM engine_search_process_instances WHERE key = $1::bigint
         UNION ALL
         SELECT p.parent_process_instance_key, c.depth + 1
         FROM chain c JOIN engine_search_process_instances p ON p.key = c.key
         WHERE p.parent_process_instance_key IS NOT NULL AND c.depth < 1000
       )
       SELECT t.key, t.process_definition_key, COALESCE(NULLIF(d.name, ''), t.bpmn_process_id) AS name
       FROM chain c JOIN engine_search_process_instances t ON t.key = c.key
       LEFT JOIN engine_search_process_definitions d ON d.key = t.process_definition_key
       ORDER BY c.depth DESC`,
      [k],
    );
    if (!result.rows.length) throw notFound(`Process instance with key '${k}' not found`);
    const chain = result.rows.length === 1 ? [] : result.rows;
    res.json(chain.map((r) => ({ processInstanceKey: keyOut(r.key), processDefinitionKey: keyOut(r.process_definition_key), processDefinitionName: r.name })));
  });

  router.post('/process-instances/:processInstanceKey/cancellation', async (req, res) => {
    const k = pathKey(req.params.processInstanceKey, 'processInstanceKey');
    checkOperationReference(req.body ?? {});
    await ctx.engine.submit((rt) => cancelProcessInstance(rt, k));
    res.status(204).end();
  });
  return router;
}
