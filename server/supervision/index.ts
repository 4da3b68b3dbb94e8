// Public entry of supervision (督办监管): the process monitor (definitions, instances,
// incidents and what to do about them) and the due-today / overdue lists with 催办 and 督办.
export { listDefinitions, definitionDetail, type DefinitionSummary, type ElementCounts, type ElementDuration } from './processes.ts';
export { searchInstances, instanceDetail, INSTANCE_STATES, type InstanceState, type InstanceQuery } from './instances.ts';
export { listIncidents, retryIncident, retryCalendarIncidents, cancelInstance, migrateInstance, type IncidentQuery } from './incidents.ts';
export { dueList, type DueKind, type DueQuery } from './due-lists.ts';
export { urge, supervise } from './actions.ts';
export { dueListXlsx, DUE_TITLES } from './export.ts';
export { keySchema } from './engine.ts';
