// Deployed forms (form-js schemas) by key: GET /v2/forms/{formKey}, and the form of a user task.

import { Router } from 'express';
import type pg from 'pg';
import type { RestContext } from './context.ts';
import { TENANT } from './format.ts';
import { notFound } from './problem.ts';
import { pathKey } from './validate.ts';

export interface FormResult {
  formKey: string;
  tenantId: string;
  formId: string;
  version: number;
  schema: unknown;
}

export async function loadForm(db: pg.Pool, key: number | string): Promise<FormResult | undefined> {
  const result = await db.query<{ data: { formId: string; version: number; schema: string } }>(
    `SELECT data FROM engine_resources WHERE key = $1::bigint AND data->>'kind' = 'form'`,
    [key],
  );
  const form = result.rows[0]?.data;
  if (!form) return undefined;
  return { formKey: String(key), tenantId: TENANT, formId: form.formId, version: form.version, schema: JSON.parse(form.schema) };
}

export function formRoutes(ctx: RestContext): Router {
  const router = Router();
  router.get('/forms/:formKey', async (req, res) => {
    const key = pathKey(req.params.formKey, 'formKey');
    const form = await loadForm(ctx.db, key);
    if (!form) throw notFound(`Form with key '${key}' not found`);
    res.json(form);
  });
  return router;
}
