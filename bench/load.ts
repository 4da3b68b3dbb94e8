// `npm run bench:load`: requests per second and latency of the product's busiest routes, on
// the whole product as `npm start` runs it, with the machine's own limit (raw PostgreSQL
// commits per second) measured in the same run.
//
// - PostgreSQL: a fresh embedded cluster in ./data/bench/<run> (the product's settings, fsync
//   on), removed afterwards. DATABASE_URL is ignored.
// - Engine: `engine/main.ts` in a child process; the product's models deployed.
// - Product: `main.ts` (what `npm start` runs) in a child process, pointed at that engine and
//   database (ZEEBE_GRPC_ADDRESS, DATABASE_URL), so it starts the job workers and the web
//   server with the demo organisation on loopback exactly as it does in production. The load
//   generator (autocannon) stays in this process, apart from the server's event loop.
// - Load, one route after the other, BENCH_CONNECTIONS (default 10) connections for
//   BENCH_SECONDS (default 15) each after BENCH_WARMUP_SECONDS (default 3) not counted:
//   1. intake: POST /api/tickets as the dispatcher (session cookie + CSRF token), a new
//      complaint each time, whose process starts before the answer;
//   2. the 12345 push: POST /api/external/12345/tickets, each request HMAC-signed with its
//      own nonce (the API-key scheme of server/README.md);
//   3. the inbox: GET /api/inbox?scope=groups as the 甸柳所 handler, whose group holds the
//      acceptance tasks of the tickets just registered, while the workers work through them.
//   Jobs the workers completed during each step are counted from the engine's records.
//
// A benchmark, never a test: it prints figures and exits 0 whenever it ran.

import { spawn, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon, { type Result } from 'autocannon';
import pg from 'pg';
import { signatureHeaders, type Key } from '../test/server/signing.ts';
import { spawnEngine } from '../test/support/engine-process.ts';
import { toShanghaiIso } from '../tickets/index.ts';
import {
  commitLimits, cpuMsOf, fmt, freePort, freshDatabase, intFromEnv, machineCpu, machineLine, mb, peakRssOf, postgresCpu, postgresCpuSince, selfPeakRss,
} from './machine.ts';

const SECONDS = intFromEnv('BENCH_SECONDS', 15, 1);
const CONNECTIONS = intFromEnv('BENCH_CONNECTIONS', 10, 1);
const WARMUP_SECONDS = intFromEnv('BENCH_WARMUP_SECONDS', 3, 0);
const PASSWORD = 'Bench-Passw0rd!';
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MAIN = path.join(ROOT, 'main.ts');
const READY = /server: (http:\/\/\S+:\d+)/;
const PUSH_PATH = '/api/external/12345/tickets';
const INBOX_PATH = '/api/inbox?scope=groups';

interface Session {
  cookie: string;
  csrfToken: string;
}

async function signIn(base: string, login: string): Promise<Session> {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password: PASSWORD }) });
  const body = await res.json() as { csrfToken?: string };
  if (res.status !== 200 || !body.csrfToken) throw new Error(`sign-in of ${login}: ${res.status} ${JSON.stringify(body)}`);
  return { cookie: res.headers.get('set-cookie')!.split(';')[0]!, csrfToken: body.csrfToken };
}

async function createApiKey(base: string, admin: Session): Promise<Key> {
  const res = await fetch(`${base}/api/admin/api-keys`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: admin.cookie, 'x-csrf-token': admin.csrfToken },
    // The bucket is no limit here: the figure is the server's, not the key's rate.
    body: JSON.stringify({ name: '12345 平台（压测）', scopes: ['tickets:intake'], ratePerMinute: 100_000, burst: 100_000 }),
  });
  const body = await res.json() as { apiKey: { keyId: string }; secret: string };
  if (res.status !== 201) throw new Error(`API key: ${res.status} ${JSON.stringify(body)}`);
  return { keyId: body.apiKey.keyId, secret: body.secret };
}

const run = `${process.pid}-${Date.now().toString(36)}`;
let serial = 0;

/** A new complainant each time (a mobile number of its own), so no ticket repeats another. */
function complaintParts() {
  const n = ++serial;
  return {
    n,
    caller: { name: `压测${n}`, phone: `139${String(n % 1e8).padStart(8, '0')}` },
    respondent: { name: '济南某某电器有限公司', address: '济南市历下区泉城路1号', regionCode: '370102' },
    facts: { occurredAt: '2026-09-20', place: '门店', goodsOrService: '空调', amount: 3999, description: '空调安装后不制冷，商家拒绝退货。' },
    requests: ['return', 'refund'],
    category: '产品质量',
  };
}

