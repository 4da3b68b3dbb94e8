// One embedded PostgreSQL server owned by this process, from a data directory laid out as
//   <dataDir>/password   generated on first start, mode 0600
//   <dataDir>/pgdata/    the cluster (PGDATA); embedded.conf in it holds our settings
// The cluster is created in a staging directory and renamed into place, so a crash during
// initdb never leaves a half-initialised pgdata behind.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { postgresBinaries } from './binaries.ts';
import type { Binaries } from './binaries.ts';
import { LogTail } from './log-tail.ts';
import { ownServer } from './process-exit.ts';
import { grantTraverse, postgresUserIfRoot } from './postgres-user.ts';
import type { RunAs } from './postgres-user.ts';
import { isRunning } from './processes.ts';
import { renderSettings } from './server-settings.ts';
import type { ServerSettings } from './server-settings.ts';
import { clearStalePostmaster } from './stale-postmaster.ts';

export const EMBEDDED_HOST = '127.0.0.1';
export const EMBEDDED_USER = 'postgres';

// UTF8 with the builtin provider's C.UTF-8 locale (PostgreSQL 17+): needs no OS locale (a
// bare Debian has none but C/POSIX), sorts by code point, and upper()/lower()/regex classes
// still know Unicode. Pinyin order is available per query: ORDER BY x COLLATE "zh-x-icu".
const INITDB_FLAGS = ['--encoding=UTF8', '--locale=C', '--locale-provider=builtin', '--builtin-locale=C.UTF-8'];

// Settings the connection depends on stay on the command line, where ALTER SYSTEM cannot
// move them. Loopback only: other machines use DATABASE_URL with a server of their own.
// No Unix socket: avoids /tmp lock files shared between servers and users.
const POSTGRES_FLAGS = ['-c', `listen_addresses=${EMBEDDED_HOST}`, '-c', 'unix_socket_directories='];

const SETTINGS_FILE = 'embedded.conf';

export interface EmbeddedServerOptions {
  dataDir: string;
  port: number;
  settings: ServerSettings;
  /** Our own messages, server lines that always matter, and the log tail on failure. */
  log: (msg: string) => void;
  /** e.g. --no-sync for a throwaway test cluster. */
  extraInitdbFlags?: string[];
  /** false: the server does not keep the Node process alive (a test server stopped on exit). */
  keepProcessAlive?: boolean;
}

export interface EmbeddedServer {
  readonly port: number;
  readonly password: string;
  readonly pgdata: string;
  /** The postmaster's process id. */
  readonly pid: number;
  url(database: string): string;
  stop(): Promise<void>;
}

export class PortInUseError extends Error {}

export async function startEmbeddedServer(options: EmbeddedServerOptions): Promise<EmbeddedServer> {
  const { port, log } = options;
  const dataDir = path.resolve(options.dataDir);
  const pgdata = path.join(dataDir, 'pgdata');
  const binaries = postgresBinaries();
  const runAs = await postgresUserIfRoot(log);

  // Parents get the usual umask; only the directory holding the password is private.
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (runAs) {
    fs.chownSync(dataDir, runAs.uid, runAs.gid);
    await grantTraverse(dataDir, runAs, log);
    await grantTraverse(binaries.postgres, runAs, log);
  }
  const passwordFile = path.join(dataDir, 'password');
  const password = readOrCreatePassword(passwordFile, runAs);
  const serverLog = new LogTail();

  if (!fs.existsSync(path.join(pgdata, 'PG_VERSION'))) {
    await initialise(pgdata, binaries, passwordFile, runAs, options.extraInitdbFlags ?? [], serverLog);
    log(`initialised a new PostgreSQL cluster in ${pgdata}`);
  }
  writeSettings(pgdata, options.settings, runAs);
  await clearStalePostmaster(pgdata, log);

  const child = await start(binaries, pgdata, port, runAs, serverLog);
  const pid = child.pid!;
  if (options.keepProcessAlive === false) {
    child.unref();
    for (const stream of [child.stdout, child.stderr]) (stream as { unref?: () => void } | null)?.unref?.();
  }

  let stopping = false;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      release();
      // Exit code 0 is a requested shutdown.
      if (!stopping && (signal !== null || code !== 0)) {
        log(`PostgreSQL (pid ${pid}, ${pgdata}) exited unexpectedly (${signal ?? `code ${code}`}); its last log lines:\n` +
          serverLog.last(30));
      }
      resolve();
    });
  });
  const alive = () => child.exitCode === null && child.signalCode === null;
  const stop = async () => {
    stopping = true;
    // SIGINT is PostgreSQL's fast shutdown: ends sessions, writes a checkpoint, exits.
    if (alive()) child.kill('SIGINT');
    await exited;
  };
  const release = ownServer({
    signalStop: () => {
      stopping = true;
      if (alive()) child.kill('SIGINT');
    },
    stop,
  });
  serverLog.onLine = (line) => {
    if (MATTERS.test(line) && !ROUTINE.test(line)) log(`postgres: ${line}`);
  };

  return {
    port,
    password,
    pgdata,
    pid,
    url: (database) =>
      `postgres://${EMBEDDED_USER}:${encodeURIComponent(password)}@${EMBEDDED_HOST}:${port}/${encodeURIComponent(database)}`,
    stop,
  };
}

// Lines shown even while all is well: a crashed backend, a full disk, corruption.
const MATTERS = /\b(PANIC|FATAL):|terminated by signal|No space left|could not (write|fsync|extend)/;
const ROUTINE = /administrator command|the database system is (starting up|shutting down)|password authentication failed/;

