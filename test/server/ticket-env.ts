// A real server wired to a real engine: the product's models deployed, the real job workers
// on the server's database, the SDK client (gRPC + REST) handed to the server as its engine.
import type { Camunda8 } from '@camunda8/sdk';
import { deployProduct } from '../../processes/index.ts';
import { migrateTickets } from '../../tickets/index.ts';
import { loadWorkerSettings, startWorkers, type RunningWorkers } from '../../workers/index.ts';
import { camundaFor, startTestEngine, type TestEngine } from '../support/engine.ts';
import { startStub, type StubServer } from '../workers/stub-server.ts';
import { Client, departmentId, signedInFirstTime, startTestServer, type TestServer } from './support.ts';

export interface TicketEnv {
  t: TestServer;
  engine: TestEngine;
  client: Camunda8;
  workers: RunningWorkers;
  logs: string[];
  stop(): Promise<void>;
}

export const ENGINE_CLOCK = '2026-09-30T09:20:00+08:00';

export interface EngineServer {
  t: TestServer;
  engine: TestEngine;
  client: Camunda8;
  stop(): Promise<void>;
}

/** A real server handed the SDK of a real engine (nothing deployed, no workers). */
export async function startEngineServer(uiDir?: string): Promise<EngineServer> {
  const engine = await startTestEngine();
  const client = camundaFor(engine.engine);
  const t = await startTestServer({}, { client }, uiDir);
  return {
    t, engine, client,
    async stop() {
      await t.stop();
      await client.getZeebeGrpcApiClient().close(500).catch(() => undefined);
      await engine.stop();
    },
  };
}

/** `uiDir`: the server also serves the built browser app (the UI tests). */
export async function startTicketEnv(uiDir?: string): Promise<TicketEnv> {
  const { t, engine, client, stop } = await startEngineServer(uiDir);
  await migrateTickets(t.pool);
  const zeebe = client.getZeebeGrpcApiClient();
  await deployProduct(zeebe as never);
  // The engine clock on the day the sample complaints arrive: deadlines stay within the
  // years the holiday calendar covers.
  await (engine.api as any).pinClock({ timestamp: Date.parse(ENGINE_CLOCK) });
  const stub: StubServer = await startStub(() => ({ status: 200, body: { errcode: 0, errmsg: 'ok', code: 'OK', ok: true } }));
  const logs: string[] = [];
  const workers = await startWorkers({
    pool: t.pool,
    zeebe,
    settings: {
      ...loadWorkerSettings({}),
      retryBackoffMs: 0,
      longPollMs: 10_000,
      httpTimeoutMs: 2_000,
      bureauName: '济南市市场监督管理局',
      wecomWebhookUrl: `${stub.url}/wecom`,
      smsGatewayUrl: `${stub.url}/sms`,
      smsGatewayToken: 'sms-token',
      hotlineReplyUrl: `${stub.url}/12345/reply`,
      hotlineSecret: 'secret',
    },
    log: (m) => logs.push(m),
  });
  return {
    t, engine, client, workers, logs,
    async stop() {
      await workers.close();
      await stub.close();
      await stop();
    },
  };
}

// The demo organisation's submissions, shared with the stories.
export { externalNo, jinanComplaint } from '../support/stories.ts';

/** A new account of the given role in a department (by code), signed in. */
export async function accountIn(t: TestServer, admin: Client, login: string, departmentCode: string, roles: string[]): Promise<Client> {
  const answer = await admin.post('/api/admin/users', { login, displayName: login, departmentId: await departmentId(t, departmentCode), roles });
  if (answer.status !== 201) throw new Error(`account ${login}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return signedInFirstTime(t, login, answer.body.initialPassword);
}

export async function eventually<T>(probe: () => Promise<T | undefined>, what: string, ms = 15_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
