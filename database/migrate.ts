// Numbered SQL migrations per component: <dir>/001_create_tables.sql, 002_..., applied in
// order, each once and in its own transaction, recorded in schema_migrations. A session
// advisory lock serialises processes that start at the same moment; it is released when
// the connection ends, so a crashed migrator never leaves it held.
// A migration runs inside a transaction, so statements that refuse one (CREATE INDEX
// CONCURRENTLY, ALTER TYPE ... ADD VALUE before PostgreSQL 12) do not belong in it.
import fs from 'node:fs/promises';
import path from 'node:path';
import type pg from 'pg';

// Arbitrary but fixed: "migr" in ASCII. One lock for all components keeps it simple.
const LOCK_KEY = 0x6d696772;

interface Migration {
  version: number;
  name: string;
  file: string;
}

export async function migrate(pool: pg.Pool, component: string, migrationsDir: string): Promise<void> {
  if (!component) throw new Error('migrate: component name is empty');
  const migrations = await readMigrations(component, migrationsDir);
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
    try {
      await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
        component  text        NOT NULL,
        version    integer     NOT NULL,
        name       text        NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (component, version))`);
      const applied = await client.query<{ version: number; name: string }>(
        'SELECT version, name FROM schema_migrations WHERE component = $1 ORDER BY version', [component]);
      const pending = checkHistory(component, migrations, applied.rows);
      for (const migration of pending) {
        const sql = await fs.readFile(migration.file, 'utf8');
        await client.query('BEGIN');
        try {
          await client.query(sql);
          await client.query('INSERT INTO schema_migrations (component, version, name) VALUES ($1, $2, $3)',
            [component, migration.version, migration.name]);
          await client.query('COMMIT');
        } catch (err) {
          await client.query('ROLLBACK').catch(() => { broken = true; });
          throw new Error(`migration ${path.basename(migration.file)} of ${component} failed and was rolled back: ` +
            (err as Error).message, { cause: err });
        }
      }
    } finally {
      if (!broken) await client.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]).catch(() => { broken = true; });
    }
  } finally {
    // A connection in an unknown state is closed instead of returned to the pool.
    client.release(broken);
  }
}

async function readMigrations(component: string, dir: string): Promise<Migration[]> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch (err) {
    throw new Error(`migrations of ${component}: cannot read ${dir}: ${(err as Error).message}`);
  }
  const migrations: Migration[] = [];
  for (const name of names.filter((n) => n.endsWith('.sql'))) {
    const match = /^(\d+)_([A-Za-z0-9_-]+)\.sql$/.exec(name);
    if (!match) throw new Error(`migrations of ${component}: ${name} in ${dir} is not named like 001_description.sql`);
    migrations.push({ version: Number(match[1]), name: match[2]!, file: path.join(dir, name) });
  }
  migrations.sort((a, b) => a.version - b.version);
  for (let i = 1; i < migrations.length; i++) {
    if (migrations[i]!.version === migrations[i - 1]!.version) {
      throw new Error(`migrations of ${component}: two files with version ${migrations[i]!.version} in ${dir}`);
    }
  }
  return migrations;
}

/** Returns the migrations still to apply; refuses histories that code and database disagree on. */
function checkHistory(component: string, migrations: Migration[], applied: { version: number; name: string }[]): Migration[] {
  const byVersion = new Map(migrations.map((m) => [m.version, m]));
  for (const row of applied) {
    const migration = byVersion.get(row.version);
    if (!migration) {
      throw new Error(`database has migration ${row.version}_${row.name} of ${component}, which this code does not ` +
        'know: the database was migrated by a newer version of the product');
    }
    if (migration.name !== row.name) {
      throw new Error(`migration ${row.version} of ${component} was applied as "${row.name}" but the file is now ` +
        `"${migration.name}": applied migrations must not be renamed or renumbered`);
    }
  }
  const latest = applied.at(-1)?.version ?? 0;
  const done = new Set(applied.map((row) => row.version));
  const pending = migrations.filter((m) => !done.has(m.version));
  const late = pending.find((m) => m.version < latest);
  if (late) {
    throw new Error(`migration ${path.basename(late.file)} of ${component} is older than the applied ${latest}: ` +
      'new migrations go after the last one');
  }
  return pending;
}
