// What every part of the server shares: database, settings, logger, clock and the engine.
import type { Camunda8 } from '@camunda8/sdk';
import type pg from 'pg';
import type { Logger } from 'pino';
import type { ServerSettings } from '../config/index.ts';

/**
 * The server reaches the engine only through @camunda8/sdk (ARCHITECTURE.md), never its
 * tables. Routes that deploy, start instances or work user tasks take `client` from here.
 */
export interface EngineAccess {
  client?: Camunda8;
  /** Resolves when the engine answers (e.g. a topology request), rejects otherwise; /ready calls it. */
  check?: () => Promise<void>;
}

export interface ServerContext {
  pool: pg.Pool;
  settings: ServerSettings;
  log: Logger;
  /** All times the server writes or compares come from here, so tests can move time. */
  clock: () => Date;
  engine: EngineAccess;
  /** Cleared when stop() begins: /ready answers 503 and keep-alive connections are closed. */
  state: { accepting: boolean };
}
