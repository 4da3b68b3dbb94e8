// Rejections and bad requests as the gRPC status codes Zeebe's gateway answers with.

import { status, type ServiceError, Metadata } from '@grpc/grpc-js';
import { Rejection, type RejectionType } from '../runtime/rejection.ts';

const CODES: Record<RejectionType, status> = {
  INVALID_ARGUMENT: status.INVALID_ARGUMENT,
  NOT_FOUND: status.NOT_FOUND,
  ALREADY_EXISTS: status.ALREADY_EXISTS,
  INVALID_STATE: status.FAILED_PRECONDITION,
  PROCESSING_ERROR: status.INTERNAL,
  EXCEEDED_BATCH_RECORD_SIZE: status.RESOURCE_EXHAUSTED,
  UNAUTHORIZED: status.UNAUTHENTICATED,
  FORBIDDEN: status.PERMISSION_DENIED,
};

export function toServiceError(err: unknown): ServiceError {
  const code = err instanceof Rejection ? CODES[err.type] : err instanceof BadRequest ? status.INVALID_ARGUMENT : err instanceof Timeout ? status.DEADLINE_EXCEEDED : status.INTERNAL;
  const message = err instanceof Rejection || err instanceof BadRequest || err instanceof Timeout ? err.message : `Unexpected error: ${(err as Error)?.message ?? String(err)}`;
  return Object.assign(new Error(message), { code, details: message, metadata: new Metadata() });
}

/** A request the gateway refuses before it reaches the engine. */
export class BadRequest extends Error {}

/** A request that ran out of time waiting, e.g. for a process instance's result. */
export class Timeout extends Error {}