function intakeBody(): string {
  const p = complaintParts();
  return JSON.stringify({
    channel: '12315', externalNo: `BENCH-${run}-${p.n}`, kind: 'complaint', receivedAt: toShanghaiIso(new Date()),
    complainant: { ...p.caller, consentPublish: false, consentMediation: true },
    respondent: p.respondent, facts: p.facts, requests: p.requests, category: p.category, online: false,
  });
}

function pushBody(): string {
  const p = complaintParts();
  return JSON.stringify({
    event: 'dispatch', orderNo: `BENCH-${run}-${p.n}`, orderType: '投诉', receivedAt: toShanghaiIso(new Date()),
    caller: p.caller, respondent: p.respondent, facts: p.facts, requests: p.requests, category: p.category,
  });
}

interface Probe {
  began: number;
  product: number | undefined;
  engine: number | undefined;
  postgres: Map<number, number>;
  machine: { busy: number; total: number };
  self: NodeJS.CpuUsage;
}

interface Step {
  name: string;
  result: Result;
  seconds: number;
  jobs: number;
  tickets: number;
  ticketsWithProcess: number;
  cpu: { product: number; engine: number; postgres: number; self: number; machine: number };
}

async function measure(
  name: string, base: string, request: Parameters<typeof autocannon>[0]['requests'], pids: { product: number; engine: number; postmaster: number }, db: pg.Client,
): Promise<Step> {
  if (WARMUP_SECONDS > 0) await autocannon({ url: base, connections: CONNECTIONS, duration: WARMUP_SECONDS, requests: request });
  const probe: Probe = {
    began: Date.now(), product: cpuMsOf(pids.product), engine: cpuMsOf(pids.engine), postgres: postgresCpu(pids.postmaster), machine: machineCpu(), self: process.cpuUsage(),
  };
  const result = await autocannon({ url: base, connections: CONNECTIONS, duration: SECONDS, timeout: 30, requests: request });
  const ended = Date.now();
  const machine = machineCpu();
  const seconds = (ended - probe.began) / 1000;
  const share = (after: number | undefined, before: number | undefined) => (after === undefined || before === undefined ? NaN : ((after - before) / 1000 / seconds) * 100);
  const self = process.cpuUsage(probe.self);
  const cpu = {
    product: share(cpuMsOf(pids.product), probe.product),
    engine: share(cpuMsOf(pids.engine), probe.engine),
    postgres: (postgresCpuSince(pids.postmaster, probe.postgres) / 1000 / seconds) * 100,
    self: ((self.user + self.system) / 1e6 / seconds) * 100,
    machine: ((machine.busy - probe.machine.busy) / (machine.total - probe.machine.total)) * 100,
  };
  const jobs = Number((await db.query(
    `SELECT count(*) AS n FROM engine_records WHERE value_type = 'JOB' AND intent = 'COMPLETED' AND timestamp >= $1 AND timestamp <= $2`, [probe.began, ended])).rows[0].n);
  const counts = (await db.query(
    `SELECT count(*) AS n, count(process_instance_key) AS started FROM tickets WHERE registered_at >= $1 AND registered_at <= $2`, [new Date(probe.began), new Date(ended)])).rows[0];
  return { name, result, seconds, jobs, tickets: Number(counts.n), ticketsWithProcess: Number(counts.started), cpu };
}

function print(step: Step): void {
  const r = step.result;
  const ok = Object.entries(r.statusCodeStats).filter(([code]) => code.startsWith('2')).reduce((sum, [, s]) => sum + Number(s.count), 0);
  const codes = Object.entries(r.statusCodeStats).map(([code, s]) => `${code}×${s.count}`).join(', ');
  console.log('');
  console.log(`${step.name}:`);
  console.log(`  requests/s: ${fmt(ok / r.duration, 1)} answered 2xx (${fmt(r.requests.average, 1)} mean of the per-second counts; ${ok} in ${fmt(r.duration, 1)} s; status ${codes || 'none'}${r.errors ? `; ${r.errors} errors, ${r.timeouts} timeouts` : ''})`);
  // autocannon counts only the answers that came within the step; none means each took longer.
  const answered = Object.values(r.statusCodeStats).reduce((sum, st) => sum + Number(st.count), 0);
  console.log(answered === 0
    ? `  latency: no answer within the ${fmt(r.duration, 1)} s: every request took longer`
    : `  latency p50 / p90 / p99 / max: ${fmt(r.latency.p50)} / ${fmt(r.latency.p90)} / ${fmt(r.latency.p99)} / ${fmt(r.latency.max)} ms`);
  if (step.tickets) console.log(`  tickets registered: ${step.tickets}, ${step.ticketsWithProcess} with their process started`);
  console.log(`  jobs the workers completed meanwhile: ${step.jobs} (${fmt(step.jobs / step.seconds, 1)}/s)`);
  console.log(`  CPU (% of one core): product (server + workers) ${fmt(step.cpu.product)}, engine ${fmt(step.cpu.engine)}, postgres ${fmt(step.cpu.postgres)}, load generator ${fmt(step.cpu.self)}; machine busy ${fmt(step.cpu.machine)}% of ${os.cpus().length} cores`);
}

