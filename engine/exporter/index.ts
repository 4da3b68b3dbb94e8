// The built-in engine's exporter: fills the search projections (engine_search_*) that the
// REST API reads, as Camunda's exporter fills its secondary storage, but inside the
// transaction that commits each batch, so a search sees everything acknowledged.

export { exportRecords } from './export-records.ts';
export { backfillSearch } from './backfill.ts';
