// The engine as supervision reaches it: the SDK's REST client (searches, statistics,
// cancellation) and its gRPC client (job retries, incident resolution, migration), so the
// same code runs against the built-in engine and a Camunda 8.8 cluster.
import type { ServerContext } from '../context.ts';
import { HttpError } from '../http/errors.ts';
import { engineMessage } from '../deployments/engine.ts';
import { restOf, statusOf, type RestClient } from '../tickets/inbox.ts';

export type { RestClient };

export function rest(ctx: ServerContext): RestClient {
  if (!ctx.engine.client) throw unavailable();
  return restOf(ctx);
}

export function grpc(ctx: ServerContext) {
  if (!ctx.engine.client) throw unavailable();
  return ctx.engine.client.getZeebeGrpcApiClient();
}

const unavailable = () => new HttpError(503, 'ENGINE_UNAVAILABLE', '流程引擎未连接，暂不能查看或处理流程实例');

/** A REST call's answer, or `undefined` when the engine says 404. */
export async function orMissing<T>(call: () => PromiseLike<T>): Promise<T | undefined> {
  try {
    return await call();
  } catch (err) {
    if (statusOf(err) === 404) return undefined;
    throw err;
  }
}

/** A REST refusal as the API's error (gRPC refusals go through deployments' engineError). */
export function restRefusal(err: unknown, what: string): unknown {
  const status = statusOf(err);
  if (status === 404) return new HttpError(404, 'NOT_FOUND', `未找到${what}，或它已结束`);
  if (status === 400 || status === 409) return new HttpError(409, 'ENGINE_REFUSED', `流程引擎拒绝了该操作：${problemDetail(err) ?? engineMessage(err)}`);
  return err;
}

/** Keys are 64-bit integers, passed as decimal strings. */
export const keySchema = (title: string) => ({ type: 'string', pattern: '^[0-9]{1,19}$', title, description: '流程引擎的键（十进制数字串）' });

/** The RFC 9457 `detail` of a REST error, when the engine sent one. */
function problemDetail(err: unknown): string | undefined {
  const body = (err as { response?: { body?: unknown } })?.response?.body;
  try {
    const problem = (typeof body === 'string' ? JSON.parse(body) : body) as { detail?: unknown } | undefined;
    return typeof problem?.detail === 'string' ? problem.detail : undefined;
  } catch {
    return undefined;
  }
}

/** One call of the Orchestration Cluster REST API (`/v2/<path>`) through the SDK's REST client. */
export function call<T>(ctx: ServerContext, method: 'GET' | 'POST', path: string, body?: Record<string, unknown>): Promise<T> {
  return rest(ctx).callApiEndpoint<Record<string, unknown>, T>({ method, urlPath: path, ...(body ? { body } : {}) });
}

export interface Page<T> { items: T[]; page: { totalItems: number } }
