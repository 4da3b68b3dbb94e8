// Variables: POST /v2/variables/search, GET /v2/variables/{variableKey}. Values are JSON text;
// searches cut them at Camunda's 8191 characters and say so (isTruncated), GET gives them whole.

import { Router } from 'express';
import type { RestContext } from './context.ts';
import { bool, key, str, type Field } from './filters.ts';
import { keyOut, TENANT, TENANT_SQL } from './format.ts';
import { getOne, searcher, type SearchSpec } from './paging.ts';
import { pathKey } from './validate.ts';

const TRUNCATE_AT = 8191;

interface VariableRow {
  key: string;
  name: string;
  value: string;
  truncated: boolean;
  scope_key: string;
  process_instance_key: string;
}

const SORTS: Record<string, Field> = {
  value: str('t.value'),
  name: str('t.name'),
  tenantId: str(TENANT_SQL),
  variableKey: key('t.key'),
  scopeKey: key('t.scope_key'),
  processInstanceKey: key('t.process_instance_key'),
};

export const variableSearch: SearchSpec<VariableRow> = {
  what: 'variable',
  from: 'engine_search_variables t',
  select: `t.key, t.name, left(t.value, ${TRUNCATE_AT}) AS value, length(t.value) > ${TRUNCATE_AT} AS truncated, t.scope_key, t.process_instance_key`,
  filters: {
    name: str('t.name'),
    value: str('t.value'),
    tenantId: str(TENANT_SQL),
    isTruncated: bool(`length(t.value) > ${TRUNCATE_AT}`),
    variableKey: key('t.key'),
    scopeKey: key('t.scope_key'),
    processInstanceKey: key('t.process_instance_key'),
  },
  sorts: SORTS,
  item: (r) => ({
    name: r.name,
    value: r.value,
    isTruncated: r.truncated,
    tenantId: TENANT,
    variableKey: keyOut(r.key),
    scopeKey: keyOut(r.scope_key),
    processInstanceKey: keyOut(r.process_instance_key),
  }),
};

const searchVariables = searcher(variableSearch);
/** GET gives the whole value. */
const wholeValue: SearchSpec<VariableRow> = { ...variableSearch, select: 't.key, t.name, t.value, t.scope_key, t.process_instance_key' };

export function variableRoutes(ctx: RestContext): Router {
  const router = Router();
  router.post('/variables/search', async (req, res) => {
    res.json(await searchVariables(ctx.db, req.body));
  });
  router.get('/variables/:variableKey', async (req, res) => {
    const { isTruncated: _, ...whole } = await getOne(ctx.db, wholeValue, pathKey(req.params.variableKey, 'variableKey'));
    res.json(whole);
  });
  return router;
}
