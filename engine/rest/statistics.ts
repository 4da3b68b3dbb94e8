// Element statistics for the supervision views, from the element instance projection:
//
// - POST /v2/process-definitions/{key}/statistics/element-instances (Camunda 8.8): per element,
//   how many process instances of the definition have it active, canceled (terminated), with
//   an incident, completed. Instances, not element instances: an element taken three times in
//   one instance counts once, as in Camunda (camunda/camunda#30442). The filter is Camunda's
//   process instance filter; elementId, elementInstanceState and hasElementInstanceIncident
//   select the element instances counted.
// - GET /v2/process-instances/{key}/statistics/element-instances (Camunda 8.8): the same for
//   one instance, counting its element instances (a loop shows how often it ran);
//   multi-instance bodies are left out, their inner instances count.
// - POST /v2/x/process-definitions/{key}/statistics/element-durations: NOT PART OF CAMUNDA'S
//   API, an extension of the built-in engine (hence /v2/x/) for duration heatmaps; see
//   engine/rest/README.md.
//
// "Incident" follows Camunda's tree path: an active element instance has one when an active
// incident sits on it or anywhere below it, including in instances it called (a sub-process
// or call activity around a failing task shows the incident too). Unknown keys give no items,
// as in Camunda (these endpoints have no 404).

import { Router } from 'express';
import type { RestContext } from './context.ts';
import { bool, date, key, oneOf, Params, str, type Field } from './filters.ts';
import { ELEMENT_TYPES, INSTANCE_STATES } from './element-instances.ts';
import { filterConditions, filterSchema } from './paging.ts';
import { processInstanceSearch } from './process-instances.ts';
import { pathKey, validator } from './validate.ts';

/**
 * `incident_path(key)`: the element instances (and process instances) on the tree path of an
 * active incident: its element instance, every flow scope around it, and from a process
 * instance on to the call activity that called it. `start` selects the incidents (alias i).
 */
function incidentPath(start: string): string {
  return `incident_path(key) AS (
    SELECT i.element_instance_key FROM engine_search_incidents i WHERE i.state = 'ACTIVE' AND ${start}
    UNION
    SELECT COALESCE(e.flow_scope_key, p.parent_element_instance_key)
    FROM incident_path s
    LEFT JOIN engine_search_element_instances e ON e.key = s.key
    LEFT JOIN engine_search_process_instances p ON p.key = s.key
    WHERE COALESCE(e.flow_scope_key, p.parent_element_instance_key) IS NOT NULL
  )`;
}

/** The four counts of Camunda's ProcessElementStatisticsResult, of `counted` rows of `e` (ip: incident_path). */
function counts(counted: string): string {
  return `${counted} FILTER (WHERE e.state = 'ACTIVE' AND ip.key IS NULL)::int AS active,
    ${counted} FILTER (WHERE e.state = 'TERMINATED')::int AS canceled,
    ${counted} FILTER (WHERE e.state = 'ACTIVE' AND ip.key IS NOT NULL)::int AS incidents,
    ${counted} FILTER (WHERE e.state = 'COMPLETED')::int AS completed`;
}

interface CountRow {
  element_id: string;
  active: number;
  canceled: number;
  incidents: number;
  completed: number;
}

const countItem = (r: CountRow) => ({ elementId: r.element_id, active: r.active, canceled: r.canceled, incidents: r.incidents, completed: r.completed });

/** Camunda's ProcessDefinitionStatisticsFilter: process instance fields (alias t), element instance fields (alias e). */
const PROCESS_FIELDS = [
  'startDate', 'endDate', 'state', 'hasIncident', 'tenantId', 'variables', 'processInstanceKey', 'parentProcessInstanceKey',
  'parentElementInstanceKey', 'errorMessage', 'hasRetriesLeft',
] as const;
const DEFINITION_FILTERS: Record<string, Field> = {
  ...Object.fromEntries(PROCESS_FIELDS.map((name) => [name, processInstanceSearch.filters[name]])),
  elementId: str('e.element_id'),
  elementInstanceState: oneOf('e.state', INSTANCE_STATES),
  hasElementInstanceIncident: bool('ip.key IS NOT NULL'),
};

type FilterBody = { filter?: Record<string, unknown> };
const checkDefinitionStatistics = validator<FilterBody>({
  type: 'object',
  additionalProperties: false,
  properties: { filter: filterSchema(DEFINITION_FILTERS, true) },
});

