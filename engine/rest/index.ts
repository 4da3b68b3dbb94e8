// Public entry of the engine's REST server: the Orchestration Cluster API (/v2) on its own port.

import type { AddressInfo } from 'node:net';
import type pg from 'pg';
import type { Engine } from '../runtime/engine.ts';
import { createApp } from './app.ts';

export interface RestServerOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** Lets PUT /v2/clock and POST /v2/clock/reset move the engine clock (ZEEBE_CLOCK_CONTROLLED). */
  clockControlled: boolean;
  /** The gateway's port, named in the topology. */
  grpcPort?: number;
}

export interface RestServer {
  port: number;
  stop(): Promise<void>;
}

export async function startRestServer(engine: Engine, db: pg.Pool, options: RestServerOptions): Promise<RestServer> {
  const app = createApp({ engine, db, clockControlled: options.clockControlled, grpcPort: options.grpcPort ?? 26500, host: options.host });
  const server = app.listen(options.port, options.host);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(err.code === 'EADDRINUSE' ? new Error(`the engine's REST port ${options.host}:${options.port} is in use; set ZEEBE_REST_PORT to a free port`) : err),
    );
  });
  return {
    port: (server.address() as AddressInfo).port,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
