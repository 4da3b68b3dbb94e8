// Checking a login: per-address throttling, per-account lock-out, the password, and the
// audit trail. An unknown login name costs the same time and locks the same way as a real
// one, so neither timing nor messages tell whether an account exists.
import type { Request, Response } from 'express';
import type { ServerContext } from '../context.ts';
import { HttpError } from '../http/errors.ts';
import { beijingTime } from '../http/beijing-time.ts';
import { audit } from '../org/audit.ts';
import { blockedUntil, recordFailure } from './login-failures.ts';
import { hashPassword, verifyAgainstNothing, verifyPassword } from './passwords.ts';

// How long an unknown name's failures are remembered (a real account's until its next success).
const UNKNOWN_LOGIN_WINDOW_MS = 24 * 3_600_000;

interface UserRow {
  id: string;
  login: string;
  status: string;
  password_hash: string;
  locked_until: Date | null;
}

/** Returns the user's id when login and password are right and the account may sign in. */
export async function checkLogin(ctx: ServerContext, req: Request, res: Response, login: string, password: string): Promise<string> {
  const { pool, settings } = ctx;
  const now = ctx.clock();
  const name = login.trim().toLowerCase();
  const ipKey = `ip:${req.ip ?? 'unknown'}`;
  const accountKey = `login:${name}`;
  const ipWindowMs = settings.loginIpWindowMinutes * 60_000;
  const lockMs = settings.loginLockMinutes * 60_000;

  const ipBlocked = await blockedUntil(pool, ipKey, now);
  if (ipBlocked) throw throttled(ipBlocked, now);

  const { rows } = await pool.query<UserRow>('SELECT id, login, status, password_hash, locked_until FROM users WHERE login = $1', [name]);
  const user = rows[0];
  const target = user ? { type: 'user', id: user.id } : undefined;
  const lockedUntil = user ? (user.locked_until && user.locked_until > now ? user.locked_until : undefined) : await blockedUntil(pool, accountKey, now);
  if (lockedUntil) {
    await audit(ctx, req, res, { action: 'login.refused-locked', target, after: { login: name } });
    throw locked(ctx, lockedUntil, now);
  }

  let verified = false;
  let rehash = false;
  if (user) {
    const result = await verifyPassword(password, user.password_hash);
    verified = result.ok;
    rehash = result.needsRehash;
  } else {
    await verifyAgainstNothing(password);
  }

  if (!verified) {
    const ip = await recordFailure(pool, ipKey, now, { max: settings.loginIpMaxFailures, windowMs: ipWindowMs, blockMs: ipWindowMs });
    let failures: number;
    let lockedNow: Date | undefined;
    if (user) {
      // Reaching the limit locks the account and starts the count again for after the lock.
      const lockEnd = new Date(now.getTime() + lockMs);
      const updated = await pool.query<{ failed_attempts: number; locked_until: Date | null }>(
        `UPDATE users SET
           failed_attempts = CASE WHEN failed_attempts + 1 >= $2 THEN 0 ELSE failed_attempts + 1 END,
           locked_until = CASE WHEN failed_attempts + 1 >= $2 THEN $3 ELSE locked_until END
         WHERE id = $1 RETURNING failed_attempts, locked_until`,
        [user.id, settings.loginMaxFailures, lockEnd],
      );
      const row = updated.rows[0]!;
      failures = row.failed_attempts;
      lockedNow = row.failed_attempts === 0 ? lockEnd : undefined;
    } else {
      const result = await recordFailure(pool, accountKey, now, { max: settings.loginMaxFailures, windowMs: UNKNOWN_LOGIN_WINDOW_MS, blockMs: lockMs });
      failures = result.blockedUntil ? 0 : result.failures;
      lockedNow = result.blockedUntil;
    }
    await audit(ctx, req, res, { action: lockedNow ? 'login.failed-locked' : 'login.failed', target, after: { login: name } });
    if (lockedNow) throw locked(ctx, lockedNow, now);
    if (ip.blockedUntil) throw throttled(ip.blockedUntil, now);
    const left = settings.loginMaxFailures - failures;
    throw new HttpError(401, 'INVALID_CREDENTIALS',
      `账号或密码错误，再失败 ${left} 次账号将被锁定 ${settings.loginLockMinutes} 分钟`, undefined, { attemptsLeft: left });
  }

  if (user!.status !== 'active') {
    await audit(ctx, req, res, { action: 'login.refused-disabled', target });
    throw new HttpError(403, 'ACCOUNT_DISABLED', '账号已停用，请联系系统管理员');
  }
  await pool.query(
    `UPDATE users SET failed_attempts = 0, locked_until = NULL, last_login_at = $2,
                      password_hash = COALESCE($3, password_hash)
      WHERE id = $1`,
    [user!.id, now, rehash ? await hashPassword(password) : null],
  );
  await audit(ctx, req, res, { action: 'login.succeeded', actor: { id: user!.id, login: user!.login }, target });
  return user!.id;
}

const retryAfter = (until: Date, now: Date) => String(Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000)));

function locked(ctx: ServerContext, until: Date, now: Date): HttpError {
  return new HttpError(423, 'ACCOUNT_LOCKED',
    `连续 ${ctx.settings.loginMaxFailures} 次登录失败，账号已被锁定，请于 ${beijingTime(until)}（北京时间）后再试，或联系系统管理员解锁`,
    undefined, { lockedUntil: until.toISOString() }, { 'Retry-After': retryAfter(until, now) });
}

function throttled(until: Date, now: Date): HttpError {
  return new HttpError(429, 'LOGIN_THROTTLED',
    `本网络地址登录失败次数过多，请于 ${beijingTime(until)}（北京时间）后再试`,
    undefined, { retryAt: until.toISOString() }, { 'Retry-After': retryAfter(until, now) });
}
