// Connection pools. Values come back as node-postgres maps them by default, deliberately
// unchanged: int8/bigint and numeric arrive as strings (they can exceed 2^53, and Zeebe
// keys are int8), int2/int4/float as numbers, timestamptz as Date, json/jsonb parsed.
import pg from 'pg';

export function createPool(url: string, max = 10): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 10_000,
    keepAlive: true,
    // Names the connections in pg_stat_activity; an application_name in the URL wins.
    application_name: 'workflow',
  });
  // An idle connection that breaks (server restart, network) is emitted as 'error' on the
  // pool; without a listener that would crash the process. The pool replaces it by itself.
  pool.on('error', (err) => console.error(`[database] idle connection lost: ${err.message}`));
  return pool;
}
