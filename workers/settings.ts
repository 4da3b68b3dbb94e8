// Settings of the job workers, from environment variables with documented defaults, checked
// at start: a bad value stops the start with a message naming the variable.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface WorkerSettings {
  /** Job types to run (WORKERS_TYPES, comma-separated); empty = all. */
  types: string[];
  /** Jobs one worker holds at once, per type (WORKERS_MAX_JOBS, default 32). */
  maxJobs: number;
  /** How long a job is locked to this worker (WORKERS_JOB_TIMEOUT_MS, default 60000). */
  jobTimeoutMs: number;
  /** Long-poll duration of ActivateJobs (WORKERS_LONG_POLL_MS, default 30000). */
  longPollMs: number;
  /** Back-off before a failed job is retried (WORKERS_RETRY_BACKOFF_MS, default 30000). */
  retryBackoffMs: number;
  /** Timeout of calls to the webhook and the SMS gateway (WORKERS_HTTP_TIMEOUT_MS, default 10000). */
  httpTimeoutMs: number;
  /** Days looked back for repeat complainants and professional-claimant screening (ENRICH_WINDOW_DAYS, 30). */
  enrichWindowDays: number;
  /** The bureau printed on notices when the process has none (BUREAU_NAME). */
  bureauName: string;
  /** Names of bureaus by code the organisation lacks, for the process variable `bureau` (BUREAU_NAMES, JSON {"370102": "历下区市场监督管理局"}). */
  bureauNames: Record<string, string>;
  /** When a working day starts, for reminders and the due-day call (WORKDAY_START, default 09:00). */
  workdayStart: string;
  /** The 12345 platform's reply endpoint and shared secret (HOTLINE_12345_REPLY_URL, HOTLINE_12345_SECRET). */
  hotlineReplyUrl?: string;
  hotlineSecret?: string;
  /** 企业微信群机器人 webhook: the default (WECOM_WEBHOOK_URL) and per department (WECOM_WEBHOOKS, JSON {"dept": "url"}). */
  wecomWebhookUrl?: string;
  wecomWebhooks: Record<string, string>;
  /** SMS gateway (SMS_GATEWAY_URL, SMS_GATEWAY_TOKEN, SMS_SIGN_NAME). */
  smsGatewayUrl?: string;
  smsGatewayToken?: string;
  smsSignName: string;
  /** Handlebars templates (NOTICE_TEMPLATES_DIR, MESSAGE_TEMPLATES_DIR). */
  noticeTemplatesDir: string;
  messageTemplatesDir: string;
}

export class WorkerSettingsError extends Error {}

export function loadWorkerSettings(env: NodeJS.ProcessEnv = process.env): WorkerSettings {
  const problems: string[] = [];
  const int = (name: string, fallback: number, min: number) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min) problems.push(`${name} must be an integer of at least ${min}, but was '${raw}'`);
    return value;
  };
  const url = (name: string) => {
    const raw = env[name];
    if (!raw) return undefined;
    if (!/^https?:\/\/\S+$/.test(raw)) problems.push(`${name} must be an http:// or https:// URL, but was '${raw}'`);
    return raw;
  };
  const jsonMap = (name: string, example: string): Record<string, string> => {
    const raw = env[name];
    if (!raw) return {};
    try {
      const parsed = JSON.parse(raw) as unknown;
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed) || Object.values(parsed).some((v) => typeof v !== 'string')) throw new Error('not a map');
      return parsed as Record<string, string>;
    } catch {
      problems.push(`${name} must be a JSON object of strings, e.g. ${example}`);
      return {};
    }
  };
  const workdayStart = env.WORKDAY_START || '09:00';
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(workdayStart)) problems.push(`WORKDAY_START must be a time HH:MM, but was '${workdayStart}'`);
  let wecomWebhooks: Record<string, string> = {};
  if (env.WECOM_WEBHOOKS) {
    try {
      const parsed = JSON.parse(env.WECOM_WEBHOOKS) as unknown;
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed) || Object.values(parsed).some((v) => typeof v !== 'string' || !/^https?:\/\//.test(v))) throw new Error('not a map');
      wecomWebhooks = parsed as Record<string, string>;
    } catch {
      problems.push(`WECOM_WEBHOOKS must be a JSON object from department code to webhook URL, e.g. {"scjg-xhq": "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=..."}`);
    }
  }
  const settings: WorkerSettings = {
    types: (env.WORKERS_TYPES ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    maxJobs: int('WORKERS_MAX_JOBS', 32, 1),
    jobTimeoutMs: int('WORKERS_JOB_TIMEOUT_MS', 60_000, 1_000),
    longPollMs: int('WORKERS_LONG_POLL_MS', 30_000, 1_000),
    retryBackoffMs: int('WORKERS_RETRY_BACKOFF_MS', 30_000, 0),
    httpTimeoutMs: int('WORKERS_HTTP_TIMEOUT_MS', 10_000, 100),
    enrichWindowDays: int('ENRICH_WINDOW_DAYS', 30, 1),
    bureauName: env.BUREAU_NAME || '市场监督管理局',
    bureauNames: jsonMap('BUREAU_NAMES', '{"370102": "历下区市场监督管理局"}'),
    workdayStart,
    hotlineReplyUrl: url('HOTLINE_12345_REPLY_URL'),
    hotlineSecret: env.HOTLINE_12345_SECRET || undefined,
    wecomWebhookUrl: url('WECOM_WEBHOOK_URL'),
    wecomWebhooks,
    smsGatewayUrl: url('SMS_GATEWAY_URL'),
    smsGatewayToken: env.SMS_GATEWAY_TOKEN || undefined,
    smsSignName: env.SMS_SIGN_NAME || '市场监管',
    noticeTemplatesDir: env.NOTICE_TEMPLATES_DIR || path.join(ROOT, 'config', 'notice-templates'),
    messageTemplatesDir: env.MESSAGE_TEMPLATES_DIR || path.join(ROOT, 'config', 'message-templates'),
  };
  if (problems.length) throw new WorkerSettingsError(`Invalid worker settings:\n  ${problems.join('\n  ')}`);
  return settings;
}
