// The versions of notice templates (migration 003_notice_templates.sql): what is in force,
// each name's history, and recording a new version. Shaped like the deployments store
// (server/deployments/store.ts); templates are not engine resources, so they keep their own table.
import type pg from 'pg';
import { checksumOf } from '../deployments/check.ts';
import type { CatalogEntry } from '../../workers/index.ts';

type Db = pg.Pool | pg.PoolClient;

export interface TemplateVersionRow {
  id: string;
  name: string;
  version: number;
  content: string;
  entry: CatalogEntry | null;
  checksum: string;
  rolled_back_from: string | null;
  deployed_at: Date;
  deployed_by_login: string | null;
  deployed_by_name: string | null;
}

const SELECT = `
  SELECT v.id, v.name, v.version, v.content, v.entry, v.checksum, v.rolled_back_from, v.deployed_at,
         u.login AS deployed_by_login, u.display_name AS deployed_by_name
    FROM notice_template_versions v LEFT JOIN users u ON u.id = v.deployed_by`;

/** A version as the API shows it; the content only when asked for. */
export function versionJson(row: TemplateVersionRow, withContent = false) {
  return {
    id: row.id,
    name: row.name,
    version: row.version,
    entry: row.entry,
    checksum: row.checksum,
    rolledBackFrom: row.rolled_back_from,
    deployedAt: row.deployed_at.toISOString(),
    deployedBy: row.deployed_by_login ? { login: row.deployed_by_login, displayName: row.deployed_by_name } : null,
    ...(withContent ? { content: row.content } : {}),
  };
}

/** The version in force of every name, by name. */
export async function runningVersions(db: Db): Promise<TemplateVersionRow[]> {
  const { rows } = await db.query<TemplateVersionRow>(
    `SELECT DISTINCT ON (x.name) x.* FROM (${SELECT}) x ORDER BY x.name, x.version DESC`);
  return rows;
}

export async function runningVersion(db: Db, name: string): Promise<TemplateVersionRow | undefined> {
  const { rows } = await db.query<TemplateVersionRow>(`${SELECT} WHERE v.name = $1 ORDER BY v.version DESC LIMIT 1`, [name]);
  return rows[0];
}

/** Every version of a name, newest first. */
export async function versionsOf(db: Db, name: string): Promise<TemplateVersionRow[]> {
  const { rows } = await db.query<TemplateVersionRow>(`${SELECT} WHERE v.name = $1 ORDER BY v.version DESC`, [name]);
  return rows;
}

export async function versionOf(db: Db, name: string, version: number): Promise<TemplateVersionRow | undefined> {
  const { rows } = await db.query<TemplateVersionRow>(`${SELECT} WHERE v.name = $1 AND v.version = $2`, [name, version]);
  return rows[0];
}

/** What makes two versions the same: the text and the catalog entry. */
export const templateChecksum = (content: string, entry: CatalogEntry | null) =>
  checksumOf(JSON.stringify([content, entry]));

export interface NewTemplateVersion {
  name: string;
  content: string;
  entry: CatalogEntry | null;
  deployedBy?: string;
  rolledBackFrom?: string;
  deployedAt: Date;
}

/**
 * Records the next version of a name. Runs in the caller's transaction, which holds a lock on
 * the name so two deployments at once get versions n and n+1 rather than a conflict.
 */
export async function recordTemplateVersion(db: pg.PoolClient, v: NewTemplateVersion): Promise<number> {
  await db.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`notice-template:${v.name}`]);
  const { rows } = await db.query<{ version: number }>(
    `INSERT INTO notice_template_versions (name, version, content, entry, checksum, rolled_back_from, deployed_by, deployed_at)
     SELECT $1, coalesce(max(version), 0) + 1, $2, $3, $4, $5, $6, $7 FROM notice_template_versions WHERE name = $1
     RETURNING version`,
    [v.name, v.content, v.entry === null ? null : JSON.stringify(v.entry), templateChecksum(v.content, v.entry), v.rolledBackFrom ?? null, v.deployedBy ?? null, v.deployedAt],
  );
  return rows[0]!.version;
}
