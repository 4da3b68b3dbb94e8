// Applies the tickets schema (numbered migrations in ./migrations).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { migrate } from '../database/index.ts';

const MIGRATIONS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export function migrateTickets(pool: pg.Pool): Promise<void> {
  return migrate(pool, 'tickets', MIGRATIONS);
}
