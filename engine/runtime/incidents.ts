// Incidents: a step that cannot go on stops where it is and waits for a person.

import type { ElementInstanceRow, IncidentErrorType, IncidentRow } from './rows.ts';
import type { Runtime } from './runtime.ts';

export function createIncident(rt: Runtime, instance: ElementInstanceRow, errorType: IncidentErrorType, errorMessage: string, jobKey?: number): IncidentRow {
  const incident: IncidentRow = {
    key: rt.newKey(),
    errorType,
    errorMessage,
    elementInstanceKey: instance.key,
    elementId: instance.elementId,
    processInstanceKey: instance.processInstanceKey,
    bpmnProcessId: instance.bpmnProcessId,
    processDefinitionKey: instance.processDefinitionKey,
    jobKey,
    creationTime: rt.now,
  };
  rt.state.incidents.put(incident.key, incident);
  rt.record('INCIDENT', 'CREATED', incident.key, incidentValue(incident), incident.processInstanceKey);
  return incident;
}

export function removeIncident(rt: Runtime, incident: IncidentRow): void {
  rt.state.incidents.delete(incident.key);
  rt.record('INCIDENT', 'RESOLVED', incident.key, incidentValue(incident), incident.processInstanceKey);
}

/** An element that ends (completed or terminated) takes its incidents with it. */
export function removeIncidentsOf(rt: Runtime, elementInstanceKey: number): void {
  for (const key of [...(rt.state.incidentsByElement.get(elementInstanceKey) ?? [])]) removeIncident(rt, rt.state.incidents.get(key)!);
}

export function incidentValue(incident: IncidentRow): Record<string, unknown> {
  return { ...incident, jobKey: incident.jobKey ?? -1 };
}
