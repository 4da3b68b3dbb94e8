// Sessions in PostgreSQL. The cookie holds 32 random bytes; the table holds their SHA-256.
// A session ends after SESSION_IDLE_MINUTES without a request or SESSION_ABSOLUTE_HOURS
// after login, whichever comes first, and at logout. Each session has its own CSRF token
// (synchronizer token pattern; see csrf.ts).
import crypto from 'node:crypto';
import type { Request, Response } from 'express';
import * as cookie from 'cookie';
import type { ServerContext } from '../context.ts';
import { USER_SELECT, toSessionUser, type SessionUser, type UserRow } from './session-user.ts';

export const SESSION_COOKIE = 'sid';

// last_seen_at is written at most this often: a burst of requests costs one write.
const TOUCH_EVERY_MS = 60_000;

const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest();
const randomToken = () => crypto.randomBytes(32).toString('base64url');

export interface NewSession {
  token: string;
  csrfToken: string;
}

export async function createSession(ctx: ServerContext, userId: string, req: Request): Promise<NewSession> {
  const token = randomToken();
  const csrfToken = randomToken();
  const now = ctx.clock();
  const expires = new Date(now.getTime() + ctx.settings.sessionAbsoluteHours * 3_600_000);
  await ctx.pool.query(
    `INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, expires_at, ip, user_agent)
     VALUES ($1, $2, $3, $4, $4, $5, $6, $7)`,
    [hashToken(token), userId, csrfToken, now, expires, req.ip ?? null, (req.get('user-agent') ?? '').slice(0, 300)],
  );
  return { token, csrfToken };
}

export interface LoadedSession {
  user: SessionUser;
  tokenHash: Buffer;
  csrfToken: string;
}

/** The session of the request's cookie, or undefined when there is none or it has ended. */
export async function loadSession(ctx: ServerContext, req: Request): Promise<LoadedSession | undefined> {
  const header = req.get('cookie');
  if (!header) return undefined;
  const token = cookie.parse(header)[SESSION_COOKIE];
  if (!token || token.length > 100) return undefined;
  const tokenHash = hashToken(token);
  const now = ctx.clock();
  const idleLimit = new Date(now.getTime() - ctx.settings.sessionIdleMinutes * 60_000);
  const { rows } = await ctx.pool.query<UserRow & { csrf_token: string; last_seen_at: Date; expires_at: Date }>(
    `SELECT s.csrf_token, s.last_seen_at, s.expires_at, x.*
       FROM sessions s JOIN (${USER_SELECT}) x ON x.id = s.user_id
      WHERE s.token_hash = $1`,
    [tokenHash],
  );
  const row = rows[0];
  if (!row) return undefined;
  if (row.expires_at <= now || row.last_seen_at <= idleLimit || row.status !== 'active') {
    await ctx.pool.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
    return undefined;
  }
  if (now.getTime() - row.last_seen_at.getTime() >= TOUCH_EVERY_MS) {
    await ctx.pool.query('UPDATE sessions SET last_seen_at = $2 WHERE token_hash = $1', [tokenHash, now]);
  }
  return { user: toSessionUser(row), tokenHash, csrfToken: row.csrf_token };
}

export async function deleteSession(ctx: ServerContext, tokenHash: Buffer): Promise<void> {
  await ctx.pool.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
}

/** Ends every session of a user (password reset, account disabled), except perhaps the current one. */
export async function deleteUserSessions(ctx: ServerContext, userId: string, keep?: Buffer): Promise<void> {
  await ctx.pool.query('DELETE FROM sessions WHERE user_id = $1 AND ($2::bytea IS NULL OR token_hash <> $2)', [userId, keep ?? null]);
}

function cookieOptions(ctx: ServerContext, req: Request): cookie.SerializeOptions {
  const secure = ctx.settings.cookieSecure === 'auto' ? req.secure : ctx.settings.cookieSecure;
  // No Max-Age: the browser forgets the cookie when it closes (shared office computers);
  // the server enforces the idle and absolute limits either way.
  return { httpOnly: true, secure, sameSite: ctx.settings.cookieSameSite, path: '/' };
}

export function setSessionCookie(ctx: ServerContext, req: Request, res: Response, token: string): void {
  res.append('Set-Cookie', cookie.serialize(SESSION_COOKIE, token, cookieOptions(ctx, req)));
}

export function clearSessionCookie(ctx: ServerContext, req: Request, res: Response): void {
  res.append('Set-Cookie', cookie.serialize(SESSION_COOKIE, '', { ...cookieOptions(ctx, req), expires: new Date(0) }));
}
