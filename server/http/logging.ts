// Structured JSON logs (pino), one line per request, each tagged with a request id that
// is also sent back as X-Request-Id: a user's complaint and the log line meet on it.
import crypto from 'node:crypto';
import type { RequestHandler } from 'express';
import { pino, type Logger } from 'pino';

export function createLogger(level: string): Logger {
  return pino({
    level,
    timestamp: pino.stdTimeFunctions.isoTime,
    // Whatever a handler logs, these never reach the log.
    redact: { paths: ['password', '*.password', 'secret', '*.secret', 'headers.cookie', 'headers["x-signature"]'], censor: '[redacted]' },
  });
}

// An id a proxy or client already gave the request is kept if it looks like one.
const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

export function requestLogging(log: Logger): RequestHandler {
  return (req, res, next) => {
    const given = req.get('x-request-id');
    const requestId = given && REQUEST_ID.test(given) ? given : crypto.randomUUID();
    res.locals.requestId = requestId;
    res.locals.log = log.child({ requestId });
    res.setHeader('X-Request-Id', requestId);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const who = res.locals.user?.login ?? (res.locals.apiKey ? `key:${res.locals.apiKey.keyId}` : undefined);
      res.locals.log.info({ method: req.method, path: req.path, status: res.statusCode, ms: Math.round(ms * 10) / 10, user: who, ip: req.ip }, 'request');
    });
    next();
  };
}
