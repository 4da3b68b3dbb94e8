// Process definitions: search and get from the projection, the BPMN XML from the deployed
// resource. Start forms are not supported by the built-in engine, so there never is one.

import { Router } from 'express';
import type { RestContext } from './context.ts';
import { bool, int, key, str, type Field } from './filters.ts';
import { keyOut, orUndefined, TENANT, TENANT_SQL } from './format.ts';
import { getOne, searchRoutes, type SearchSpec } from './paging.ts';
import { pathKey } from './validate.ts';

interface ProcessDefinitionRow {
  key: string;
  bpmn_process_id: string;
  name: string | null;
  version: number;
  version_tag: string | null;
  resource_name: string;
}

const SORTS: Record<string, Field> = {
  processDefinitionKey: key('t.key'),
  name: str('t.name'),
  resourceName: str('t.resource_name'),
  version: int('t.version'),
  versionTag: str('t.version_tag'),
  processDefinitionId: str('t.bpmn_process_id'),
  tenantId: str(TENANT_SQL),
};

const IS_LATEST = `t.version = (SELECT max(x.version) FROM engine_search_process_definitions x WHERE x.bpmn_process_id = t.bpmn_process_id)`;

export const processDefinitionSearch: SearchSpec<ProcessDefinitionRow> = {
  what: 'process definition',
  from: 'engine_search_process_definitions t',
  select: 't.key, t.bpmn_process_id, t.name, t.version, t.version_tag, t.resource_name',
  filters: { ...SORTS, isLatestVersion: bool(IS_LATEST), hasStartForm: bool('FALSE') },
  sorts: SORTS,
  item: (r) => ({
    name: orUndefined(r.name),
    resourceName: r.resource_name,
    version: r.version,
    versionTag: orUndefined(r.version_tag),
    processDefinitionId: r.bpmn_process_id,
    tenantId: TENANT,
    processDefinitionKey: keyOut(r.key),
    hasStartForm: false,
  }),
};

/** The XML of a deployed resource (a process's BPMN, or a decision requirements graph's DMN). */
export async function resourceXml(ctx: RestContext, key: number | string, kind: 'process' | 'drg'): Promise<string | undefined> {
  const result = await ctx.db.query<{ xml: string }>(`SELECT data->>'xml' AS xml FROM engine_resources WHERE key = $1::bigint AND data->>'kind' = $2`, [key, kind]);
  return result.rows[0]?.xml;
}

export function processDefinitionRoutes(ctx: RestContext): Router {
  const router = Router();
  searchRoutes(router, ctx.db, 'process-definitions', 'processDefinitionKey', processDefinitionSearch);
  const definition = (raw: string | undefined) => getOne(ctx.db, processDefinitionSearch, pathKey(raw, 'processDefinitionKey'));
  router.get('/process-definitions/:processDefinitionKey/xml', async (req, res) => {
    const { processDefinitionKey } = await definition(req.params.processDefinitionKey);
    const xml = await resourceXml(ctx, processDefinitionKey as string, 'process');
    if (xml === undefined) return void res.status(204).end();
    res.type('text/xml').send(xml);
  });
  router.get('/process-definitions/:processDefinitionKey/form', async (req, res) => {
    await definition(req.params.processDefinitionKey);
    res.status(204).end();
  });
  return router;
}
