// Turns each batch of history records into the search projections (engine_search_*), inside
// the transaction that commits the batch. Records of types no projection knows are skipped.

import type pg from 'pg';
import type { HistoryRecord } from '../runtime/rows.ts';
import { DefinitionProjection } from './definitions.ts';
import { IncidentProjection } from './incidents.ts';
import { InstanceProjection } from './instances.ts';
import { JobProjection } from './jobs.ts';
import { UserTaskProjection } from './user-tasks.ts';
import type { Projection } from './values.ts';
import { VariableProjection } from './variables.ts';

export async function exportRecords(client: pg.ClientBase, records: readonly HistoryRecord[]): Promise<void> {
  if (records.length === 0) return;
  const projections: Projection[] = [
    new DefinitionProjection(),
    new InstanceProjection(),
    new VariableProjection(),
    new IncidentProjection(),
    new UserTaskProjection(),
    new JobProjection(),
  ];
  const byType = new Map<string, Projection>();
  for (const p of projections) for (const type of p.valueTypes) byType.set(type, p);
  const touched = new Set<Projection>();
  for (const record of records) {
    const projection = byType.get(record.valueType);
    if (!projection) continue;
    projection.add(record);
    touched.add(projection);
  }
  for (const projection of projections) if (touched.has(projection)) await projection.write(client);
}
