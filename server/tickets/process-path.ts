// Where a ticket's processes stand, for the diagram of the ticket page: each instance that
// carries the ticket's number (the one it started, those it called, 诉转案 started by its
// message) with its BPMN, the elements done and active and the sequence flows taken. All of
// it from the engine's REST API through the SDK, as Operate shows it.
import type { Ticket } from '../../tickets/index.ts';
import type { RestClient } from './inbox.ts';

/** The time-limit watcher runs beside every step; its deadlines are on the ticket's timeline already. */
const HIDDEN_PROCESSES = new Set(['deadline_watch']);
const PAGE = 1000;

export interface ProcessPath {
  processInstanceKey: string;
  processDefinitionKey: string;
  processDefinitionId: string;
  processDefinitionName: string;
  processDefinitionVersion: number;
  parentProcessInstanceKey: string | null;
  state: string;
  startDate: string;
  endDate: string | null;
  xml: string;
  completedElementIds: string[];
  activeElementIds: string[];
  incidentElementIds: string[];
  takenSequenceFlowIds: string[];
}

export async function processPathsOf(rest: RestClient, ticket: Ticket): Promise<ProcessPath[]> {
  const found = await rest.searchProcessInstances({
    filter: { variables: [{ name: 'ticketNo', value: JSON.stringify(ticket.ticketNo) }] } as never,
    sort: [{ field: 'startDate', order: 'ASC' }],
    page: { from: 0, limit: 100 },
  });
  const instances = (found.items as Array<Record<string, any>>).filter((i) => !HIDDEN_PROCESSES.has(i.processDefinitionId));
  const xmlOf = new Map<string, Promise<string>>();
  return Promise.all(instances.map(async (i) => {
    const key = String(i.processInstanceKey);
    const definitionKey = String(i.processDefinitionKey);
    if (!xmlOf.has(definitionKey)) xmlOf.set(definitionKey, rest.getProcessDefinitionXML(definitionKey));
    const [xml, elements, flows] = await Promise.all([
      xmlOf.get(definitionKey)!,
      rest.searchElementInstances({ filter: { processInstanceKey: key } as never, page: { from: 0, limit: PAGE } }),
      rest.callApiEndpoint<never, { items: Array<{ elementId: string }> }>({ method: 'GET', urlPath: `process-instances/${key}/sequence-flows` }),
    ]);
    const items = elements.items as Array<{ elementId: string; state: string; hasIncident?: boolean }>;
    const ids = (pick: (e: (typeof items)[number]) => boolean) => [...new Set(items.filter(pick).map((e) => e.elementId))];
    return {
      processInstanceKey: key,
      processDefinitionKey: definitionKey,
      processDefinitionId: i.processDefinitionId,
      processDefinitionName: i.processDefinitionName ?? i.processDefinitionId,
      processDefinitionVersion: Number(i.processDefinitionVersion),
      parentProcessInstanceKey: i.parentProcessInstanceKey ? String(i.parentProcessInstanceKey) : null,
      state: i.state,
      startDate: i.startDate,
      endDate: i.endDate ?? null,
      xml,
      completedElementIds: ids((e) => e.state === 'COMPLETED'),
      activeElementIds: ids((e) => e.state === 'ACTIVE'),
      incidentElementIds: ids((e) => e.hasIncident === true),
      takenSequenceFlowIds: [...new Set((flows?.items ?? []).map((f) => f.elementId))],
    };
  }));
}
