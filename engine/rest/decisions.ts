// Decision definitions and decision requirements (DRGs): search and get from the projection,
// the DMN XML from the deployed resource (a decision's XML is its graph's).

import { Router } from 'express';
import type { RestContext } from './context.ts';
import { int, key, str, type Field } from './filters.ts';
import { keyOut, orUndefined, TENANT, TENANT_SQL } from './format.ts';
import { getOne, searchRoutes, type SearchSpec } from './paging.ts';
import { pathKey } from './validate.ts';
import { resourceXml } from './definitions.ts';

interface DecisionRow {
  key: string;
  decision_id: string;
  name: string | null;
  version: number;
  drg_key: string;
  drg_id: string;
}

interface DrgRow {
  key: string;
  drg_id: string;
  name: string | null;
  version: number;
  resource_name: string;
}

const DECISION_FIELDS: Record<string, Field> = {
  decisionDefinitionKey: key('t.key'),
  decisionDefinitionId: str('t.decision_id'),
  name: str('t.name'),
  version: int('t.version'),
  decisionRequirementsId: str('t.drg_id'),
  decisionRequirementsKey: key('t.drg_key'),
  tenantId: str(TENANT_SQL),
};

export const decisionSearch: SearchSpec<DecisionRow> = {
  what: 'decision definition',
  from: 'engine_search_decision_definitions t',
  select: 't.*',
  filters: DECISION_FIELDS,
  sorts: DECISION_FIELDS,
  item: (r) => ({
    decisionDefinitionId: r.decision_id,
    name: orUndefined(r.name),
    version: r.version,
    decisionRequirementsId: r.drg_id,
    tenantId: TENANT,
    decisionDefinitionKey: keyOut(r.key),
    decisionRequirementsKey: keyOut(r.drg_key),
  }),
};

const DRG_FIELDS: Record<string, Field> = {
  decisionRequirementsKey: key('t.key'),
  decisionRequirementsName: str('t.name'),
  version: int('t.version'),
  decisionRequirementsId: str('t.drg_id'),
  tenantId: str(TENANT_SQL),
};

export const drgSearch: SearchSpec<DrgRow> = {
  what: 'decision requirements',
  from: 'engine_search_decision_requirements t',
  select: 't.*',
  filters: { ...DRG_FIELDS, resourceName: str('t.resource_name') },
  sorts: DRG_FIELDS,
  item: (r) => ({
    decisionRequirementsName: orUndefined(r.name),
    version: r.version,
    decisionRequirementsId: r.drg_id,
    resourceName: r.resource_name,
    tenantId: TENANT,
    decisionRequirementsKey: keyOut(r.key),
  }),
};

export function decisionRoutes(ctx: RestContext): Router {
  const router = Router();
  const decision = (raw: string | undefined) => getOne(ctx.db, decisionSearch, pathKey(raw, 'decisionDefinitionKey'));
  const drg = (raw: string | undefined) => getOne(ctx.db, drgSearch, pathKey(raw, 'decisionRequirementsKey'));
  const sendXml = async (res: import('express').Response, drgKey: number | string) => {
    const xml = await resourceXml(ctx, drgKey, 'drg');
    if (xml === undefined) return void res.status(204).end();
    res.type('text/xml').send(xml);
  };

  searchRoutes(router, ctx.db, 'decision-definitions', 'decisionDefinitionKey', decisionSearch);
  router.get('/decision-definitions/:decisionDefinitionKey/xml', async (req, res) => {
    await sendXml(res, (await decision(req.params.decisionDefinitionKey)).decisionRequirementsKey as string);
  });
  searchRoutes(router, ctx.db, 'decision-requirements', 'decisionRequirementsKey', drgSearch);
  router.get('/decision-requirements/:decisionRequirementsKey/xml', async (req, res) => {
    await sendXml(res, (await drg(req.params.decisionRequirementsKey)).decisionRequirementsKey as string);
  });
  return router;
}
