// A real server on loopback, on a fresh PostgreSQL database, with a clock the test moves,
// and a small HTTP client that keeps its session cookie and CSRF token like a browser page.
import { Writable } from 'node:stream';
import pg from 'pg';
import { pino } from 'pino';
import { createPool, createTestDatabase, type TestDatabase } from '../../database/index.ts';
import type { ServerSettings } from '../../config/index.ts';
import { startServer, type EngineAccess, type Route, type RunningServer } from '../../server/index.ts';

export const PASSWORD = 'Demo-Passw0rd!';

export interface TestServer {
  base: string;
  server: RunningServer;
  pool: pg.Pool;
  /** Lines the server logged, parsed. */
  logs: Record<string, any>[];
  clock: { now: Date; advance(ms: number): void };
  stop(): Promise<void>;
}

/** `uiDir`: also serve the built browser app from there, as `npm start` does. */
export function startTestServer(settings: Partial<ServerSettings> = {}, engine?: EngineAccess, uiDir?: string): Promise<TestServer> {
  return start(settings, engine, undefined, uiDir);
}

/** A server with routes of the test's own next to the real ones. */
export function startTestServerRoutes(routes: readonly Route[]): Promise<TestServer> {
  return start({}, undefined, routes);
}

async function start(settings: Partial<ServerSettings>, engine?: EngineAccess, routes?: readonly Route[], uiDir?: string): Promise<TestServer> {
  const db: TestDatabase = await createTestDatabase();
  const pool = createPool(db.url);
  const logs: Record<string, any>[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n')) if (line) logs.push(JSON.parse(line));
      done();
    },
  });
  const clock = {
    now: new Date('2026-05-11T09:00:00+08:00'),
    advance(ms: number) { this.now = new Date(this.now.getTime() + ms); },
  };
  const server = await startServer({
    pool,
    port: 0,
    host: '127.0.0.1',
    // X-Forwarded-For from loopback is believed: tests play clients at other addresses.
    settings: { demoPassword: PASSWORD, trustProxy: 'loopback', loginIpMaxFailures: 1000, ...settings },
    logger: pino({ level: 'info' }, sink),
    clock: () => clock.now,
    engine,
    routes,
    uiDir,
    announce: () => {},
  });
  return {
    base: `http://127.0.0.1:${server.port}`,
    server,
    pool,
    logs,
    clock,
    async stop() {
      await server.stop();
      await pool.end();
      await db.drop();
    },
  };
}

export interface Answer {
  status: number;
  body: any;
  headers: Headers;
}

export class Client {
  cookie?: string;
  csrfToken?: string;

  constructor(readonly base: string, readonly headers: Record<string, string> = {}) {}

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers: {
        ...this.headers,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrfToken && !['GET', 'HEAD'].includes(method) ? { 'x-csrf-token': this.csrfToken } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie?.startsWith('sid=')) {
      const value = setCookie.split(';')[0]!;
      this.cookie = value === 'sid=' ? undefined : value;
    }
    const text = await res.text();
    const parsed = text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text;
    if (parsed?.csrfToken) this.csrfToken = parsed.csrfToken;
    return { status: res.status, body: parsed, headers: res.headers };
  }

  get = (path: string, headers?: Record<string, string>) => this.request('GET', path, undefined, headers);
  post = (path: string, body?: unknown, headers?: Record<string, string>) => this.request('POST', path, body, headers);
  patch = (path: string, body?: unknown, headers?: Record<string, string>) => this.request('PATCH', path, body, headers);
  put = (path: string, body?: unknown, headers?: Record<string, string>) => this.request('PUT', path, body, headers);
  delete = (path: string, headers?: Record<string, string>) => this.request('DELETE', path, undefined, headers);

  login(login: string, password = PASSWORD): Promise<Answer> {
    return this.post('/api/auth/login', { login, password });
  }
}

/** A client signed in as one of the demo accounts. */
export async function signedIn(t: TestServer, login: string, password = PASSWORD): Promise<Client> {
  const client = new Client(t.base);
  const answer = await client.login(login, password);
  if (answer.status !== 200) throw new Error(`login ${login}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return client;
}

/**
 * A new account's first sign-in: with the password the administrator set, then choosing its
 * own (`password`), as the server requires before anything else.
 */
export async function signedInFirstTime(t: TestServer, login: string, initialPassword: string, password = PASSWORD): Promise<Client> {
  const client = await signedIn(t, login, initialPassword);
  const changed = await client.post('/api/auth/password', { currentPassword: initialPassword, newPassword: password });
  if (changed.status !== 204) throw new Error(`password change of ${login}: ${changed.status} ${JSON.stringify(changed.body)}`);
  return client;
}

/** The demo login of each role. */
export const LOGIN_OF_ROLE = {
  dispatcher: 'dengji',
  handler: 'chengban',
  legal: 'fazhi',
  'deputy-leader': 'fenguan',
  'principal-leader': 'zhuyao',
  'hotline-centre': 'rexian',
  supervisor: 'duban',
  'process-admin': 'liucheng',
  'system-admin': 'admin',
} as const;

export async function departmentId(t: TestServer, code: string): Promise<string> {
  const { rows } = await t.pool.query<{ id: string }>('SELECT id FROM departments WHERE code = $1', [code]);
  if (!rows[0]) throw new Error(`no department ${code}`);
  return rows[0].id;
}

export async function userId(t: TestServer, login: string): Promise<string> {
  const { rows } = await t.pool.query<{ id: string }>('SELECT id FROM users WHERE login = $1', [login]);
  if (!rows[0]) throw new Error(`no user ${login}`);
  return rows[0].id;
}
