// `npm run bench:engine`: throughput and latency of the built-in engine through the official
// SDK, with the machine's own limit (raw PostgreSQL commits per second) measured in the same run.
//
// - PostgreSQL: a fresh embedded cluster in ./data/bench/<run> (the product's settings, fsync
//   on), removed afterwards. DATABASE_URL is ignored: the figures need a server of known
//   settings that nothing else writes to.
// - Engine: `engine/main.ts` in a child process, so its CPU is not shared with the workers.
// - Process: start -> 10 sequential service tasks (job types bench-t1 .. bench-t10) -> end.
// - Workers: one SDK job stream (ZeebeGrpcClient.streamJobs) per type, completing at once.
// - Load: BENCH_INSTANCES (default 2000) instances, BENCH_CONCURRENCY (default 100) in flight,
//   each started with CreateProcessInstanceWithResult, so an instance is in flight from its
//   create to its completion; BENCH_WARMUP (default 100) instances first, not counted.
//
// A benchmark, never a test: it prints figures and exits 0 whenever it ran.

import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Camunda8 } from '@camunda8/sdk';
import pg from 'pg';
import { startDatabase, type Database } from '../database/index.ts';
import { bpmn, chain, end, serviceTask, start } from '../test/support/bpmn.ts';
import { spawnEngine, type EngineProcess } from '../test/support/engine-process.ts';

type Zeebe = ReturnType<Camunda8['getZeebeGrpcApiClient']>;

const INSTANCES = intFromEnv('BENCH_INSTANCES', 2000, 1);
const CONCURRENCY = intFromEnv('BENCH_CONCURRENCY', 100, 1);
const WARMUP = intFromEnv('BENCH_WARMUP', 100, 0);
const TASKS = 10;
const PROCESS_ID = 'bench-sequence';
const COMMIT_SECONDS = 3;

function intFromEnv(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    console.error(`${name} must be a whole number >= ${min}, but was '${raw}'`);
    process.exit(2);
  }
  return value;
}

const mb = (bytes: number | undefined) => (bytes === undefined ? 'n/a' : `${Math.round(bytes / 1024 / 1024)} MB`);
const fmt = (n: number, digits = 0) => n.toFixed(digits);

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}

/** CPU time in ms (user + system) of one process, from /proc/<pid>/stat; undefined if gone. */
function cpuMsOf(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return undefined;
  }
}

function parentOf(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

/** CPU ms per process of the PostgreSQL server (postmaster and its children: backends, WAL writer...). */
function postgresCpu(postmaster: number): Map<number, number> {
  const result = new Map<number, number>();
  for (const name of fs.readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid) || (pid !== postmaster && parentOf(pid) !== postmaster)) continue;
    const ms = cpuMsOf(pid);
    if (ms !== undefined) result.set(pid, ms);
  }
  return result;
}

/** Busy and total jiffies of the whole machine, from /proc/stat. */
function machineCpu(): { busy: number; total: number } {
  const fields = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const total = fields.reduce((a, b) => a + b, 0);
  const idle = fields[3] + (fields[4] ?? 0);
  return { busy: total - idle, total };
}

/** Directories of earlier runs that were interrupted (no PostgreSQL runs from them any more). */
function removeStaleRuns(benchRoot: string): void {
  for (const name of fs.readdirSync(benchRoot)) {
    if (!name.startsWith('run-')) continue;
    const dir = path.join(benchRoot, name);
    let running = false;
    try {
      const pid = Number(fs.readFileSync(path.join(dir, 'pgdata', 'postmaster.pid'), 'utf8').split('\n')[0]);
      process.kill(pid, 0);
      running = true;
    } catch {
      // no pid file, or that process is gone
    }
    if (!running) fs.rmSync(dir, { recursive: true, force: true });
  }
}

function selfPeakRss(): number {
  const m = /^VmHWM:\s+(\d+) kB/m.exec(fs.readFileSync('/proc/self/status', 'utf8'));
  return m ? Number(m[1]) * 1024 : process.resourceUsage().maxRSS * 1024;
}

/** Single-row INSERTs, each its own transaction (autocommit), on `connections` connections. */
async function commitRate(url: string, connections: number, seconds: number): Promise<number> {
  const clients = await Promise.all(Array.from({ length: connections }, async () => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    return c;
  }));
  try {
    let commits = 0;
    const began = performance.now();
    const until = began + seconds * 1000;
    await Promise.all(clients.map(async (c) => {
      while (performance.now() < until) {
        await c.query('INSERT INTO bench_commits (payload) VALUES ($1)', ['x']);
        commits++;
      }
    }));
    return commits / ((performance.now() - began) / 1000);
  } finally {
    await Promise.all(clients.map((c) => c.end()));
  }
}

