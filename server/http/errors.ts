// The one error shape of the API: { error: { code, message (中文), details?: [{ path, message }] } }.
// Expected failures are HttpErrors; anything else is a 500 with an error id that is also
// logged with its stack, which never leaves the server.
import crypto from 'node:crypto';
import type { ErrorRequestHandler } from 'express';

export interface ErrorDetail {
  /** The field: `login`, `roles[0]`, `query.limit`, `params.id`, or a header name. */
  path: string;
  message: string;
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: ErrorDetail[],
    /** Extra fields of the error object, e.g. lockedUntil. */
    readonly extra?: Record<string, unknown>,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }

  toBody(): { error: Record<string, unknown> } {
    return { error: { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}), ...this.extra } };
  }
}

export const badRequest = (code: string, message: string, details?: ErrorDetail[]) => new HttpError(400, code, message, details);
export const invalidField = (path: string, message: string) => new HttpError(400, 'VALIDATION_FAILED', `请求内容有误：${message}`, [{ path, message }]);
export const unauthenticated = () => new HttpError(401, 'UNAUTHENTICATED', '未登录或登录已过期，请重新登录');
export const forbidden = (message = '您的角色无权执行此操作') => new HttpError(403, 'FORBIDDEN', message);
export const notFound = (message = '未找到该资源，或您无权查看') => new HttpError(404, 'NOT_FOUND', message);
export const conflict = (code: string, message: string, details?: ErrorDetail[]) => new HttpError(409, code, message, details);

/** body-parser's own errors, by their `type`. */
const PARSER_ERRORS: Record<string, [number, string, string]> = {
  'entity.parse.failed': [400, 'INVALID_JSON', '请求体不是有效的 JSON'],
  'entity.too.large': [413, 'PAYLOAD_TOO_LARGE', '请求体过大'],
  'encoding.unsupported': [415, 'UNSUPPORTED_ENCODING', '不支持的请求体编码'],
  'charset.unsupported': [415, 'UNSUPPORTED_CHARSET', '请求体字符集须为 UTF-8'],
};

export const errorHandler: ErrorRequestHandler = (err, req, res, _next) => {
  const log = res.locals.log;
  let httpError: HttpError | undefined;
  if (err instanceof HttpError) httpError = err;
  const parser = typeof err?.type === 'string' ? PARSER_ERRORS[err.type] : undefined;
  if (parser) httpError = new HttpError(parser[0], parser[1], parser[2]);

  if (res.headersSent) {
    // Too late for an error body: the client sees a cut connection, the log sees why.
    log.error({ err }, 'error after the response began');
    res.destroy();
    return;
  }
  if (httpError) {
    if (httpError.headers) res.set(httpError.headers);
    res.status(httpError.status).json(httpError.toBody());
    return;
  }
  const errorId = crypto.randomUUID();
  log.error({ err, errorId, method: req.method, path: req.path }, 'unexpected error');
  res.status(500).json({
    error: { code: 'INTERNAL_ERROR', message: `服务器内部错误，请联系系统管理员并提供错误编号 ${errorId}`, errorId },
  });
};
