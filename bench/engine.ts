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

import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Camunda8 } from '@camunda8/sdk';
import pg from 'pg';
import { bpmn, chain, end, serviceTask, start } from '../test/support/bpmn.ts';
import { spawnEngine, type EngineProcess } from '../test/support/engine-process.ts';
import { commitLimits, fmt, freshDatabase, intFromEnv, machineCpu, machineLine, mb, percentile, postgresCpu, postgresCpuSince, selfPeakRss } from './machine.ts';

type Zeebe = ReturnType<Camunda8['getZeebeGrpcApiClient']>;

const INSTANCES = intFromEnv('BENCH_INSTANCES', 2000, 1);
const CONCURRENCY = intFromEnv('BENCH_CONCURRENCY', 100, 1);
const WARMUP = intFromEnv('BENCH_WARMUP', 100, 0);
const TASKS = 10;
const PROCESS_ID = 'bench-sequence';
const COMMIT_SECONDS = 3;

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
  console.log(machineLine());
  console.log(`load: ${INSTANCES} instances (+${WARMUP} warm-up) of start -> ${TASKS} service tasks (types bench-t1..bench-t${TASKS}) -> end, ` +
    `${CONCURRENCY} in flight, one job stream per type`);

  // --- PostgreSQL: a fresh cluster, removed afterwards ---
  const db = await freshDatabase(cleanups);
  console.log(`postgres: embedded, fresh cluster in ${path.relative(process.cwd(), db.dataDir)} (fsync on, synchronous_commit on)`);

  // --- the machine's limit: raw single-row commits ---
  const { one: commits1, eight: commits8 } = await commitLimits(db.url, COMMIT_SECONDS);
  const admin = new pg.Client({ connectionString: db.url });
  // Interrupted (Ctrl-C stops the server first): no unhandled 'error' event.
  admin.on('error', () => undefined);
  await admin.connect();
  cleanups.push(() => admin.end());

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
  const pgCpuBefore = postgresCpu(db.postmaster);
  const machineBefore = machineCpu();
  const cpuBefore = engine.cpuMs();
  const selfCpuBefore = process.cpuUsage();
  const measureFrom = Date.now();
  const load = await runLoad(zeebe, INSTANCES, CONCURRENCY);
  const measureTo = Date.now();
  const cpuAfter = engine.cpuMs();
  const machineAfter = machineCpu();
  const pgCpuMs = postgresCpuSince(db.postmaster, pgCpuBefore);
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
