// What runs now, for the editors' "open the running version" and the diff against it.
// Processes are asked of the engine (its latest version, whoever deployed it: the product's
// first deployment does not go through this server); decisions and forms come from the
// server's history, as the SDK's REST client offers no XML of them.
import type pg from 'pg';
import type { ServerContext } from '../context.ts';
import { statusOf } from '../tickets/inbox.ts';
import { restOf } from './engine.ts';
import { runningDeployment, type DeploymentRow } from './store.ts';

export type ResourceKind = 'process' | 'decision' | 'form';

export interface RunningResource {
  kind: ResourceKind;
  resourceId: string;
  name: string;
  resourceName: string;
  version: number;
  /** The server's history row of this version, when the server deployed it. */
  deploymentId: string | null;
}

// The engine's latest version of each process (Camunda 8.8: filter isLatestVersion).
const LATEST = { isLatestVersion: true } as Record<string, unknown>;

export async function listRunning(ctx: ServerContext, kind: ResourceKind): Promise<RunningResource[]> {
  if (kind === 'process') {
    const found = await restOf(ctx).searchProcessDefinitions({ filter: LATEST, sort: [{ field: 'processDefinitionId', order: 'ASC' }], page: { from: 0, limit: 500 } });
    const history = await latestRows(ctx.pool, kind);
    return found.items.map((d) => ({
      kind, resourceId: d.processDefinitionId, name: d.name || d.processDefinitionId, resourceName: d.resourceName, version: Number(d.version),
      deploymentId: rowOfVersion(history, d.processDefinitionId, Number(d.version))?.id ?? null,
    }));
  }
  return (await latestRows(ctx.pool, kind)).map((r) => ({
    kind, resourceId: r.resource_id, name: r.resource_id, resourceName: r.resource_name, version: r.version, deploymentId: r.id,
  }));
}

/** The running version of one resource with its content, or undefined when nothing of that id runs. */
export async function runningContent(ctx: ServerContext, kind: ResourceKind, resourceId: string): Promise<(RunningResource & { content: string }) | undefined> {
  if (kind === 'process') {
    const rest = restOf(ctx);
    const found = await rest.searchProcessDefinitions({ filter: { processDefinitionId: resourceId }, sort: [{ field: 'version', order: 'DESC' }], page: { from: 0, limit: 1 } });
    const latest = found.items[0];
    if (!latest) return undefined;
    let content: string;
    try {
      content = await rest.getProcessDefinitionXML(String(latest.processDefinitionKey));
    } catch (err) {
      if (statusOf(err) === 404) return undefined;
      throw err;
    }
    const row = await runningDeployment(ctx.pool, kind, resourceId);
    return {
      kind, resourceId, name: latest.name || resourceId, resourceName: latest.resourceName, version: Number(latest.version),
      deploymentId: row?.version === Number(latest.version) ? row.id : null, content,
    };
  }
  const row = await runningDeployment(ctx.pool, kind, resourceId);
  return row && { kind, resourceId, name: resourceId, resourceName: row.resource_name, version: row.version, deploymentId: row.id, content: row.content! };
}

async function latestRows(db: pg.Pool, kind: ResourceKind): Promise<DeploymentRow[]> {
  const { rows } = await db.query<DeploymentRow>(
    `SELECT DISTINCT ON (resource_id) id, resource_id, resource_name, version FROM deployments WHERE kind = $1 ORDER BY resource_id, version DESC`, [kind]);
  return rows;
}

const rowOfVersion = (rows: DeploymentRow[], resourceId: string, version: number) =>
  rows.find((r) => r.resource_id === resourceId && r.version === version);
