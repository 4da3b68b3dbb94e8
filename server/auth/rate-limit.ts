// A token bucket per API key, kept in the api_keys row so that every server instance
// shares it: refilled lazily by elapsed time, one token per request.
import type pg from 'pg';

export interface Take {
  allowed: boolean;
  /** Seconds until the next token, when refused. */
  retryAfterSeconds: number;
}

export async function takeToken(pool: pg.Pool, apiKeyId: string, now: Date): Promise<Take> {
  const { rows } = await pool.query<{ tokens: number; rate_per_minute: number }>(
    `WITH k AS (
       SELECT id, rate_per_minute,
              LEAST(burst::float8, bucket_tokens + GREATEST(0, EXTRACT(EPOCH FROM ($2::timestamptz - bucket_updated_at))) * rate_per_minute / 60.0) AS tokens
         FROM api_keys WHERE id = $1 FOR UPDATE)
     UPDATE api_keys a
        SET bucket_tokens = CASE WHEN k.tokens >= 1 THEN k.tokens - 1 ELSE k.tokens END,
            bucket_updated_at = GREATEST(a.bucket_updated_at, $2::timestamptz),
            last_used_at = CASE WHEN k.tokens >= 1 THEN $2::timestamptz ELSE a.last_used_at END
       FROM k WHERE a.id = k.id
     RETURNING k.tokens, k.rate_per_minute`,
    [apiKeyId, now],
  );
  const row = rows[0];
  if (!row) return { allowed: false, retryAfterSeconds: 60 };
  if (row.tokens >= 1) return { allowed: true, retryAfterSeconds: 0 };
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(((1 - row.tokens) * 60) / row.rate_per_minute)) };
}
