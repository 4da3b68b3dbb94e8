// Turns each batch of history records into the search projections (engine_search_*), inside
// the transaction that commits the batch. Records of types no projection knows are skipped;
// a value type may feed several projections (PROCESS_INSTANCE: instances and sequence flows).

import type pg from 'pg';
import type { HistoryRecord } from '../runtime/rows.ts';
import { DefinitionProjection } from './definitions.ts';
import { IncidentProjection } from './incidents.ts';
import { InstanceProjection } from './instances.ts';
import { JobProjection } from './jobs.ts';
import { MessageProjection } from './messages.ts';
import { SequenceFlowProjection } from './sequence-flows.ts';
import { UserTaskProjection } from './user-tasks.ts';
import type { Projection } from './values.ts';
import { VariableProjection } from './variables.ts';

/** The projections added by migration 005, replayed on their own into an older database. */
export function supervisionProjections(): Projection[] {
  return [new SequenceFlowProjection(), new MessageProjection()];
}

/** Every projection, fresh for one batch; written in this order (messages read the instances). */
export function searchProjections(): Projection[] {
  return [
    new DefinitionProjection(),
    new InstanceProjection(),
    new VariableProjection(),
    new IncidentProjection(),
    new UserTaskProjection(),
    new JobProjection(),
    ...supervisionProjections(),
  ];
}

export async function exportRecords(client: pg.ClientBase, records: readonly HistoryRecord[], projectionsOf: () => Projection[] = searchProjections): Promise<void> {
  if (records.length === 0) return;
  const projections = projectionsOf();
  const byType = new Map<string, Projection[]>();
  for (const p of projections) for (const type of p.valueTypes) byType.set(type, [...(byType.get(type) ?? []), p]);
  const touched = new Set<Projection>();
  for (const record of records) {
    const forType = byType.get(record.valueType);
    if (!forType) continue;
    for (const projection of forType) {
      projection.add(record);
      touched.add(projection);
    }
  }
  for (const projection of projections) if (touched.has(projection)) await projection.write(client);
}
