// Errors as RFC 9457 Problem Details, as the Orchestration Cluster API answers them: a
// command rejection keeps Zeebe's type as title and its message as detail; bad input is a
// 400 naming the field; nothing else leaks (no stack traces).

import type { ErrorRequestHandler, RequestHandler } from 'express';
import { Rejection, type RejectionType } from '../runtime/rejection.ts';

export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
  ) {
    super(detail);
  }
}

export const badRequest = (detail: string) => new Problem(400, 'INVALID_ARGUMENT', detail);
export const notFound = (detail: string) => new Problem(404, 'NOT_FOUND', detail);

const STATUS: Record<RejectionType, number> = {
  INVALID_ARGUMENT: 400,
  NOT_FOUND: 404,
  ALREADY_EXISTS: 409,
  INVALID_STATE: 409,
  PROCESSING_ERROR: 500,
  EXCEEDED_BATCH_RECORD_SIZE: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
};

function toProblem(err: unknown): Problem {
  if (err instanceof Problem) return err;
  if (err instanceof Rejection) return new Problem(STATUS[err.type], err.type, err.message);
  const body = err as { type?: string; status?: number; message?: string };
  // express.json(): unreadable bodies
  if (body?.type === 'entity.parse.failed') return badRequest(`The request body is not valid JSON: ${body.message}`);
  if (body?.type === 'entity.too.large') return new Problem(413, 'PAYLOAD_TOO_LARGE', 'The request body is larger than the 4 MB the engine accepts');
  // PostgreSQL refusing a value the schema let through (a key or number beyond int64)
  const code = (err as { code?: string })?.code;
  if (code === '22003' || code === '22P02') return badRequest(`A value in the request is out of range: ${(err as Error).message}`);
  if (body?.status && body.status >= 400 && body.status < 500) return new Problem(body.status, 'Bad Request', body.message ?? 'Bad request');
  if ((err as Error)?.message === 'the engine is shutting down') return new Problem(503, 'UNAVAILABLE', 'The engine is shutting down; retry against the restarted engine');
  console.error('engine REST: request failed unexpectedly', err);
  return new Problem(500, 'INTERNAL_ERROR', 'An internal error occurred while processing the request; the engine log has the details');
}

export const problemHandler: ErrorRequestHandler = (err, req, res, _next) => {
  const problem = toProblem(err);
  res
    .status(problem.status)
    .type('application/problem+json')
    .send(JSON.stringify({ type: 'about:blank', title: problem.title, status: problem.status, detail: problem.detail, instance: req.originalUrl }));
};

export const unknownRoute: RequestHandler = (req, _res, next) => {
  next(new Problem(404, 'NOT_FOUND', `No endpoint ${req.method} ${req.path}; the built-in engine serves the Orchestration Cluster API at /v2`));
};