function client(address: string): Zeebe {
  return new Camunda8({
    ZEEBE_GRPC_ADDRESS: address,
    CAMUNDA_AUTH_STRATEGY: 'NONE',
    CAMUNDA_LOG_LEVEL: 'none',
    zeebeGrpcSettings: { ZEEBE_CLIENT_LOG_LEVEL: 'NONE', ZEEBE_GRPC_CLIENT_RETRY: false },
  } as never).getZeebeGrpcApiClient();
}

interface LoadResult {
  seconds: number;
  completed: number;
  errors: number;
  firstError?: string;
  instanceLatencies: number[];
}

/** Runs `count` instances with `concurrency` in flight, each from create to completion. */
async function runLoad(zeebe: Zeebe, count: number, concurrency: number): Promise<LoadResult> {
  let started = 0;
  let errors = 0;
  let firstError: string | undefined;
  const instanceLatencies: number[] = [];
  const began = performance.now();
  const lane = async () => {
    while (started < count) {
      started++;
      const t = performance.now();
      try {
        await zeebe.createProcessInstanceWithResult({ bpmnProcessId: PROCESS_ID, variables: {}, requestTimeout: 300_000 });
        instanceLatencies.push(performance.now() - t);
      } catch (err) {
        errors++;
        firstError ??= (err as Error).message;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, lane));
  return { seconds: (performance.now() - began) / 1000, completed: instanceLatencies.length, errors, firstError, instanceLatencies };
}

async function main(): Promise<void> {
  const cleanups: Array<() => Promise<void>> = [];
  const cleanup = async () => {
    for (const c of cleanups.reverse()) await c().catch((err: Error) => console.error(`cleanup: ${err.message}`));
    cleanups.length = 0;
  };
  try {
    await run(cleanups);
  } finally {
    await cleanup();
  }
}

async function run(cleanups: Array<() => Promise<void>>): Promise<void> {
  const cpus = os.cpus();
  console.log(`machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${mb(os.totalmem())} RAM, Node ${process.version}`);
  console.log(`load: ${INSTANCES} instances (+${WARMUP} warm-up) of start -> ${TASKS} service tasks (types bench-t1..bench-t${TASKS}) -> end, ` +
    `${CONCURRENCY} in flight, one job stream per type`);

  // --- PostgreSQL: a fresh cluster, removed afterwards ---
  const benchRoot = path.resolve('data', 'bench');
  fs.mkdirSync(benchRoot, { recursive: true });
  removeStaleRuns(benchRoot);
  const dataDir = fs.mkdtempSync(path.join(benchRoot, 'run-'));
  cleanups.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
  delete process.env.DATABASE_URL;
  const db: Database = await startDatabase({ dataDir, port: await freePort(), log: () => undefined });
  cleanups.push(() => db.stop());
  console.log(`postgres: embedded, fresh cluster in ${path.relative(process.cwd(), dataDir)} (fsync on, synchronous_commit on)`);

  // --- the machine's limit: raw single-row commits ---
  const admin = new pg.Client({ connectionString: db.url });
  // Interrupted (Ctrl-C stops the server first): no unhandled 'error' event.
  admin.on('error', () => undefined);
  await admin.connect();
  cleanups.push(() => admin.end());
  await admin.query('CREATE TABLE bench_commits (id bigserial PRIMARY KEY, payload text NOT NULL)');
  const commits1 = await commitRate(db.url, 1, COMMIT_SECONDS);
  const commits8 = await commitRate(db.url, 8, COMMIT_SECONDS);
  await admin.query('DROP TABLE bench_commits');

  // --- the engine in its own process ---
  const engine: EngineProcess = await spawnEngine({ databaseUrl: db.url });
  cleanups.push(() => engine.stop());
  const zeebe = client(engine.address);
  cleanups.push(() => zeebe.close(2000).then(() => undefined, () => undefined));

  const ids = Array.from({ length: TASKS }, (_, i) => `t${i + 1}`);
  await zeebe.deployResource({
    process: bpmn(PROCESS_ID, start(), ...ids.map((id) => serviceTask(id, `bench-${id}`)), end(), chain('start', ...ids, 'end')),
    name: `${PROCESS_ID}.bpmn`,
  });

  let jobsHandled = 0;
  const streams = await Promise.all(ids.map((id) => zeebe.streamJobs({
    type: `bench-${id}`,
    worker: `bench-worker-${id}`,
    timeout: 60_000,
    pollInterval: 60_000,
    tenantIds: [],
    taskHandler: (job) => {
      jobsHandled++;
      return job.complete();
    },
  })));
  cleanups.push(async () => streams.forEach((s) => s.close()));

  if (WARMUP > 0) {
    const warm = await runLoad(zeebe, WARMUP, CONCURRENCY);
    if (warm.errors) console.log(`warm-up: ${warm.errors} of ${WARMUP} instances failed, e.g. ${warm.firstError}`);
  }

  // --- the measured run ---
  const handledBefore = jobsHandled;
  const postmaster = Number(fs.readFileSync(path.join(dataDir, 'pgdata', 'postmaster.pid'), 'utf8').split('\n')[0]);
  const pgCpuBefore = postgresCpu(postmaster);
  const machineBefore = machineCpu();
  const cpuBefore = engine.cpuMs();
  const selfCpuBefore = process.cpuUsage();
  const measureFrom = Date.now();
  const load = await runLoad(zeebe, INSTANCES, CONCURRENCY);
  const measureTo = Date.now();
  const cpuAfter = engine.cpuMs();
  const machineAfter = machineCpu();
  let pgCpuMs = 0;
  for (const [pid, ms] of postgresCpu(postmaster)) pgCpuMs += ms - (pgCpuBefore.get(pid) ?? 0);
  const selfCpu = process.cpuUsage(selfCpuBefore);
  const enginePeak = engine.peakRss();

  // Job latency from the engine's own records: JOB CREATED to JOB COMPLETED, per job key.
  const latencyRows = await admin.query<{ ms: string }>(
    `SELECT c.timestamp - a.timestamp AS ms
       FROM engine_records a
       JOIN engine_records c ON c.key = a.key AND c.value_type = 'JOB' AND c.intent = 'COMPLETED'
      WHERE a.value_type = 'JOB' AND a.intent = 'CREATED' AND a.timestamp >= $1 AND a.timestamp <= $2`,
    [measureFrom, measureTo],
  );
  const jobLatencies = latencyRows.rows.map((r) => Number(r.ms)).sort((a, b) => a - b);
  const counts = await admin.query<{ intent: string; n: string }>(
    `SELECT intent, count(*) AS n FROM engine_records WHERE value_type = 'JOB' AND timestamp >= $1 AND timestamp <= $2 GROUP BY intent ORDER BY intent`,
    [measureFrom, measureTo],
  );
  const completedJobs = Number(counts.rows.find((r) => r.intent === 'COMPLETED')?.n ?? 0);
  const instanceLatencies = load.instanceLatencies.sort((a, b) => a - b);
  // Engine commits: each writes its records in one transaction, so they share an xmin.
  const engineCommits = Number((await admin.query<{ n: string }>(
    `SELECT count(DISTINCT xmin::text) AS n FROM engine_records WHERE timestamp >= $1 AND timestamp <= $2`,
    [measureFrom, measureTo],
  )).rows[0].n);
  const commands = load.completed + completedJobs; // creates + completes; activations ride along

  console.log('');
  console.log(`instances: ${load.completed} completed, ${load.errors} failed${load.firstError ? ` (e.g. ${load.firstError})` : ''} in ${fmt(load.seconds, 1)} s`);
  console.log(`jobs: ${completedJobs} completed in the records (${counts.rows.map((r) => `${r.intent} ${r.n}`).join(', ')}); workers handled ${jobsHandled - handledBefore}`);
  console.log(`tasks/s: ${fmt(completedJobs / load.seconds)}`);
  console.log(`instances/s: ${fmt(load.completed / load.seconds, 1)}`);
  console.log(`job latency p50: ${fmt(percentile(jobLatencies, 50))} ms`);
  console.log(`job latency p99: ${fmt(percentile(jobLatencies, 99))} ms`);
  console.log(`job latency max: ${fmt(jobLatencies.at(-1) ?? NaN)} ms`);
  console.log(`instance latency p50: ${fmt(percentile(instanceLatencies, 50))} ms (create to completion, ${TASKS} tasks, client side)`);
  console.log(`instance latency p99: ${fmt(percentile(instanceLatencies, 99))} ms`);
  console.log(`engine commits/s: ${fmt(engineCommits / load.seconds)} (${fmt(commands / Math.max(1, engineCommits), 1)} commands per commit)`);
  if (cpuBefore !== undefined && cpuAfter !== undefined) {
    console.log(`engine CPU: ${fmt(((cpuAfter - cpuBefore) / 1000 / load.seconds) * 100)}% of one core`);
  }
  console.log(`bench process CPU (SDK client + workers): ${fmt(((selfCpu.user + selfCpu.system) / 1e6 / load.seconds) * 100)}% of one core`);
  console.log(`postgres CPU: ${fmt((pgCpuMs / 1000 / load.seconds) * 100)}% of one core`);
  console.log(`machine CPU busy: ${fmt(((machineAfter.busy - machineBefore.busy) / (machineAfter.total - machineBefore.total)) * 100)}% of ${os.cpus().length} cores (all processes on the machine)`);
  console.log(`engine peak RSS: ${mb(enginePeak)}`);
  console.log(`bench process peak RSS: ${mb(selfPeakRss())}`);
  console.log(`postgres commits/s (1 conn): ${fmt(commits1)}`);
  console.log(`postgres commits/s (8 conns): ${fmt(commits8)}`);
}

main().then(
  () => process.exit(0),
  (err: Error) => {
    console.error(`bench: ${err.stack ?? err.message}`);
    process.exit(1);
  },
);
