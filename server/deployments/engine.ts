// The engine side of deployments and decision evaluation, only through @camunda8/sdk.
import type { Camunda8 } from '@camunda8/sdk';
import type { ServerContext } from '../context.ts';
import { HttpError } from '../http/errors.ts';

type Zeebe = ReturnType<Camunda8['getZeebeGrpcApiClient']>;
type Rest = ReturnType<Camunda8['getCamundaRestClient']>;

const clients = new WeakMap<Camunda8, Zeebe>();

export function zeebeOf(ctx: ServerContext): Zeebe {
  const client = ctx.engine.client;
  if (!client) throw new HttpError(503, 'ENGINE_UNAVAILABLE', '流程引擎未接入，暂时无法部署或试算');
  let zeebe = clients.get(client);
  if (!zeebe) {
    zeebe = client.getZeebeGrpcApiClient();
    clients.set(client, zeebe);
  }
  return zeebe;
}

export function restOf(ctx: ServerContext): Rest {
  const client = ctx.engine.client;
  if (!client) throw new HttpError(503, 'ENGINE_UNAVAILABLE', '流程引擎未接入，暂时无法读取运行中的版本');
  return client.getCamundaRestClient();
}

// gRPC status codes the engine answers with.
const INVALID_ARGUMENT = 3;
const NOT_FOUND = 5;
const ALREADY_EXISTS = 6;
const FAILED_PRECONDITION = 9;
const UNAVAILABLE = 14;
const DEADLINE_EXCEEDED = 4;

/** The engine's own words, without the gRPC prefix ("3 INVALID_ARGUMENT: "). */
export function engineMessage(err: unknown): string {
  const e = err as { details?: unknown; message?: unknown };
  const text = typeof e?.details === 'string' && e.details ? e.details : String(e?.message ?? err);
  return text.replace(/^\d+ [A-Z_]+: /, '').replace(/^Command '\w+' rejected with code '\w+': /, '').trim();
}

export function engineCode(err: unknown): number | undefined {
  const code = (err as { code?: unknown })?.code;
  return typeof code === 'number' ? code : undefined;
}

/** An engine failure as an HTTP error; `what` says what was being done, in Chinese. */
export function engineError(err: unknown, what: string): HttpError {
  const code = engineCode(err);
  const message = engineMessage(err);
  if (code === INVALID_ARGUMENT || code === ALREADY_EXISTS || code === FAILED_PRECONDITION) {
    return new HttpError(400, 'ENGINE_REJECTED', `${what}被引擎拒绝：${message}`, undefined, { engineMessage: message });
  }
  if (code === NOT_FOUND) return new HttpError(404, 'NOT_FOUND', `${what}失败：${message}`, undefined, { engineMessage: message });
  if (code === UNAVAILABLE || code === DEADLINE_EXCEEDED) return new HttpError(503, 'ENGINE_UNAVAILABLE', `流程引擎暂时无法访问，${what}未完成，请稍后重试`);
  throw err;
}
