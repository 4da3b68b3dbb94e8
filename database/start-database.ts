// The product's database: DATABASE_URL when set, otherwise an embedded PostgreSQL kept in
// ./data/postgres and reused on every start.
import pg from 'pg';
import { startEmbeddedServer } from './embedded-server.ts';
import { throughputSettings } from './server-settings.ts';

export const DATABASE_NAME = 'workflow';
const DEFAULT_PORT = 5433;

export interface DatabaseOptions {
  /** Default ./data/postgres (relative to the working directory). */
  dataDir?: string;
  /** Default EMBEDDED_PG_PORT, else 5433. */
  port?: number;
  log?: (msg: string) => void;
}

export interface Database {
  url: string;
  /** Stops the embedded server; a no-op for DATABASE_URL. */
  stop(): Promise<void>;
  embedded: boolean;
}

export async function startDatabase(opts: DatabaseOptions = {}): Promise<Database> {
  const external = process.env.DATABASE_URL;
  if (external) return { url: external, embedded: false, stop: async () => {} };

  const log = opts.log ?? ((msg: string) => console.log(`[database] ${msg}`));
  const dataDir = opts.dataDir ?? 'data/postgres';
  const port = opts.port ?? portFromEnv();
  const server = await startEmbeddedServer({ dataDir, port, settings: throughputSettings(), log });
  try {
    await createDatabaseIfMissing(server.url('postgres'), DATABASE_NAME, `${dataDir}/password`);
  } catch (err) {
    await server.stop();
    throw err;
  }
  log(`PostgreSQL ready on 127.0.0.1:${port}, data in ${server.pgdata}`);
  return { url: server.url(DATABASE_NAME), embedded: true, stop: () => server.stop() };
}

function portFromEnv(): number {
  const raw = process.env.EMBEDDED_PG_PORT;
  if (raw === undefined || raw === '') return DEFAULT_PORT;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`EMBEDDED_PG_PORT must be a TCP port number (1-65535), got "${raw}"`);
  }
  return port;
}

async function createDatabaseIfMissing(adminUrl: string, name: string, passwordFile: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  try {
    await client.connect();
  } catch (err) {
    throw new Error(`cannot connect to the embedded PostgreSQL with the password in ${passwordFile}: ` +
      `${(err as Error).message}. If that file was replaced, restore it or delete the data directory.`);
  }
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`).catch((err: { code?: string }) => {
        if (err.code !== '42P04') throw err; // duplicate_database: created meanwhile by another process
      });
    }
  } finally {
    await client.end();
  }
}