// --- the duration extension ---

/** What the duration statistics can be narrowed by; the window is a range on endDate (or startDate). */
const DURATION_FILTERS: Record<string, Field> = {
  elementId: str('e.element_id'),
  type: oneOf('e.type', ELEMENT_TYPES),
  startDate: date('e.start_date'),
  endDate: date('e.end_date'),
  processInstanceKey: key('e.process_instance_key'),
};
const checkDurations = validator<FilterBody>({
  type: 'object',
  additionalProperties: false,
  properties: { filter: filterSchema(DURATION_FILTERS) },
});

interface DurationRow {
  element_id: string;
  count: number;
  avg: number;
  p50: string;
  p90: string;
  max: string;
}

export function statisticsRoutes(ctx: RestContext): Router {
  const router = Router();

  router.post('/process-definitions/:processDefinitionKey/statistics/element-instances', async (req, res) => {
    const k = pathKey(req.params.processDefinitionKey, 'processDefinitionKey');
    const body = checkDefinitionStatistics(req.body ?? {});
    const q = new Params();
    const where = [`e.process_definition_key = ${q.add(k, 'bigint')}`, ...filterConditions(DEFINITION_FILTERS, body.filter ?? {}, q)];
    const result = await ctx.db.query<CountRow>(
      `WITH RECURSIVE ${incidentPath('TRUE')}
       SELECT e.element_id, ${counts('count(DISTINCT e.process_instance_key)')}
       FROM engine_search_element_instances e
       JOIN engine_search_process_instances t ON t.key = e.process_instance_key
       LEFT JOIN incident_path ip ON ip.key = e.key
       WHERE ${where.join(' AND ')}
       GROUP BY e.element_id ORDER BY e.element_id`,
      q.values,
    );
    res.json({ items: result.rows.map(countItem) });
  });

  router.get('/process-instances/:processInstanceKey/statistics/element-instances', async (req, res) => {
    const k = pathKey(req.params.processInstanceKey, 'processInstanceKey');
    // The incidents of this instance and of the instances it called, directly or not.
    const result = await ctx.db.query<CountRow>(
      `WITH RECURSIVE family(key) AS (
         SELECT $1::bigint
         UNION ALL
         SELECT c.key FROM engine_search_process_instances c JOIN family f ON c.parent_process_instance_key = f.key
       ), ${incidentPath('i.process_instance_key IN (SELECT key FROM family)')}
       SELECT e.element_id, ${counts('count(*)')}
       FROM engine_search_element_instances e
       LEFT JOIN incident_path ip ON ip.key = e.key
       WHERE e.process_instance_key = $1::bigint AND e.type <> 'MULTI_INSTANCE_BODY'
       GROUP BY e.element_id ORDER BY e.element_id`,
      [k],
    );
    res.json({ items: result.rows.map(countItem) });
  });

  // Not part of Camunda's API: see engine/rest/README.md.
  router.post('/x/process-definitions/:processDefinitionKey/statistics/element-durations', async (req, res) => {
    const k = pathKey(req.params.processDefinitionKey, 'processDefinitionKey');
    const body = checkDurations(req.body ?? {});
    const q = new Params();
    const where = [
      `e.process_definition_key = ${q.add(k, 'bigint')}`,
      `e.state = 'COMPLETED'`,
      `e.type <> 'MULTI_INSTANCE_BODY'`,
      ...filterConditions(DURATION_FILTERS, body.filter ?? {}, q),
    ];
    const duration = '(e.end_date - e.start_date)';
    const result = await ctx.db.query<DurationRow>(
      `SELECT e.element_id, count(*)::int AS count, avg(${duration})::float8 AS avg,
              percentile_disc(0.5) WITHIN GROUP (ORDER BY ${duration}) AS p50,
              percentile_disc(0.9) WITHIN GROUP (ORDER BY ${duration}) AS p90,
              max(${duration}) AS max
       FROM engine_search_element_instances e
       WHERE ${where.join(' AND ')}
       GROUP BY e.element_id ORDER BY e.element_id`,
      q.values,
    );
    res.json({
      items: result.rows.map((r) => ({ elementId: r.element_id, count: r.count, avgMs: r.avg, p50Ms: Number(r.p50), p90Ms: Number(r.p90), maxMs: Number(r.max) })),
    });
  });

  return router;
}
