// What a previous run may leave in the data directory, and what to do about it:
// - postmaster.pid naming a dead process (postgres was SIGKILLed): PostgreSQL removes it
//   itself; only its shared memory may linger for a moment (see the retry in the caller).
// - postmaster.pid naming a live process that is not postgres at all (the pid was reused,
//   e.g. after a container restart): PostgreSQL would refuse to start, so the file is removed.
// - our postgres still running, orphaned because the Node process that started it died
//   without running its exit hooks (SIGKILL, OOM): it is shut down cleanly (SIGINT, fast
//   shutdown) so this process can own the server.
// - our postgres running under another live Node process: that is a second instance of the
//   product on the same data; refuse with a clear message.
// Needs /proc (Linux); elsewhere the decision is left to PostgreSQL.
import fs from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { hasProcFs, isRunning, parentPid } from './processes.ts';

export async function clearStalePostmaster(pgdata: string, log: (msg: string) => void): Promise<void> {
  const pidFile = `${pgdata}/postmaster.pid`;
  let pid: number;
  try {
    pid = Number.parseInt(fs.readFileSync(pidFile, 'utf8').split('\n')[0] ?? '', 10);
  } catch {
    return;
  }
  if (!Number.isInteger(pid) || pid <= 0 || !hasProcFs() || !isRunning(pid)) return;

  const comm = readProc(pid, 'comm').trim();
  if (comm !== 'postgres') {
    fs.rmSync(pidFile, { force: true });
    log(`removed stale ${pidFile}: pid ${pid} is now an unrelated process (${comm || 'unknown'})`);
    return;
  }
  // Another cluster's process reusing the pid: rare enough to leave to PostgreSQL's own check.
  if (!readProc(pid, 'cmdline').split('\0').includes(pgdata)) return;

  const parent = parentPid(pid);
  if (parent !== null && isNodeProcess(parent)) {
    throw new Error(
      `PostgreSQL for ${pgdata} is already running (pid ${pid}), started by process ${parent}. ` +
      'Stop that process first, or run every part against one server by setting DATABASE_URL.');
  }
  log(`stopping PostgreSQL (pid ${pid}) left running by a previous process that died`);
  process.kill(pid, 'SIGINT');
  for (let waited = 0; isRunning(pid); waited += 100) {
    if (waited >= 60_000) throw new Error(`PostgreSQL pid ${pid} (orphaned, ${pgdata}) did not stop within 60 s`);
    await sleep(100);
  }
}

function readProc(pid: number, file: string): string {
  try {
    return fs.readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return '';
  }
}

function isNodeProcess(pid: number): boolean {
  try {
    return fs.realpathSync(`/proc/${pid}/exe`) === fs.realpathSync(process.execPath);
  } catch {
    // exe of another user's process is unreadable; its comm is not.
    return readProc(pid, 'comm').trim() === 'node';
  }
}
