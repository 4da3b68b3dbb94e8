// Counters of failed logins that are not an account's own: per client address, and per
// unknown login name (so an unknown name locks like a real one and reveals nothing).
// A key is blocked once it reaches `max` failures within `windowMs`, for `blockMs`.
import type pg from 'pg';

export interface FailureLimit {
  max: number;
  windowMs: number;
  blockMs: number;
}

export async function blockedUntil(pool: pg.Pool, key: string, now: Date): Promise<Date | undefined> {
  const { rows } = await pool.query<{ blocked_until: Date | null }>('SELECT blocked_until FROM login_failures WHERE key = $1', [key]);
  const until = rows[0]?.blocked_until;
  return until && until > now ? until : undefined;
}

/** Counts one failure; returns the failures in the window and the block it caused, if any. */
export async function recordFailure(pool: pg.Pool, key: string, now: Date, limit: FailureLimit): Promise<{ failures: number; blockedUntil?: Date }> {
  const windowStart = new Date(now.getTime() - limit.windowMs);
  const blockEnd = new Date(now.getTime() + limit.blockMs);
  // An old window or an ended block starts the count again; reaching max blocks. A block
  // still running (a concurrent request) is kept as it is.
  const fresh = 'f.first_at < $3 OR f.blocked_until <= $2';
  const count = `CASE WHEN ${fresh} THEN 1 ELSE f.failures + 1 END`;
  const { rows } = await pool.query<{ failures: number; blocked_until: Date | null }>(
    `INSERT INTO login_failures AS f (key, failures, first_at, blocked_until)
     VALUES ($1, 1, $2, CASE WHEN $5::int <= 1 THEN $4::timestamptz END)
     ON CONFLICT (key) DO UPDATE SET
       failures = ${count},
       first_at = CASE WHEN ${fresh} THEN $2 ELSE f.first_at END,
       blocked_until = CASE WHEN f.blocked_until > $2 THEN f.blocked_until
                            WHEN ${count} >= $5 THEN $4::timestamptz END
     RETURNING failures, blocked_until`,
    [key, now, windowStart, blockEnd, limit.max],
  );
  const row = rows[0]!;
  return { failures: row.failures, blockedUntil: row.blocked_until ?? undefined };
}

export async function clearFailures(pool: pg.Pool, key: string): Promise<void> {
  await pool.query('DELETE FROM login_failures WHERE key = $1', [key]);
}
