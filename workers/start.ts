// Starts the job workers: schema, renderers, notifiers, and one SDK worker per job type.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { migrate } from '../database/index.ts';
import type { HolidayCalendar } from '../domain/index.ts';
import { loadHolidayCalendar, migrateTickets, type ZeebeClient } from '../tickets/index.ts';
import { JOB_MODULES } from './jobs/index.ts';
import type { JobModule, WorkerContext } from './job-module.ts';
import { NoticeRenderer } from './notices/renderer.ts';
import { MessageRenderer } from './notify/messages.ts';
import type { Notifiers } from './notify/notifier.ts';
import { PlatformNotifier } from './notify/platform.ts';
import { SmsNotifier } from './notify/sms.ts';
import { WeComNotifier } from './notify/wecom.ts';
import { startJobWorkers } from './runtime.ts';
import { loadWorkerSettings, type WorkerSettings } from './settings.ts';

const MIGRATIONS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export interface StartWorkersOptions {
  pool: pg.Pool;
  zeebe: ZeebeClient;
  settings?: WorkerSettings;
  /** The calendar in force; default the package's data with the administrator's entries from `pool`, read per job so an entered year counts at once. */
  calendar?: () => Promise<HolidayCalendar>;
  /** Replaces channels (a bureau's own SMS provider). */
  notifiers?: Partial<Notifiers>;
  log?: (message: string) => void;
}

export interface RunningWorkers {
  types: string[];
  close(): Promise<void>;
}

export function createNotifiers(settings: WorkerSettings): Notifiers {
  return {
    wecom: new WeComNotifier({ timeoutMs: settings.httpTimeoutMs }),
    sms: new SmsNotifier({ url: settings.smsGatewayUrl, token: settings.smsGatewayToken, signName: settings.smsSignName, timeoutMs: settings.httpTimeoutMs }),
    platform: new PlatformNotifier(),
  };
}

export async function migrateWorkers(pool: pg.Pool): Promise<void> {
  await migrateTickets(pool);
  await migrate(pool, 'workers', MIGRATIONS);
}

/** The context job handlers run with: renderers, notifiers, calendar. */
export function createWorkerContext(options: StartWorkersOptions): WorkerContext {
  const settings = options.settings ?? loadWorkerSettings();
  return {
    pool: options.pool,
    zeebe: options.zeebe,
    settings,
    calendar: options.calendar ?? (() => loadHolidayCalendar(options.pool)),
    notices: new NoticeRenderer(settings.noticeTemplatesDir, options.pool),
    messages: new MessageRenderer(settings.messageTemplatesDir),
    notifiers: { ...createNotifiers(settings), ...options.notifiers },
    log: options.log ?? ((m) => console.log(`[workers] ${m}`)),
  };
}

export async function startWorkers(options: StartWorkersOptions): Promise<RunningWorkers> {
  const ctx = createWorkerContext(options);
  await migrateWorkers(options.pool);
  return startJobWorkers(ctx, selectModules(ctx.settings.types));
}

function selectModules(types: string[]): JobModule[] {
  if (types.length === 0) return [...JOB_MODULES];
  const unknown = types.filter((t) => !JOB_MODULES.some((m) => m.type === t));
  if (unknown.length) throw new Error(`WORKERS_TYPES names unknown job types: ${unknown.join(', ')}; known: ${JOB_MODULES.map((m) => m.type).join(', ')}`);
  return JOB_MODULES.filter((m) => types.includes(m.type));
}
