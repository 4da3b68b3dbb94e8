// Settings of the web server (server/): listening address, cookies, sessions, login
// throttling, API keys, demo seed. Read from environment variables; each bad value adds a
// message naming the variable to `problems` (settings.ts throws them all at once).
import { envReader } from './env.ts';

export interface ServerSettings {
  /** SERVER_HOST: interface to listen on. 127.0.0.1 by default; 0.0.0.0 to serve the network. */
  host: string;
  /** SERVER_PORT: 3000 by default. */
  port: number;
  /**
   * TRUST_PROXY: Express's "trust proxy" (false, true, a hop count, or a comma list of
   * addresses/CIDRs/loopback/linklocal/uniquelocal). Set it behind a reverse proxy so the
   * client address (login throttling) and TLS (secure cookies) come from X-Forwarded-*.
   */
  trustProxy: boolean | number | string;
  /** COOKIE_SECURE: auto (Secure when the request came over TLS), true or false. */
  cookieSecure: 'auto' | boolean;
  /** COOKIE_SAMESITE: strict (default) or lax. */
  cookieSameSite: 'strict' | 'lax';
  /** SESSION_IDLE_MINUTES: a session ends after this long without a request (30). */
  sessionIdleMinutes: number;
  /** SESSION_ABSOLUTE_HOURS: a session ends this long after login, whatever happens (12). */
  sessionAbsoluteHours: number;
  /** LOGIN_MAX_FAILURES: consecutive failed logins that lock an account (5). */
  loginMaxFailures: number;
  /** LOGIN_LOCK_MINUTES: how long a locked account stays locked (15). */
  loginLockMinutes: number;
  /** LOGIN_IP_MAX_FAILURES: failed logins from one address within the window before it is blocked (50; a bureau's staff often share one NAT address). */
  loginIpMaxFailures: number;
  /** LOGIN_IP_WINDOW_MINUTES: the window, and the block, of the per-address limit (15). */
  loginIpWindowMinutes: number;
  /** API_KEY_RATE_PER_MINUTE: default refill rate of a new API key's token bucket (120). */
  apiKeyRatePerMinute: number;
  /** API_KEY_BURST: default bucket size of a new API key (60). */
  apiKeyBurst: number;
  /** API_SIGNATURE_MAX_SKEW_SECONDS: accepted distance of X-Timestamp from the server's clock (300). */
  apiSignatureMaxSkewSeconds: number;
  /**
   * API_KEY_MASTER_KEY: 64 hex characters (32 bytes). Encrypts the API keys' HMAC secrets
   * at rest (AES-256-GCM). Unset: secrets are stored as they are and a warning is logged.
   */
  apiKeyMasterKey?: Buffer;
  /** DEMO_SEED: on first start, create the demo organisation and one account per role (true). false: only a bootstrap system administrator when there is no account at all. */
  demoSeed: boolean;
  /** DEMO_PASSWORD: password of the seeded accounts; unset: one is generated per account and printed once. */
  demoPassword?: string;
  /** LOG_LEVEL: fatal, error, warn, info (default), debug, trace or silent. */
  logLevel: string;
  /** SHUTDOWN_GRACE_SECONDS: how long stop() waits for requests in flight before closing their connections (10). */
  shutdownGraceSeconds: number;
  /** ATTACHMENT_MAX_MB: largest attachment a ticket accepts, in MB (20). */
  attachmentMaxMb: number;
  /** ATTACHMENT_TYPES: comma list of the Content-Types a ticket's attachments may have (images, PDF, Office documents, audio, plain text). */
  attachmentTypes: readonly string[];
}

export const DEFAULT_SERVER_SETTINGS: Readonly<ServerSettings> = Object.freeze({
  host: '127.0.0.1',
  port: 3000,
  trustProxy: false,
  cookieSecure: 'auto',
  cookieSameSite: 'strict',
  sessionIdleMinutes: 30,
  sessionAbsoluteHours: 12,
  loginMaxFailures: 5,
  loginLockMinutes: 15,
  loginIpMaxFailures: 50,
  loginIpWindowMinutes: 15,
  apiKeyRatePerMinute: 120,
  apiKeyBurst: 60,
  apiSignatureMaxSkewSeconds: 300,
  demoSeed: true,
  logLevel: 'info',
  shutdownGraceSeconds: 10,
  attachmentMaxMb: 20,
  attachmentTypes: Object.freeze([
    'image/jpeg', 'image/png', 'image/gif', 'image/webp', 'application/pdf', 'text/plain',
    'application/msword', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.ms-excel', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'audio/mpeg', 'audio/wav', 'audio/amr',
  ]),
});

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const PROXY_WORDS = /^(loopback|linklocal|uniquelocal|[0-9a-fA-F.:]+(\/\d{1,3})?)$/;

