// The version history of deployments made through the server (migration 002_deployments.sql).
import type pg from 'pg';

export interface DeploymentRow {
  id: string;
  deployment_key: string;
  resource_name: string;
  kind: 'process' | 'decision' | 'form';
  resource_id: string;
  decision_ids: string[];
  version: number;
  engine_key: string | null;
  checksum: string;
  content?: string;
  rolled_back_from: string | null;
  deployed_at: Date;
  deployed_by_login: string | null;
  deployed_by_name: string | null;
}

const SELECT = (withContent: boolean) => `
  SELECT d.id, d.deployment_key, d.resource_name, d.kind, d.resource_id, d.decision_ids, d.version, d.engine_key, d.checksum,
         ${withContent ? 'd.content,' : ''} d.rolled_back_from, d.deployed_at, u.login AS deployed_by_login, u.display_name AS deployed_by_name
    FROM deployments d LEFT JOIN users u ON u.id = d.deployed_by`;

export function deploymentJson(row: DeploymentRow) {
  return {
    id: row.id,
    deploymentKey: row.deployment_key,
    resourceName: row.resource_name,
    kind: row.kind,
    resourceId: row.resource_id,
    decisionIds: row.decision_ids,
    version: row.version,
    engineKey: row.engine_key,
    checksum: row.checksum,
    rolledBackFrom: row.rolled_back_from,
    deployedAt: row.deployed_at.toISOString(),
    deployedBy: row.deployed_by_login ? { login: row.deployed_by_login, displayName: row.deployed_by_name } : null,
  };
}

export interface HistoryFilter {
  resourceId?: string;
  kind?: string;
  limit: number;
  offset: number;
}

export async function listDeployments(db: pg.Pool, filter: HistoryFilter): Promise<{ rows: DeploymentRow[]; total: number }> {
  const params: unknown[] = [];
  const where: string[] = [];
  if (filter.resourceId) {
    params.push(filter.resourceId);
    where.push(`(d.resource_id = $${params.length} OR $${params.length} = ANY (d.decision_ids))`);
  }
  if (filter.kind) {
    params.push(filter.kind);
    where.push(`d.kind = $${params.length}`);
  }
  params.push(filter.limit, filter.offset);
  const { rows } = await db.query<DeploymentRow & { total: number }>(
    `SELECT x.*, count(*) OVER ()::int AS total FROM (${SELECT(false)} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}) x
      ORDER BY x.deployed_at DESC, x.resource_id, x.version DESC LIMIT $${params.length - 1} OFFSET $${params.length}`,
    params,
  );
  return { rows, total: rows[0]?.total ?? 0 };
}

export async function getDeployment(db: pg.Pool | pg.PoolClient, id: string): Promise<DeploymentRow | undefined> {
  const { rows } = await db.query<DeploymentRow>(`${SELECT(true)} WHERE d.id = $1`, [id]);
  return rows[0];
}

/** The latest version recorded for a resource: what runs now, as far as this server deployed it. */
export async function runningDeployment(db: pg.Pool | pg.PoolClient, kind: string, resourceId: string): Promise<DeploymentRow | undefined> {
  const { rows } = await db.query<DeploymentRow>(`${SELECT(true)} WHERE d.kind = $1 AND d.resource_id = $2 ORDER BY d.version DESC LIMIT 1`, [kind, resourceId]);
  return rows[0];
}

export interface NewVersion {
  deploymentKey: string;
  resourceName: string;
  kind: 'process' | 'decision' | 'form';
  resourceId: string;
  decisionIds: string[];
  version: number;
  engineKey?: string;
  checksum: string;
  content: string;
  rolledBackFrom?: string;
  deployedBy?: string;
  deployedAt: Date;
}

/** Records a version; answers its id, or undefined when the engine kept an existing version (content unchanged). */
export async function recordVersion(db: pg.Pool | pg.PoolClient, v: NewVersion): Promise<string | undefined> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO deployments (deployment_key, resource_name, kind, resource_id, decision_ids, version, engine_key, checksum, content, rolled_back_from, deployed_by, deployed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     ON CONFLICT (kind, resource_id, version) DO NOTHING RETURNING id`,
    [v.deploymentKey, v.resourceName, v.kind, v.resourceId, v.decisionIds, v.version, v.engineKey ?? null, v.checksum, v.content, v.rolledBackFrom ?? null, v.deployedBy ?? null, v.deployedAt],
  );
  return rows[0]?.id;
}

export async function versionId(db: pg.Pool | pg.PoolClient, kind: string, resourceId: string, version: number): Promise<string | undefined> {
  const { rows } = await db.query<{ id: string }>('SELECT id FROM deployments WHERE kind = $1 AND resource_id = $2 AND version = $3', [kind, resourceId, version]);
  return rows[0]?.id;
}
