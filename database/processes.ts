// Process state from /proc (Linux). Elsewhere the answers degrade to what kill(pid, 0) tells.
import fs from 'node:fs';

/** Alive and not a zombie: a zombie is dead, merely not yet reaped by its parent. */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const state = procStat(pid)?.state;
  return state !== 'Z' && state !== 'X';
}

export function parentPid(pid: number): number | null {
  return procStat(pid)?.ppid ?? null;
}

export function hasProcFs(): boolean {
  return fs.existsSync('/proc/self/stat');
}

function procStat(pid: number): { state: string; ppid: number } | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (comm) state ppid ...": comm may contain spaces and parentheses.
    const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: state ?? '', ppid: Number(ppid) };
  } catch {
    return null;
  }
}
