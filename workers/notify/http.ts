// POST JSON with a timeout; a network error or timeout becomes a DeliveryError.
import { DeliveryError } from './notifier.ts';

export async function postJson(url: string, body: unknown, options: { timeoutMs: number; headers?: Record<string, string>; what: string }): Promise<{ status: number; json: unknown }> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', ...options.headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(options.timeoutMs),
    });
  } catch (err) {
    const cause = (err as Error).name === 'TimeoutError' ? `no answer within ${options.timeoutMs} ms` : (err as Error).message;
    throw new DeliveryError(`${options.what}: ${cause}`);
  }
  const text = await response.text().catch(() => '');
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (!response.ok) throw new DeliveryError(`${options.what} answered HTTP ${response.status}${text ? `: ${text.slice(0, 200)}` : ''}`, response.status);
  return { status: response.status, json };
}
