// CSRF protection for cookie-authenticated unsafe requests: the synchronizer token pattern.
// Each session has a random token, stored with the session and handed to the page by
// POST /api/auth/login and GET /api/auth/me; the page sends it back in the X-CSRF-Token
// header. Another site can make the browser send the cookie, but cannot read the token.
// (SameSite cookies are a second line, not the only one: older browsers ignore them.)
import crypto from 'node:crypto';
import type { Request } from 'express';
import { HttpError } from '../http/errors.ts';

export const CSRF_HEADER = 'X-CSRF-Token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function checkCsrf(req: Request, expected: string): void {
  if (SAFE_METHODS.has(req.method)) return;
  const given = req.get(CSRF_HEADER) ?? '';
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  if (a.length !== b.length || !crypto.timingSafeEqual(a, b)) {
    throw new HttpError(403, 'CSRF_TOKEN_INVALID', '页面已过期或请求来源不可信，请刷新页面后重试',
      [{ path: CSRF_HEADER, message: given ? 'CSRF 令牌不正确' : '缺少 CSRF 令牌' }]);
  }
}