export function loadServerSettings(env: NodeJS.ProcessEnv, problems: string[]): ServerSettings {
  const d = DEFAULT_SERVER_SETTINGS;
  const { int, flag, oneOf } = envReader(env, problems);

  const cookieSecure = oneOf('COOKIE_SECURE', 'auto', ['auto', 'true', 'false'] as const);
  const settings: ServerSettings = {
    host: env.SERVER_HOST || d.host,
    port: int('SERVER_PORT', d.port, 0, 65535),
    trustProxy: trustProxy(env.TRUST_PROXY, problems),
    cookieSecure: cookieSecure === 'auto' ? 'auto' : cookieSecure === 'true',
    cookieSameSite: oneOf('COOKIE_SAMESITE', d.cookieSameSite, ['strict', 'lax'] as const),
    sessionIdleMinutes: int('SESSION_IDLE_MINUTES', d.sessionIdleMinutes, 1, 24 * 60),
    sessionAbsoluteHours: int('SESSION_ABSOLUTE_HOURS', d.sessionAbsoluteHours, 1, 24 * 30),
    loginMaxFailures: int('LOGIN_MAX_FAILURES', d.loginMaxFailures, 1, 100),
    loginLockMinutes: int('LOGIN_LOCK_MINUTES', d.loginLockMinutes, 1, 24 * 60),
    loginIpMaxFailures: int('LOGIN_IP_MAX_FAILURES', d.loginIpMaxFailures, 1, 100_000),
    loginIpWindowMinutes: int('LOGIN_IP_WINDOW_MINUTES', d.loginIpWindowMinutes, 1, 24 * 60),
    apiKeyRatePerMinute: int('API_KEY_RATE_PER_MINUTE', d.apiKeyRatePerMinute, 1, 1_000_000),
    apiKeyBurst: int('API_KEY_BURST', d.apiKeyBurst, 1, 1_000_000),
    apiSignatureMaxSkewSeconds: int('API_SIGNATURE_MAX_SKEW_SECONDS', d.apiSignatureMaxSkewSeconds, 10, 3600),
    apiKeyMasterKey: masterKey(env.API_KEY_MASTER_KEY, problems),
    demoSeed: flag('DEMO_SEED', d.demoSeed),
    demoPassword: env.DEMO_PASSWORD || undefined,
    logLevel: oneOf('LOG_LEVEL', d.logLevel, LOG_LEVELS),
    shutdownGraceSeconds: int('SHUTDOWN_GRACE_SECONDS', d.shutdownGraceSeconds, 0, 600),
    attachmentMaxMb: int('ATTACHMENT_MAX_MB', d.attachmentMaxMb, 1, 1024),
    attachmentTypes: mediaTypes(env.ATTACHMENT_TYPES, d.attachmentTypes, problems),
  };
  if (settings.demoPassword !== undefined && settings.demoPassword.length < 10) {
    problems.push('DEMO_PASSWORD must have at least 10 characters (letters, digits and a symbol mixed)');
  }
  return settings;
}

function trustProxy(raw: string | undefined, problems: string[]): boolean | number | string {
  if (raw === undefined || raw === '' || /^false$/i.test(raw)) return false;
  if (/^true$/i.test(raw)) return true;
  if (/^\d+$/.test(raw)) return Number(raw);
  const parts = raw.split(',').map((p) => p.trim());
  if (parts.every((p) => PROXY_WORDS.test(p))) return parts.join(',');
  problems.push(`TRUST_PROXY must be false, true, a hop count, or a comma list of addresses, CIDRs, loopback, linklocal or uniquelocal, but was '${raw}'`);
  return false;
}

function mediaTypes(raw: string | undefined, fallback: readonly string[], problems: string[]): readonly string[] {
  if (raw === undefined || raw.trim() === '') return fallback;
  const types = raw.split(',').map((t) => t.trim().toLowerCase()).filter(Boolean);
  const bad = types.filter((t) => !/^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/.test(t));
  if (bad.length) problems.push(`ATTACHMENT_TYPES must be a comma list of media types such as image/jpeg,application/pdf, but had '${bad.join("', '")}'`);
  return bad.length ? fallback : types;
}

function masterKey(raw: string | undefined, problems: string[]): Buffer | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (!/^[0-9a-fA-F]{64}$/.test(raw)) {
    problems.push('API_KEY_MASTER_KEY must be 64 hex characters (32 random bytes, e.g. from `openssl rand -hex 32`)');
    return undefined;
  }
  return Buffer.from(raw, 'hex');
}
