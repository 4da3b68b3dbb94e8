// Helpers for tests of the engine's REST API (/v2).

import { expect } from 'chai';
import type { TestEngine } from './engine.ts';

/** The built-in engine's reads are consistent at once: no eventual-consistency polling. */
export const NOW = { consistency: { waitUpToMs: 0 } };

/** A rejected promise's error (expect.fail when it resolves). */
export const failure = (p: Promise<unknown>) => p.then(() => expect.fail('expected an error'), (e: any) => e);

/** Raw HTTP, for what the SDK clients check or shape before sending. */
export async function http(t: TestEngine, method: string, path: string, body?: unknown): Promise<{ status: number; body: any; type: string | null }> {
  const res = await fetch(`${t.engine.restAddress}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  const type = res.headers.get('content-type');
  return { status: res.status, type, body: text && type?.includes('json') ? JSON.parse(text) : text };
}
