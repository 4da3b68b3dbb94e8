// Public routes have no session or key to throttle by: each client address gets a budget
// per minute (express-rate-limit, in this server's memory — behind several instances the
// budget is per instance). One limiter per server, so servers in one process do not share.
import type { Request, Response } from 'express';
import { rateLimit, type RateLimitRequestHandler } from 'express-rate-limit';
import type { ServerContext } from '../context.ts';
import { HttpError } from '../http/errors.ts';

export const PUBLIC_REQUESTS_PER_MINUTE = 60;

const limiters = new WeakMap<ServerContext, RateLimitRequestHandler>();

function limiterOf(ctx: ServerContext): RateLimitRequestHandler {
  let limiter = limiters.get(ctx);
  if (!limiter) {
    limiter = rateLimit({
      windowMs: 60_000,
      limit: PUBLIC_REQUESTS_PER_MINUTE,
      standardHeaders: 'draft-7',
      legacyHeaders: false,
      // Made on a server's first public request, not at import: that is intended.
      validate: { creationStack: false },
      handler: (req, _res, next, options) => {
        // The limiter's window runs on the machine's clock, so the wait is measured on it too.
        const reset = (req as Request & { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
        const retryAfter = reset ? Math.max(1, Math.ceil((reset.getTime() - Date.now()) / 1000)) : Math.ceil(options.windowMs / 1000);
        next(new HttpError(429, 'RATE_LIMITED', `请求过于频繁，请 ${retryAfter} 秒后再试`, undefined, undefined, { 'Retry-After': String(retryAfter) }));
      },
    });
    limiters.set(ctx, limiter);
  }
  return limiter;
}

/** Resolves when the caller is within its budget; else rejects with 429 and Retry-After. */
export function throttlePublic(ctx: ServerContext, req: Request, res: Response): Promise<void> {
  return new Promise((resolve, reject) => {
    void limiterOf(ctx)(req, res, (error?: unknown) => (error ? reject(error) : resolve()));
  });
}
