// Where notice templates come from: the versions process admins deployed in the product
// database (table notice_template_versions, server/migrations/003_notice_templates.sql), each
// name falling back to its file in config/notice-templates until it has one — a fresh
// database, or workers started before the server seeded it.
import fs from 'node:fs/promises';
import path from 'node:path';
import type pg from 'pg';
import type { CatalogEntry } from './renderer.ts';

/** The printable page frame every notice renders inside (`{{#> layout}}`). */
export const LAYOUT = '_layout';

export interface NoticeTemplate {
  name: string;
  content: string;
  /** Null for the layout. */
  entry: CatalogEntry | null;
  /** The deployed version; null when read from the file. */
  version: number | null;
}

export type TemplateSet = ReadonlyMap<string, NoticeTemplate>;

type Queryable = Pick<pg.Pool, 'query'>;

/** The templates and catalog of a directory (`<name>.hbs`, `_layout.hbs`, `catalog.json`). */
export async function readTemplateFiles(dir: string): Promise<Map<string, NoticeTemplate>> {
  const catalog = JSON.parse(await fs.readFile(path.join(dir, 'catalog.json'), 'utf8')) as Record<string, CatalogEntry>;
  const set = new Map<string, NoticeTemplate>();
  for (const file of (await fs.readdir(dir)).filter((f) => f.endsWith('.hbs')).sort()) {
    const name = file.slice(0, -'.hbs'.length);
    const entry = name === LAYOUT ? null : catalog[name] ?? null;
    set.set(name, { name, content: await fs.readFile(path.join(dir, file), 'utf8'), entry, version: null });
  }
  return set;
}

/** The version in force of every deployed name; none while the table does not exist yet. */
export async function readDeployedTemplates(db: Queryable): Promise<NoticeTemplate[]> {
  try {
    const { rows } = await db.query<NoticeTemplate>(
      `SELECT DISTINCT ON (name) name, content, entry, version FROM notice_template_versions ORDER BY name, version DESC`);
    return rows;
  } catch (err) {
    if ((err as { code?: string }).code === '42P01') return [];
    throw err;
  }
}

/**
 * The set in force, read again only when something changed: a file's mtime, or the number of
 * deployed versions (rows are only ever added — a rollback is a new version too).
 */
export class TemplateSource {
  private cached?: { key: string; set: TemplateSet };

  constructor(private readonly dir: string, private readonly db?: Queryable) {}

  async current(): Promise<TemplateSet> {
    const key = `${await this.filesStamp()}|${await this.deployedCount()}`;
    if (this.cached?.key !== key) {
      const set = await readTemplateFiles(this.dir);
      for (const t of this.db ? await readDeployedTemplates(this.db) : []) set.set(t.name, t);
      this.cached = { key, set };
    }
    return this.cached.set;
  }

  private async filesStamp(): Promise<string> {
    const files = (await fs.readdir(this.dir)).filter((f) => f.endsWith('.hbs') || f === 'catalog.json').sort();
    const stats = await Promise.all(files.map((f) => fs.stat(path.join(this.dir, f))));
    return files.map((f, i) => `${f}:${stats[i]!.mtimeMs}`).join(',');
  }

  private async deployedCount(): Promise<number> {
    if (!this.db) return 0;
    try {
      const { rows } = await this.db.query<{ n: number }>('SELECT count(*)::int AS n FROM notice_template_versions');
      return rows[0]!.n;
    } catch (err) {
      if ((err as { code?: string }).code === '42P01') return 0;
      throw err;
    }
  }
}
