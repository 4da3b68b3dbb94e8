// One module per job type: what it fetches and what it does. The runtime (runtime.ts) runs
// `handle` inside a transaction keyed by the job's element instance, so its database writes
// and its recorded result commit together, once.
import type pg from 'pg';
import type { HolidayCalendar } from '../domain/index.ts';
import type { ZeebeClient } from '../tickets/index.ts';
import type { NoticeRenderer } from './notices/renderer.ts';
import type { Notifiers } from './notify/notifier.ts';
import type { MessageRenderer } from './notify/messages.ts';
import type { WorkerSettings } from './settings.ts';

export type Variables = Record<string, unknown>;

/** The job as a handler sees it (the SDK's job without its completion functions). */
export interface WorkerJob {
  key: string;
  type: string;
  processInstanceKey: string;
  bpmnProcessId: string;
  elementId: string;
  elementInstanceKey: string;
  retries: number;
  /**
   * When the engine handed out the job, on the engine's clock (its deadline less the timeout
   * asked for): "now" for a step that records its own time, never the worker's clock.
   */
  activatedAt: Date;
  customHeaders: Record<string, unknown>;
  variables: Variables;
}

export interface WorkerContext {
  pool: pg.Pool;
  zeebe: ZeebeClient;
  settings: WorkerSettings;
  /** The holiday calendar in force (package data plus the administrator's entries). */
  calendar(): Promise<HolidayCalendar>;
  notices: NoticeRenderer;
  messages: MessageRenderer;
  notifiers: Notifiers;
  log(message: string): void;
}

export interface JobModule {
  type: string;
  /** Variables to fetch (`ticketId` is always added); absent = all, for templates that may name any. */
  fetchVariables?: string[];
  /** Overrides the runtime's job timeout (e.g. for slow external calls). */
  timeoutMs?: number;
  /**
   * Does the job's work and returns the variables to complete it with. `db` is the job's
   * transaction: what is written through it commits with the idempotency record.
   */
  handle(job: WorkerJob, db: pg.PoolClient, ctx: WorkerContext): Promise<Variables>;
}
