// An outside system's side of the API-key scheme, written from the documented rules (not
// the server's code), so the tests check the documentation as much as the server.
import crypto from 'node:crypto';
import type { Answer, Client, TestServer } from './support.ts';

export interface Key {
  keyId: string;
  secret: string;
  id?: string;
}

export async function createKey(t: TestServer, admin: Client, body: Record<string, unknown> = {}): Promise<Key & { id: string }> {
  const answer = await admin.post('/api/admin/api-keys', { name: '市 12345 政务服务便民热线平台', scopes: [], ...body });
  if (answer.status !== 201) throw new Error(`api key: ${answer.status} ${JSON.stringify(answer.body)}`);
  return { id: answer.body.apiKey.id, keyId: answer.body.apiKey.keyId, secret: answer.body.secret };
}

export interface SignOptions {
  timestamp?: number;
  nonce?: string;
  /** Signs this instead of the body sent. */
  signedBody?: string;
  secret?: string;
}

export function signatureHeaders(key: Key, method: string, pathAndQuery: string, body: string, now: Date, options: SignOptions = {}): Record<string, string> {
  const timestamp = String(options.timestamp ?? Math.floor(now.getTime() / 1000));
  const nonce = options.nonce ?? crypto.randomBytes(16).toString('hex');
  const bodyHash = crypto.createHash('sha256').update(options.signedBody ?? body).digest('hex');
  const text = `${method}\n${pathAndQuery}\n${timestamp}\n${nonce}\n${bodyHash}`;
  const signature = crypto.createHmac('sha256', options.secret ?? key.secret).update(text).digest('hex');
  return { 'X-Api-Key': key.keyId, 'X-Timestamp': timestamp, 'X-Nonce': nonce, 'X-Signature': signature };
}

export async function signedRequest(t: TestServer, key: Key, method: string, pathAndQuery: string, body?: unknown, options: SignOptions = {}): Promise<Answer> {
  const text = body === undefined ? '' : JSON.stringify(body);
  const headers = signatureHeaders(key, method, pathAndQuery, text, t.clock.now, options);
  const res = await fetch(`${t.base}${pathAndQuery}`, {
    method,
    headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : text,
  });
  const raw = await res.text();
  return { status: res.status, body: raw && res.headers.get('content-type')?.includes('json') ? JSON.parse(raw) : raw, headers: res.headers };
}
