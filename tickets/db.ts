// What the store functions run on: the pool, or a client inside a transaction.
import type pg from 'pg';

export type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>;

/** Runs `work` in one transaction on a pooled client; rolls back on any error. */
export async function transaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {
      broken = true;
    });
    throw err;
  } finally {
    // A connection whose rollback failed is in an unknown state: close it.
    client.release(broken);
  }
}

/** numeric arrives as a string (pool.ts keeps pg's defaults); amounts fit a double. */
export function toNumber(value: string | number | null): number | null {
  return value === null ? null : Number(value);
}
