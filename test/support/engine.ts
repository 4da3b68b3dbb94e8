// A real engine for a test: a fresh database on the shared embedded PostgreSQL, the gRPC
// gateway and the REST API (clock controllable) on free loopback ports, and the official SDK
// clients connected to them.

import { Camunda8 } from '@camunda8/sdk';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestDatabase } from '../../database/index.ts';
import { startEngine, type RunningEngine } from '../../engine/index.ts';
import pg from 'pg';

export type ZeebeClient = ReturnType<Camunda8['getZeebeGrpcApiClient']>;
/** The SDK's 8.7-style REST client (CamundaRestClient). */
export type RestClient = ReturnType<Camunda8['getCamundaRestClient']>;
type OrchestrationClient = ReturnType<Camunda8['getOrchestrationClusterApiClientLoose']>;
/**
 * The SDK's Orchestration Cluster API client. Its inputs are typed loosely here: its branded
 * key types do not take the plain strings tests hold, and its schemas check every call anyway.
 */
export type ApiClient = {
  [K in keyof OrchestrationClient]: OrchestrationClient[K] extends (...args: any[]) => infer R ? (input?: any, options?: any) => R : OrchestrationClient[K];
};

export interface HistoryRow {
  key: string;
  valueType: string;
  intent: string;
  processInstanceKey: string | null;
  value: Record<string, any>;
}

export interface TestEngine {
  engine: RunningEngine;
  zeebe: ZeebeClient;
  /** REST through the SDK's CamundaRestClient. */
  rest: RestClient;
  /** REST through the SDK's Orchestration Cluster API client; it checks requests and responses against the API's schemas. */
  api: ApiClient;
  databaseUrl: string;
  /** The engine's history (what Zeebe's exporters would see), for what gRPC cannot show. */
  records(filter: { valueType?: string; intent?: string; processInstanceKey?: string }): Promise<HistoryRow[]>;
  /** Deploys fixture files from test/fixtures. */
  deploy(...files: string[]): Promise<Awaited<ReturnType<ZeebeClient['deployResources']>>>;
  /** Stops the engine and starts it again on the same database, as after a restart. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

export function sdkClient(address: string): ZeebeClient {
  const c8 = new Camunda8({
    ZEEBE_GRPC_ADDRESS: address,
    CAMUNDA_AUTH_STRATEGY: 'NONE',
    CAMUNDA_LOG_LEVEL: 'none',
    zeebeGrpcSettings: { ZEEBE_CLIENT_LOG_LEVEL: 'NONE', ZEEBE_GRPC_CLIENT_RETRY: false },
  } as never);
  return c8.getZeebeGrpcApiClient();
}

/** The whole SDK (gRPC and REST) for a test engine, as the server and workers are handed it. */
export function camundaFor(engine: RunningEngine): Camunda8 {
  return new Camunda8({
    ZEEBE_GRPC_ADDRESS: engine.grpcAddress,
    ZEEBE_REST_ADDRESS: engine.restAddress,
    CAMUNDA_AUTH_STRATEGY: 'NONE',
    CAMUNDA_LOG_LEVEL: 'none',
    zeebeGrpcSettings: { ZEEBE_CLIENT_LOG_LEVEL: 'NONE', ZEEBE_GRPC_CLIENT_RETRY: false },
  } as never);
}

/** The SDK's REST clients for the engine's REST API, plain HTTP without auth. */
export function restClients(grpcAddress: string, restAddress: string): { rest: RestClient; api: ApiClient } {
  const c8 = new Camunda8({
    ZEEBE_GRPC_ADDRESS: grpcAddress,
    ZEEBE_REST_ADDRESS: restAddress,
    CAMUNDA_AUTH_STRATEGY: 'NONE',
    CAMUNDA_LOG_LEVEL: 'none',
  } as never);
  const api = c8.getOrchestrationClusterApiClientLoose();
  // Responses that do not match the official schemas fail the test (res:strict); requests go as
  // written (strict request checks rewrite them, e.g. drop a cursor); no retries hide errors.
  api.configure({ config: { CAMUNDA_SDK_VALIDATION: 'req:none,res:strict', CAMUNDA_SDK_HTTP_RETRY_MAX_ATTEMPTS: 1, CAMUNDA_SDK_BACKPRESSURE_PROFILE: 'LEGACY' } as never });
  return { rest: c8.getCamundaRestClient(), api: api as unknown as ApiClient };
}

export async function fixture(file: string): Promise<Buffer> {
  return readFile(path.join(FIXTURES, file));
}

export async function startTestEngine(): Promise<TestEngine> {
  const db = await createTestDatabase();
  const start = () => startEngine({ databaseUrl: db.url, grpcPort: 0, restPort: 0, clockControlled: true });
  const engine = await start();
  const zeebe = sdkClient(engine.grpcAddress);
  const history = new pg.Pool({ connectionString: db.url, max: 2 });
  const t: TestEngine = {
    engine,
    zeebe,
    ...restClients(engine.grpcAddress, engine.restAddress),
    databaseUrl: db.url,
    async records(filter) {
      const result = await history.query(
        `SELECT key::text, value_type AS "valueType", intent, process_instance_key::text AS "processInstanceKey", value FROM engine_records
         WHERE ($1::text IS NULL OR value_type = $1) AND ($2::text IS NULL OR intent = $2) AND ($3::bigint IS NULL OR process_instance_key = $3)
         ORDER BY position`,
        [filter.valueType ?? null, filter.intent ?? null, filter.processInstanceKey ?? null],
      );
      return result.rows;
    },
    async deploy(...files) {
      const resources = await Promise.all(files.map(async (f) => ({ name: path.basename(f), content: await fixture(f) })));
      return t.zeebe.deployResources(resources.map((r) => (r.name.endsWith('.dmn') ? { decision: r.content, name: r.name } : r.name.endsWith('.form') ? { form: r.content, name: r.name } : { process: r.content, name: r.name })));
    },
    async restart() {
      await t.zeebe.close(500).catch(() => undefined);
      await t.engine.stop();
      t.engine = await start();
      t.zeebe = sdkClient(t.engine.grpcAddress);
      Object.assign(t, restClients(t.engine.grpcAddress, t.engine.restAddress));
    },
    async stop() {
      await t.zeebe.close(1000).catch(() => undefined);
      await t.engine.stop();
      await history.end();
      await db.drop();
    },
  };
  return t;
}

/** Waits until `check` returns a value (not undefined), polling; for state reached through workers. */
export async function eventually<T>(check: () => Promise<T | undefined> | T | undefined, what: string, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
