// Process definitions for the process monitor: every deployed version, and one version's
// diagram with counts per element and, where the engine offers it, durations per element.
import type { ServerContext } from '../context.ts';
import { notFound } from '../http/errors.ts';
import { statusOf } from '../tickets/inbox.ts';
import { call, orMissing, rest } from './engine.ts';

export interface DefinitionSummary {
  processDefinitionKey: string;
  processDefinitionId: string;
  name: string | null;
  version: number;
}

export async function listDefinitions(ctx: ServerContext): Promise<DefinitionSummary[]> {
  const found = await rest(ctx).searchProcessDefinitions({
    sort: [{ field: 'processDefinitionId', order: 'ASC' }, { field: 'version', order: 'DESC' }],
    page: { from: 0, limit: 1000 },
  } as never);
  return (found.items as unknown as Array<Record<string, unknown>>).map((d) => ({
    processDefinitionKey: String(d.processDefinitionKey),
    processDefinitionId: String(d.processDefinitionId),
    name: (d.name as string | undefined) || null,
    version: Number(d.version),
  }));
}

export interface ElementCounts { elementId: string; active: number; canceled: number; incidents: number; completed: number }
export interface ElementDuration { elementId: string; count: number; avgMs: number; p50Ms: number; p90Ms: number; maxMs: number }

export async function definitionDetail(ctx: ServerContext, key: string) {
  const client = rest(ctx);
  const definition = await orMissing(() => client.getProcessDefinition(key));
  if (!definition) throw notFound('未找到该流程定义');
  const [xml, counts, durations] = await Promise.all([
    client.getProcessDefinitionXML(key),
    call<{ items: ElementCounts[] }>(ctx, 'POST', `process-definitions/${key}/statistics/element-instances`, {}),
    elementDurations(ctx, key),
  ]);
  const d = definition as unknown as Record<string, unknown>;
  return {
    definition: { processDefinitionKey: key, processDefinitionId: String(d.processDefinitionId), name: (d.name as string | undefined) || null, version: Number(d.version) },
    xml,
    counts: counts.items,
    // null: the engine has no duration statistics (a Camunda 8 cluster); the heatmap is off.
    durations,
  };
}

/**
 * Average durations per element from the built-in engine's extension
 * (engine/rest/README.md, `/v2/x/…/element-durations`). A Camunda 8 cluster has no such
 * endpoint: its 404 (or 405) means "not available", never an error.
 */
async function elementDurations(ctx: ServerContext, key: string): Promise<ElementDuration[] | null> {
  try {
    const answer = await call<{ items: ElementDuration[] }>(ctx, 'POST', `x/process-definitions/${key}/statistics/element-durations`, {});
    return answer.items;
  } catch (err) {
    const status = statusOf(err);
    if (status === 404 || status === 405 || status === 501) return null;
    throw err;
  }
}
