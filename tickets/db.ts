// What the store functions run on: the pool, or a client inside a transaction.
import type pg from 'pg';

export type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>;

export { transaction } from '../database/index.ts';

/** numeric arrives as a string (pool.ts keeps pg's defaults); amounts fit a double. */
export function toNumber(value: string | number | null): number | null {
  return value === null ? null : Number(value);
}
