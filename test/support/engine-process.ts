// The engine as a separate process (`engine/main.ts`, as `npm run engine` runs it), for tests
// that kill it and for benchmarks that keep its CPU apart from the workers' event loop.
// Node runs tsx as a loader (`node --import tsx`), not through the tsx CLI, so the pid is the
// engine's own: SIGKILL hits the engine and not a wrapper that would leave it orphaned.

import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const MAIN = path.join(ROOT, 'engine', 'main.ts');
const READY = /listening on (grpc:\/\/[^\s:]+:(\d+))/;

export interface EngineProcessOptions {
  databaseUrl: string;
  /** 0 (default) lets the engine pick a free port; the real one is read from its output. */
  port?: number;
  /** The REST API's port; 0 (default) picks a free one. */
  restPort?: number;
  /** Milliseconds to wait for the gateway to listen. */
  startTimeoutMs?: number;
  /** Each line the engine prints; by default only kept for error messages. */
  onLine?: (line: string) => void;
}

export interface EngineProcess {
  readonly pid: number;
  readonly port: number;
  /** grpc://127.0.0.1:<port>, for ZEEBE_GRPC_ADDRESS. */
  readonly address: string;
  readonly child: ChildProcess;
  /** Resolves when the process has exited, with its code or signal. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** The last lines it printed. */
  output(): string;
  /** Sends SIGKILL and waits for the exit: a crash, nothing is flushed or closed. */
  kill(): Promise<void>;
  /** SIGTERM (the engine's own clean shutdown), SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
  /** Peak resident set size so far in bytes (VmHWM), undefined once it has exited. */
  peakRss(): number | undefined;
  /** CPU time used so far in milliseconds (user + system), undefined once it has exited. */
  cpuMs(): number | undefined;
}

export async function spawnEngine(options: EngineProcessOptions): Promise<EngineProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: options.databaseUrl, ZEEBE_GRPC_PORT: String(options.port ?? 0), ZEEBE_REST_PORT: String(options.restPort ?? 0) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  let ready: ((m: RegExpMatchArray) => void) | undefined;
  const listening = new Promise<RegExpMatchArray>((resolve) => (ready = resolve));
  const onData = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (!line.trim()) continue;
      lines.push(line);
      if (lines.length > 200) lines.shift();
      options.onLine?.(line);
      const m = READY.exec(line);
      if (m) ready?.(m);
    }
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const output = () => lines.join('\n');

  const timeoutMs = options.startTimeoutMs ?? 60_000;
  let timer: NodeJS.Timeout | undefined;
  const outcome = await Promise.race([
    listening.then((m) => ({ kind: 'ready' as const, m })),
    exited.then((e) => ({ kind: 'exited' as const, e })),
    new Promise<{ kind: 'timeout' }>((resolve) => (timer = setTimeout(() => resolve({ kind: 'timeout' }), timeoutMs))),
  ]);
  clearTimeout(timer);
  if (outcome.kind !== 'ready') {
    if (outcome.kind === 'timeout') {
      child.kill('SIGKILL');
      await exited;
    }
    const how = outcome.kind === 'timeout'
      ? `did not listen within ${timeoutMs} ms`
      : `exited (${outcome.e.signal ?? `code ${outcome.e.code}`}) before listening`;
    throw new Error(`the engine process (${MAIN}) ${how}; its output:\n${output()}`);
  }

  const pid = child.pid!;
  let gone = false;
  // Never outlive the process that started it (a failed test, an interrupted benchmark).
  const killOnExit = () => {
    if (!gone) child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);
  void exited.then(() => {
    gone = true;
    process.off('exit', killOnExit);
  });
  const status = (field: string): number | undefined => {
    if (gone) return undefined;
    try {
      const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
      return m ? Number(m[1]) * 1024 : undefined;
    } catch {
      return undefined;
    }
  };
  const ticks = 100; // USER_HZ on Linux
  return {
    pid,
    port: Number(outcome.m[2]),
    address: outcome.m[1],
    child,
    exited,
    output,
    async kill() {
      if (!gone) child.kill('SIGKILL');
      await exited;
    },
    async stop(graceMs = 10_000) {
      if (gone) return;
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(t);
    },
    peakRss: () => status('VmHWM'),
    cpuMs() {
      if (gone) return undefined;
      try {
        // Fields after the command name (which is in parentheses and may hold spaces).
        const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticks;
      } catch {
        return undefined;
      }
    },
  };
}
