// Deletes what has expired: sessions, nonces, old login failure counters. Every server
// instance runs it; the deletes are idempotent, so running twice costs only a query.
import type { ServerContext } from './context.ts';

const EVERY_MS = 10 * 60_000;
const FAILURE_MEMORY_MS = 24 * 3_600_000;

export async function sweep(ctx: ServerContext): Promise<void> {
  const now = ctx.clock();
  const idleLimit = new Date(now.getTime() - ctx.settings.sessionIdleMinutes * 60_000);
  const oldFailures = new Date(now.getTime() - Math.max(FAILURE_MEMORY_MS, ctx.settings.loginIpWindowMinutes * 60_000));
  await ctx.pool.query('DELETE FROM sessions WHERE expires_at <= $1 OR last_seen_at <= $2', [now, idleLimit]);
  await ctx.pool.query('DELETE FROM api_key_nonces WHERE expires_at <= $1', [now]);
  await ctx.pool.query('DELETE FROM login_failures WHERE first_at <= $1 AND (blocked_until IS NULL OR blocked_until <= $2)', [oldFailures, now]);
}

/** Starts the periodic sweep; returns its stop function. */
export function startHousekeeping(ctx: ServerContext): () => void {
  const run = () => sweep(ctx).catch((err) => ctx.log.warn({ err }, 'housekeeping failed'));
  const timer = setInterval(run, EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
