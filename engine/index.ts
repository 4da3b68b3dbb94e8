// The built-in Zeebe-compatible engine: state in PostgreSQL, the Zeebe gateway gRPC API and the
// Orchestration Cluster REST API (/v2). Nothing of the product is imported here; the product
// talks to it through @camunda8/sdk.

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createPool, migrate } from '../database/index.ts';
import { ControlledClock } from './clock.ts';
import { Engine } from './runtime/engine.ts';
import { startGrpcServer } from './gateway/grpc.ts';
import { backfillSearch } from './exporter/index.ts';
import { startRestServer } from './rest/index.ts';

export { ControlledClock } from './clock.ts';

export interface EngineOptions {
  databaseUrl: string;
  grpcHost?: string;
  /** 0 picks a free port. */
  grpcPort?: number;
  /** Where the REST API listens; the gRPC host unless given. */
  restHost?: string;
  /** 0 picks a free port; 8080 (Camunda's) unless given. */
  restPort?: number;
  /** Lets PUT /v2/clock and POST /v2/clock/reset move the clock (ZEEBE_CLOCK_CONTROLLED). */
  clockControlled?: boolean;
  clock?: ControlledClock;
  onFatal?: (err: Error) => void;
}

export interface RunningEngine {
  grpcPort: number;
  grpcAddress: string;
  restPort: number;
  /** http://host:port, for ZEEBE_REST_ADDRESS. */
  restAddress: string;
  clock: ControlledClock;
  engine: Engine;
  stop(): Promise<void>;
}

const MIGRATIONS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'state', 'migrations');

export async function startEngine(options: EngineOptions): Promise<RunningEngine> {
  // One writer connection, the rest for the REST API's reads.
  const pool: pg.Pool = createPool(options.databaseUrl, 6);
  await migrate(pool, 'engine', MIGRATIONS);
  await backfillSearch(pool);
  const clock = options.clock ?? new ControlledClock();
  const engine = new Engine(pool, clock, options.onFatal);
  await engine.start();
  const host = options.grpcHost ?? '127.0.0.1';
  const grpc = await startGrpcServer(engine, host, options.grpcPort ?? 26500);
  const restHost = options.restHost ?? host;
  let rest;
  try {
    rest = await startRestServer(engine, pool, { host: restHost, port: options.restPort ?? 8080, clockControlled: options.clockControlled ?? false, grpcPort: grpc.port });
  } catch (err) {
    await grpc.stop();
    await engine.stop();
    await pool.end();
    throw err;
  }
  return {
    grpcPort: grpc.port,
    grpcAddress: `grpc://${host}:${grpc.port}`,
    restPort: rest.port,
    restAddress: `http://${restHost}:${rest.port}`,
    clock,
    engine,
    async stop() {
      await rest.stop();
      await grpc.stop();
      await engine.stop();
      await pool.end();
    },
  };
}
