// Starting and stopping the server: migrations, the first-start seed, listening, and a
// graceful stop (stop accepting, let requests in flight finish, then close).
import http from 'node:http';
import type net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPool, migrate } from '../database/index.ts';
import { buildApp, createContext, type AppOptions } from './app.ts';
import { ROUTES } from './routes/table.ts';
import { startHousekeeping, sweep } from './housekeeping.ts';
import { seedOrganisation, type SeededAccount } from './org/seed.ts';
import { noticeTemplatesDir, seedNoticeTemplates } from './templates/index.ts';
import { ROLES } from './access/roles.ts';

const MIGRATIONS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export interface StartServerOptions extends Omit<AppOptions, 'pool'> {
  /** The product database. The caller owns it: stop() leaves it open. */
  pool?: AppOptions['pool'];
  /** Instead of `pool`: the server makes its own pool and closes it in stop(). */
  databaseUrl?: string;
  /** Default settings.port (3000); 0 picks a free port. */
  port?: number;
  /** Default settings.host (127.0.0.1). */
  host?: string;
  /** Where the first start prints the seeded logins; default console.log. Not the JSON log, which may be shipped elsewhere. */
  announce?: (line: string) => void;
}

export interface RunningServer {
  port: number;
  host: string;
  /** Accounts created by this start (first start only), with their passwords. */
  seeded: SeededAccount[];
  /** Stops accepting, waits for requests in flight (SHUTDOWN_GRACE_SECONDS), then closes. */
  stop(): Promise<void>;
}

export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  if (!options.pool && !options.databaseUrl) throw new Error('startServer needs a pool or a databaseUrl');
  const ownPool = options.pool ? undefined : createPool(options.databaseUrl!);
  const pool = options.pool ?? ownPool!;
  try {
    const ctx = createContext({ ...options, pool });
    await migrate(pool, 'server', MIGRATIONS);
    const seeded = await seedOrganisation(pool, { demo: ctx.settings.demoSeed, password: ctx.settings.demoPassword, now: ctx.clock() });
    if (seeded.length) announceAccounts(seeded, !!ctx.settings.demoPassword, options.announce ?? console.log);
    await seedNoticeTemplates(pool, noticeTemplatesDir(), ctx.clock());
    if (!ctx.settings.apiKeyMasterKey) {
      ctx.log.warn('API_KEY_MASTER_KEY is not set: API key secrets are stored unencrypted in the database');
    }
    await sweep(ctx);
    const stopHousekeeping = startHousekeeping(ctx);

    const app = buildApp(ctx, options.routes ?? ROUTES, options.uiDir);
    const server = http.createServer(app);
    // Behind a load balancer an idle keep-alive connection must outlive the balancer's.
    server.keepAliveTimeout = 65_000;
    server.headersTimeout = 66_000;
    const host = options.host ?? ctx.settings.host;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? ctx.settings.port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    const port = (server.address() as net.AddressInfo).port;
    ctx.log.info({ host, port }, 'server listening');

    let stopping: Promise<void> | undefined;
    const stop = () => (stopping ??= (async () => {
      ctx.state.accepting = false;
      stopHousekeeping();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // A keep-alive connection turns idle when its last request ends: close it then.
      server.closeIdleConnections();
      const reaper = setInterval(() => server.closeIdleConnections(), 50);
      const grace = setTimeout(() => {
        ctx.log.warn('requests still running at the end of the shutdown grace period: closing their connections');
        server.closeAllConnections();
      }, ctx.settings.shutdownGraceSeconds * 1000);
      await closed;
      clearInterval(reaper);
      clearTimeout(grace);
      await ownPool?.end();
      ctx.log.info('server stopped');
    })());
    return { port, host, seeded, stop };
  } catch (err) {
    await ownPool?.end();
    throw err;
  }
}

function announceAccounts(accounts: SeededAccount[], fixedPassword: boolean, print: (line: string) => void): void {
  print('server: first start: created these accounts' + (fixedPassword ? ' (password from DEMO_PASSWORD)' : '; the passwords are shown only now:'));
  for (const a of accounts) {
    const roles = a.roles.map((r) => `${r} ${ROLES[r].label}`).join(', ');
    print(`  ${a.login.padEnd(10)} ${fixedPassword ? '' : `${a.password}  `}${roles} @ ${a.department}`);
  }
}
