// The Express app: request ids and logs, security headers, the route table, the error
// shape. createApp builds it without listening (startServer listens), so tests and other
// hosts can mount it as they like.
import express, { type Express } from 'express';
import type pg from 'pg';
import type { Logger } from 'pino';
import { DEFAULT_SERVER_SETTINGS, type ServerSettings } from '../config/index.ts';
import type { EngineAccess, ServerContext } from './context.ts';
import { errorHandler, HttpError } from './http/errors.ts';
import { createLogger, requestLogging } from './http/logging.ts';
import { securityHeaders } from './http/security-headers.ts';
import { mountUi } from './http/ui.ts';
import type { Route } from './routes/endpoint.ts';
import { mountRoutes } from './routes/mount.ts';
import { ROUTES } from './routes/table.ts';

export interface AppOptions {
  pool: pg.Pool;
  /** Defaults: DEFAULT_SERVER_SETTINGS; pass loadSettings().server in production. */
  settings?: Partial<ServerSettings>;
  engine?: EngineAccess;
  logger?: Logger;
  /** Default: the system clock. */
  clock?: () => Date;
  /** Default: ROUTES. */
  routes?: readonly Route[];
  /** The built browser app to serve (admin-ui's uiAssetsDir()); none when absent. */
  uiDir?: string;
}

export function createContext(options: AppOptions): ServerContext {
  const settings = { ...DEFAULT_SERVER_SETTINGS, ...options.settings };
  return {
    pool: options.pool,
    settings,
    log: (options.logger ?? createLogger(settings.logLevel)).child({ component: 'server' }),
    clock: options.clock ?? (() => new Date()),
    engine: options.engine ?? {},
    state: { accepting: true },
  };
}

/** The app, not listening; its ServerContext is app.locals.context. */
export function createApp(options: AppOptions): Express {
  return buildApp(createContext(options), options.routes ?? ROUTES, options.uiDir);
}

export function buildApp(ctx: ServerContext, routes: readonly Route[], uiDir?: string): Express {
  const app = express();
  app.locals.context = ctx;
  app.set('trust proxy', ctx.settings.trustProxy);
  app.disable('x-powered-by');
  app.use(requestLogging(ctx.log));
  app.use(securityHeaders());
  app.use((_req, res, next) => {
    // Accounts and tickets are personal data: no shared or browser cache keeps a copy.
    res.setHeader('Cache-Control', 'no-store');
    // While stopping, clients are told to reconnect (to another instance) after this request.
    if (!ctx.state.accepting) res.setHeader('Connection', 'close');
    next();
  });
  mountRoutes(app, ctx, routes);
  if (uiDir) mountUi(app, uiDir);
  app.use((req) => {
    throw new HttpError(404, 'NOT_FOUND', `没有这个接口：${req.method} ${req.path}`);
  });
  app.use(errorHandler);
  return app;
}
