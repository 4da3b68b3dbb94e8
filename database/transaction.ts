// One transaction on a pooled client, for every component that writes through a pool.
import type pg from 'pg';

/** Runs `work` in one transaction on a pooled client: committed when it resolves, rolled back when it throws. */
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