async function initialise(pgdata: string, binaries: Binaries, passwordFile: string, runAs: RunAs | null,
  extraFlags: string[], serverLog: LogTail): Promise<void> {
  const parent = path.dirname(pgdata);
  const prefix = `${path.basename(pgdata)}.init-`;
  // Staging directories of runs that died mid-initdb (their pid no longer runs).
  for (const name of fs.readdirSync(parent)) {
    if (name.startsWith(prefix) && !isRunning(Number(name.slice(prefix.length)))) {
      fs.rmSync(path.join(parent, name), { recursive: true, force: true });
    }
  }
  const staging = path.join(parent, `${prefix}${process.pid}`);
  fs.mkdirSync(staging, { mode: 0o700 });
  if (runAs) fs.chownSync(staging, runAs.uid, runAs.gid);
  const mark = serverLog.mark();
  const initdb = spawn(binaries.initdb, [
    `--pgdata=${staging}`, `--username=${EMBEDDED_USER}`, `--pwfile=${passwordFile}`, '--auth=scram-sha-256',
    ...INITDB_FLAGS, ...extraFlags,
  ], { ...(runAs ?? {}), stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_MESSAGES: 'C' } });
  const onData = (chunk: Buffer) => serverLog.push(chunk.toString('utf8'));
  initdb.stdout.on('data', onData);
  initdb.stderr.on('data', onData);
  const outcome = await new Promise<string | null>((resolve) => {
    initdb.once('error', (err) => resolve(err.message));
    initdb.once('close', (code, signal) => resolve(code === 0 ? null : `exit ${signal ?? code}`));
  });
  if (outcome !== null) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw new Error(`initdb failed for ${pgdata} (${outcome}):\n${serverLog.since(mark)}`);
  }
  fs.appendFileSync(path.join(staging, 'postgresql.conf'), `\ninclude_if_exists = '${SETTINGS_FILE}'\n`);
  try {
    fs.renameSync(staging, pgdata);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    fs.rmSync(staging, { recursive: true, force: true });
    // Another process starting at the same moment finished first: use its cluster.
    if ((code !== 'ENOTEMPTY' && code !== 'EEXIST') || !fs.existsSync(path.join(pgdata, 'PG_VERSION'))) throw err;
  }
}

function writeSettings(pgdata: string, settings: ServerSettings, runAs: RunAs | null): void {
  const file = path.join(pgdata, SETTINGS_FILE);
  fs.writeFileSync(file, renderSettings(settings), { mode: 0o600 });
  if (runAs) fs.chownSync(file, runAs.uid, runAs.gid);
}

async function start(binaries: Binaries, pgdata: string, port: number, runAs: RunAs | null,
  serverLog: LogTail): Promise<ChildProcess> {
  for (let attempt = 1; ; attempt++) {
    const mark = serverLog.mark();
    try {
      return await spawnPostgres(binaries, pgdata, port, runAs, serverLog);
    } catch (err) {
      const output = serverLog.since(mark);
      if (/Address already in use/.test(output)) {
        throw new PortInUseError(
          `port ${port} on ${EMBEDDED_HOST} is already in use, so the embedded PostgreSQL cannot listen on it: ` +
          'set EMBEDDED_PG_PORT to a free port, or DATABASE_URL to use an existing server.');
      }
      // After a SIGKILL the old server's processes hold its shared memory for a moment.
      if (attempt < 40 && /pre-existing shared memory block|lock file "postmaster.pid" already exists/.test(output)) {
        await sleep(250);
        continue;
      }
      throw new Error(`PostgreSQL failed to start from ${pgdata} on port ${port} (${(err as Error).message}); ` +
        `its log:\n${output}`);
    }
  }
}

/** Resolves once the server accepts connections; the server log goes to serverLog. */
function spawnPostgres(binaries: Binaries, pgdata: string, port: number, runAs: RunAs | null,
  serverLog: LogTail): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(binaries.postgres, ['-D', pgdata, '-p', String(port), ...POSTGRES_FLAGS], {
      ...(runAs ?? {}),
      // Own process group: a terminal's Ctrl-C reaches only Node, which stops the engine
      // before the database. LC_MESSAGES=C: the ready line below is matched in English.
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LC_MESSAGES: 'C' },
    });
    let ready = false;
    const onData = (chunk: Buffer) => serverLog.push(chunk.toString('utf8'));
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    serverLog.onLine = (line) => {
      if (!ready && line.includes('database system is ready to accept connections')) {
        ready = true;
        serverLog.onLine = undefined;
        resolve(child);
      }
    };
    child.once('error', (err) => {
      serverLog.onLine = undefined;
      reject(err);
    });
    // 'close', not 'exit': by then the log holds the FATAL line that explains the failure.
    child.once('close', (code, signal) => {
      if (ready) return;
      serverLog.onLine = undefined;
      reject(new Error(`postgres exited with ${signal ?? `code ${code}`} before accepting connections`));
    });
  });
}

/**
 * First writer wins: created under a temporary name and hard-linked into place. Owned by
 * the server's user, because initdb reads it (--pwfile); root reads it regardless.
 */
function readOrCreatePassword(file: string, runAs: RunAs | null): string {
  if (!fs.existsSync(file)) {
    const temporary = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, `${crypto.randomBytes(24).toString('hex')}\n`, { mode: 0o600 });
    if (runAs) fs.chownSync(temporary, runAs.uid, runAs.gid);
    try {
      fs.linkSync(temporary, file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    } finally {
      fs.rmSync(temporary, { force: true });
    }
  }
  const password = fs.readFileSync(file, 'utf8').trim();
  if (!password) throw new Error(`${file} is empty: delete it together with the pgdata directory next to it`);
  return password;
}
