// Deployed definitions (processes, decision requirements, decisions, forms) from their
// CREATED records, read from the resource rows written in the same transaction; a
// RESOURCE_DELETION removes them from the search. The XML and form schemas are not copied:
// the REST API reads them from engine_resources.

import type pg from 'pg';
import type { HistoryRecord } from '../runtime/rows.ts';
import { elementNames } from './element-names.ts';
import type { Projection } from './values.ts';

export class DefinitionProjection implements Projection {
  readonly valueTypes = ['PROCESS', 'DECISION_REQUIREMENTS', 'DECISION', 'FORM', 'RESOURCE_DELETION'];
  private created = new Map<string, number[]>();
  private deleted: number[] = [];

  add(record: HistoryRecord): void {
    if (record.valueType === 'RESOURCE_DELETION') {
      if (record.intent === 'DELETED') this.deleted.push(record.key);
      return;
    }
    if (record.intent !== 'CREATED') return;
    const keys = this.created.get(record.valueType) ?? [];
    keys.push(record.key);
    this.created.set(record.valueType, keys);
  }

  async write(client: pg.ClientBase): Promise<void> {
    const keys = (type: string) => this.created.get(type) ?? [];
    if (keys('PROCESS').length) await writeProcesses(client, keys('PROCESS'));
    if (keys('DECISION_REQUIREMENTS').length) {
      await client.query(
        `INSERT INTO engine_search_decision_requirements (key, drg_id, name, version, resource_name)
         SELECT key, data->>'drgId', data->>'name', (data->>'version')::int, data->>'resourceName'
         FROM engine_resources WHERE key = ANY($1::bigint[]) AND data->>'kind' = 'drg'
         ON CONFLICT (key) DO NOTHING`,
        [keys('DECISION_REQUIREMENTS')],
      );
    }
    if (keys('DECISION').length) {
      await client.query(
        `INSERT INTO engine_search_decision_definitions (key, decision_id, name, version, drg_key, drg_id)
         SELECT key, data->>'decisionId', data->>'name', (data->>'version')::int, (data->>'drgKey')::bigint, data->>'drgId'
         FROM engine_resources WHERE key = ANY($1::bigint[]) AND data->>'kind' = 'decision'
         ON CONFLICT (key) DO NOTHING`,
        [keys('DECISION')],
      );
    }
    if (keys('FORM').length) {
      await client.query(
        `INSERT INTO engine_search_forms (key, form_id, version, version_tag, resource_name)
         SELECT key, data->>'formId', (data->>'version')::int, data->>'versionTag', data->>'resourceName'
         FROM engine_resources WHERE key = ANY($1::bigint[]) AND data->>'kind' = 'form'
         ON CONFLICT (key) DO NOTHING`,
        [keys('FORM')],
      );
    }
    if (this.deleted.length) {
      for (const table of ['engine_search_process_definitions', 'engine_search_decision_requirements', 'engine_search_forms']) {
        await client.query(`DELETE FROM ${table} WHERE key = ANY($1::bigint[])`, [this.deleted]);
      }
      await client.query(`DELETE FROM engine_search_decision_definitions WHERE key = ANY($1::bigint[]) OR drg_key = ANY($1::bigint[])`, [this.deleted]);
    }
  }
}

async function writeProcesses(client: pg.ClientBase, keys: number[]): Promise<void> {
  const xml = await client.query<{ key: string; xml: string }>(
    `SELECT key::text, data->>'xml' AS xml FROM engine_resources WHERE key = ANY($1::bigint[]) AND data->>'kind' = 'process'`,
    [keys],
  );
  if (xml.rows.length === 0) return;
  await client.query(
    `INSERT INTO engine_search_process_definitions (key, bpmn_process_id, name, version, version_tag, resource_name, deployment_key, element_names)
     SELECT r.key, r.data->>'bpmnProcessId', r.data->>'name', (r.data->>'version')::int, r.data->>'versionTag', r.data->>'resourceName',
            (r.data->>'deploymentKey')::bigint, n.names
     FROM unnest($1::bigint[], $2::jsonb[]) AS n(key, names) JOIN engine_resources r ON r.key = n.key
     ON CONFLICT (key) DO NOTHING`,
    [xml.rows.map((r) => r.key), xml.rows.map((r) => JSON.stringify(elementNames(r.xml)))],
  );
}
