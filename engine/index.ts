// The built-in Zeebe-compatible engine: state in PostgreSQL, the Zeebe gateway gRPC API.
// Nothing of the product is imported here; the product talks to it through @camunda8/sdk.

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createPool, migrate } from '../database/index.ts';
import { ControlledClock } from './clock.ts';
import { Engine } from './runtime/engine.ts';
import { startGrpcServer } from './gateway/grpc.ts';

export { ControlledClock } from './clock.ts';

export interface EngineOptions {
  databaseUrl: string;
  grpcHost?: string;
  /** 0 picks a free port. */
  grpcPort?: number;
  clock?: ControlledClock;
  onFatal?: (err: Error) => void;
}

export interface RunningEngine {
  grpcPort: number;
  grpcAddress: string;
  clock: ControlledClock;
  engine: Engine;
  stop(): Promise<void>;
}

const MIGRATIONS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'state', 'migrations');

export async function startEngine(options: EngineOptions): Promise<RunningEngine> {
  const pool: pg.Pool = createPool(options.databaseUrl, 4);
  await migrate(pool, 'engine', MIGRATIONS);
  const clock = options.clock ?? new ControlledClock();
  const engine = new Engine(pool, clock, options.onFatal);
  await engine.start();
  const host = options.grpcHost ?? '127.0.0.1';
  const grpc = await startGrpcServer(engine, host, options.grpcPort ?? 26500);
  return {
    grpcPort: grpc.port,
    grpcAddress: `grpc://${host}:${grpc.port}`,
    clock,
    engine,
    async stop() {
      await grpc.stop();
      await engine.stop();
      await pool.end();
    },
  };
}
