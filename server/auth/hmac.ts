// Requests of outside systems (the 12345 platform), signed with the key's secret:
//
//   X-Api-Key:   the key id (ak_...)
//   X-Timestamp: Unix time in seconds; accepted within API_SIGNATURE_MAX_SKEW_SECONDS
//   X-Nonce:     16–64 characters [A-Za-z0-9_-], never reused by the key
//   X-Signature: hex(HMAC-SHA256(secret, stringToSign)), with
//   stringToSign = METHOD \n path-and-query as sent \n timestamp \n nonce \n hex(SHA-256(body bytes))
//
// A nonce is remembered for the whole accepted window, so a captured request cannot be
// sent again. Checks run cheapest first; the signature before the nonce and the rate
// limit, so a stranger can neither burn a key's nonces nor drain its bucket.
import crypto from 'node:crypto';
import type { Request } from 'express';
import type { ServerContext } from '../context.ts';
import { HttpError } from '../http/errors.ts';
import { rawBody } from '../http/json-body.ts';
import type { ApiKeyPrincipal } from './api-key-principal.ts';
import { openSecret } from './api-key-secrets.ts';
import { takeToken } from './rate-limit.ts';

export const SIGNATURE_HEADERS = ['X-Api-Key', 'X-Timestamp', 'X-Nonce', 'X-Signature'] as const;
const NONCE = /^[A-Za-z0-9_-]{16,64}$/;

export function stringToSign(method: string, pathAndQuery: string, timestamp: string, nonce: string, body: Buffer): string {
  const bodyHash = crypto.createHash('sha256').update(body).digest('hex');
  return [method.toUpperCase(), pathAndQuery, timestamp, nonce, bodyHash].join('\n');
}

export function sign(secret: string, text: string): string {
  return crypto.createHmac('sha256', secret).update(text).digest('hex');
}

const unauthorised = (code: string, message: string, path?: string) =>
  new HttpError(401, code, message, path ? [{ path, message }] : undefined);

export async function verifySignedRequest(ctx: ServerContext, req: Request): Promise<ApiKeyPrincipal> {
  const missing = SIGNATURE_HEADERS.filter((h) => !req.get(h));
  if (missing.length) {
    throw new HttpError(401, 'SIGNATURE_MISSING', '缺少 API 签名请求头', missing.map((h) => ({ path: h, message: '缺少该请求头' })));
  }
  const [keyId, timestamp, nonce, signature] = SIGNATURE_HEADERS.map((h) => req.get(h)!);
  const now = ctx.clock();
  const skew = ctx.settings.apiSignatureMaxSkewSeconds;
  if (!/^\d{1,12}$/.test(timestamp!) || Math.abs(Number(timestamp) - now.getTime() / 1000) > skew) {
    throw unauthorised('TIMESTAMP_OUT_OF_RANGE', `X-Timestamp 应为当前 Unix 时间（秒），与服务器时间相差不得超过 ${skew} 秒`, 'X-Timestamp');
  }
  if (!NONCE.test(nonce!)) throw unauthorised('NONCE_INVALID', 'X-Nonce 应为 16–64 位字母、数字、下划线或连字符', 'X-Nonce');

  const { rows } = await ctx.pool.query<{ id: string; key_id: string; name: string; department_id: string; scopes: string[]; secret: string }>(
    'SELECT id, key_id, name, department_id, scopes, secret FROM api_keys WHERE key_id = $1 AND revoked_at IS NULL',
    [keyId],
  );
  const key = rows[0];
  // An unknown key and a wrong signature look the same from outside.
  const expected = Buffer.from(key ? sign(openSecret(key.secret, ctx.settings.apiKeyMasterKey), stringToSign(req.method, req.originalUrl, timestamp!, nonce!, rawBody(req))) : '', 'hex');
  const given = Buffer.from(/^[0-9a-fA-F]{64}$/.test(signature!) ? signature! : '', 'hex');
  if (!key || given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) {
    throw unauthorised('SIGNATURE_INVALID', 'API 签名校验失败：请检查密钥、签名串的构造和请求体');
  }

  const expires = new Date(now.getTime() + skew * 2_000);
  const fresh = await ctx.pool.query(
    'INSERT INTO api_key_nonces (api_key_id, nonce, expires_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
    [key.id, nonce, expires],
  );
  if (fresh.rowCount === 0) throw unauthorised('REQUEST_REPLAYED', '该请求已处理过（X-Nonce 重复），请为每个请求生成新的 X-Nonce', 'X-Nonce');

  const take = await takeToken(ctx.pool, key.id, now);
  if (!take.allowed) {
    throw new HttpError(429, 'RATE_LIMITED', `请求过于频繁，请 ${take.retryAfterSeconds} 秒后再试`, undefined,
      { retryAfterSeconds: take.retryAfterSeconds }, { 'Retry-After': String(take.retryAfterSeconds) });
  }
  return { id: key.id, keyId: key.key_id, name: key.name, departmentId: key.department_id, scopes: key.scopes };
}