/** `npm start` (main.ts) against the engine process and the fresh database; resolves when it listens. */
function startProduct(env: NodeJS.ProcessEnv, cleanups: Array<() => Promise<void>>): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  cleanups.push(async () => {
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(killer);
  });
  const output: string[] = [];
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      // Its request log keeps flowing: kept only until it listens, then drained unread.
      if (output.length > 200) return;
      output.push(chunk.toString('utf8'));
      const listening = READY.exec(output.join(''));
      if (listening) {
        output.length = 201;
        resolve({ child, base: listening[1]! });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the product exited (${code}) before it listened:\n${output.join('')}`)));
  });
}

async function main(): Promise<void> {
  const cleanups: Array<() => Promise<void>> = [];
  try {
    console.log(machineLine());
    console.log(`load: ${CONNECTIONS} connections, ${SECONDS} s per route after ${WARMUP_SECONDS} s of warm-up`);

    const db = await freshDatabase(cleanups);
    console.log(`postgres: embedded, fresh cluster in ${path.relative(process.cwd(), db.dataDir)} (fsync on, synchronous_commit on)`);
    const limits = await commitLimits(db.url);

    const restPort = await freePort();
    const engine = await spawnEngine({ databaseUrl: db.url, restPort });
    cleanups.push(() => engine.stop());
    const product = await startProduct({
      DATABASE_URL: db.url, ZEEBE_GRPC_ADDRESS: engine.address, ZEEBE_REST_ADDRESS: `http://127.0.0.1:${restPort}`, CAMUNDA_AUTH_STRATEGY: 'NONE',
      SERVER_HOST: '127.0.0.1', SERVER_PORT: String(await freePort()), DEMO_SEED: 'true', DEMO_PASSWORD: PASSWORD,
    }, cleanups);
    const base = product.base;
    console.log(`product: engine (pid ${engine.pid}); main.ts with the workers and the server (pid ${product.child.pid}) on ${base}`);

    const reader = new pg.Client({ connectionString: db.url });
    reader.on('error', () => undefined);
    await reader.connect();
    cleanups.push(() => reader.end());

    const dispatcher = await signIn(base, 'dengji');
    const handler = await signIn(base, 'chengban');
    const key = await createApiKey(base, await signIn(base, 'admin'));
    const pids = { product: product.child.pid!, engine: engine.pid, postmaster: db.postmaster };

    const steps: Step[] = [];
    steps.push(await measure('intake: POST /api/tickets (dispatcher session + CSRF)', base, [{
      method: 'POST', path: '/api/tickets',
      setupRequest: (req) => ({ ...req, headers: { 'content-type': 'application/json', cookie: dispatcher.cookie, 'x-csrf-token': dispatcher.csrfToken }, body: intakeBody() }),
    }], pids, reader));
    print(steps.at(-1)!);
    steps.push(await measure(`12345 push: POST ${PUSH_PATH} (HMAC-signed API key)`, base, [{
      method: 'POST', path: PUSH_PATH,
      setupRequest: (req) => {
        const body = pushBody();
        return { ...req, headers: { 'content-type': 'application/json', ...signatureHeaders(key, 'POST', PUSH_PATH, body, new Date()) }, body };
      },
    }], pids, reader));
    print(steps.at(-1)!);
    const alone = Date.now();
    const tasks = await fetch(`${base}${INBOX_PATH}`, { headers: { cookie: handler.cookie } }).then((r) => r.json()) as { items?: unknown[] };
    steps.push(await measure(`inbox: GET ${INBOX_PATH} (甸柳所 handler, ${tasks.items?.length ?? 0} tasks on the first page, ${Date.now() - alone} ms for one request alone) while the workers run`, base, [{
      method: 'GET', path: INBOX_PATH, headers: { cookie: handler.cookie },
    }], pids, reader));
    print(steps.at(-1)!);

    console.log('');
    console.log(`engine peak RSS: ${mb(engine.peakRss())}; product peak RSS: ${mb(peakRssOf(product.child.pid!))}; load generator peak RSS: ${mb(selfPeakRss())}`);
    console.log(`postgres commits/s (1 conn): ${fmt(limits.one)}`);
    console.log(`postgres commits/s (8 conns): ${fmt(limits.eight)}`);
  } finally {
    for (const c of cleanups.reverse()) await c().catch((err: Error) => console.error(`cleanup: ${err.message}`));
  }
}

main().then(
  () => process.exit(0),
  (err: Error) => {
    console.error(`bench: ${err.stack ?? err.message}`);
    process.exit(1);
  },
);
