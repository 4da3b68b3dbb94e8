// What every benchmark measures besides its own figures: the machine (CPU time per process
// from /proc, how busy all cores were, peak memory) and its limit (single-row PostgreSQL
// commits per second), plus a fresh embedded PostgreSQL of the product's settings.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { startDatabase, type Database } from '../database/index.ts';

export function intFromEnv(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    console.error(`${name} must be a whole number >= ${min}, but was '${raw}'`);
    process.exit(2);
  }
  return value;
}

export const mb = (bytes: number | undefined) => (bytes === undefined ? 'n/a' : `${Math.round(bytes / 1024 / 1024)} MB`);
export const fmt = (n: number, digits = 0) => n.toFixed(digits);

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function machineLine(): string {
  const cpus = os.cpus();
  return `machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${mb(os.totalmem())} RAM, Node ${process.version}`;
}

export function freePort(): Promise<number> {
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
export function cpuMsOf(pid: number): number | undefined {
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
export function postgresCpu(postmaster: number): Map<number, number> {
  const result = new Map<number, number>();
  for (const name of fs.readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid) || (pid !== postmaster && parentOf(pid) !== postmaster)) continue;
    const ms = cpuMsOf(pid);
    if (ms !== undefined) result.set(pid, ms);
  }
  return result;
}

/** PostgreSQL CPU ms used since `before` (a postgresCpu snapshot). */
export function postgresCpuSince(postmaster: number, before: Map<number, number>): number {
  let ms = 0;
  for (const [pid, now] of postgresCpu(postmaster)) ms += now - (before.get(pid) ?? 0);
  return ms;
}

/** Busy and total jiffies of the whole machine, from /proc/stat. */
export function machineCpu(): { busy: number; total: number } {
  const fields = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = fields.reduce((a, b) => a + b, 0);
  const idle = fields[3]! + (fields[4] ?? 0);
  return { busy: total - idle, total };
}

export function selfPeakRss(): number {
  const m = /^VmHWM:\s+(\d+) kB/m.exec(fs.readFileSync('/proc/self/status', 'utf8'));
  return m ? Number(m[1]) * 1024 : process.resourceUsage().maxRSS * 1024;
}

/** Peak resident set size of another process (VmHWM), undefined once it has exited. */
export function peakRssOf(pid: number): number | undefined {
  try {
    const m = /^VmHWM:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
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

export interface BenchDatabase extends Database {
  dataDir: string;
  postmaster: number;
}

/**
 * A fresh embedded cluster in ./data/bench/run-*, removed by the cleanup it registers.
 * DATABASE_URL is ignored: the figures need a server of known settings nothing else writes to.
 */
export async function freshDatabase(cleanups: Array<() => Promise<void>>): Promise<BenchDatabase> {
  const benchRoot = path.resolve('data', 'bench');
  fs.mkdirSync(benchRoot, { recursive: true });
  removeStaleRuns(benchRoot);
  const dataDir = fs.mkdtempSync(path.join(benchRoot, 'run-'));
  cleanups.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
  delete process.env.DATABASE_URL;
  const db = await startDatabase({ dataDir, port: await freePort(), log: () => undefined });
  cleanups.push(() => db.stop());
  const postmaster = Number(fs.readFileSync(path.join(dataDir, 'pgdata', 'postmaster.pid'), 'utf8').split('\n')[0]);
  return { ...db, dataDir, postmaster };
}

/** The machine's limit: single-row INSERTs, each its own transaction, on 1 and on 8 connections. */
export async function commitLimits(url: string, seconds = 3): Promise<{ one: number; eight: number }> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query('CREATE TABLE bench_commits (id bigserial PRIMARY KEY, payload text NOT NULL)');
    const one = await commitRate(url, 1, seconds);
    const eight = await commitRate(url, 8, seconds);
    await admin.query('DROP TABLE bench_commits');
    return { one, eight };
  } finally {
    await admin.end();
  }
}

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
