// Request and response fields: int64 keys travel as strings, variables as JSON documents.

import { BadRequest } from './status.ts';

/** Zeebe's default and the gRPC limit: a document larger than this is refused. */
export const MAX_MESSAGE_SIZE = 4 * 1024 * 1024;

export function toKey(value: unknown, field: string): number {
  const n = Number(value ?? 0);
  if (!Number.isSafeInteger(n) || n < 0) throw new BadRequest(`Expected '${field}' to be a key, but was '${String(value)}'`);
  return n;
}

export function keyString(key: number | undefined): string {
  return String(key ?? -1);
}

/** A variables document: empty means none; anything but a JSON object is refused. */
export function parseVariables(document: string | undefined, field = 'variables'): Record<string, unknown> {
  if (!document || document.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(document);
  } catch (err) {
    throw new BadRequest(`Expected to set variables from document, but the document in '${field}' is not valid JSON: ${(err as Error).message}`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new BadRequest(`Expected document in '${field}' to be a root level object, but was '${Array.isArray(parsed) ? 'ARRAY' : parsed === null ? 'NIL' : typeof parsed}'`);
  }
  return parsed as Record<string, unknown>;
}
