// Request validation with JSON schemas (ajv): the first problem found becomes a 400 that
// names the field, e.g. "Invalid value for 'filter.state': expected one of CREATED, ...".

import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { badRequest } from './problem.ts';

const ajv = new Ajv({ allErrors: false, strict: false });
ajv.addFormat('date-time', (s: string) => /^\d{4}-\d\d-\d\dT\d\d:\d\d/.test(s) && !Number.isNaN(Date.parse(s)));

export const KEY_PATTERN = '^-?[0-9]{1,19}$';
/** Keys travel as strings; plain numbers are taken too. */
export const KEY_SCHEMA = { type: ['string', 'integer'], pattern: KEY_PATTERN };

function fieldPath(instancePath: string, child?: string): string {
  const parts = instancePath.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (child !== undefined) parts.push(child);
  return parts.map((p, i) => (/^\d+$/.test(p) ? `[${p}]` : i === 0 ? p : `.${p}`)).join('') || 'request body';
}

function expected(error: ErrorObject): string {
  const p = error.params as Record<string, any>;
  switch (error.keyword) {
    case 'enum':
      return `one of ${(p.allowedValues as unknown[]).join(', ')}`;
    case 'type':
      return String(p.type).replace(',', ' or ');
    case 'pattern':
      return p.pattern === KEY_PATTERN ? 'a key (digits, as a string)' : `text matching ${p.pattern}`;
    case 'format':
      return 'an ISO 8601 date-time, e.g. 2025-01-31T17:00:00+08:00';
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `a number ${p.comparison} ${p.limit}`;
    case 'minLength':
      return p.limit === 1 ? 'a non-empty string' : `at least ${p.limit} characters`;
    default:
      return error.message ?? 'a valid value';
  }
}

function describe(error: ErrorObject): { path: string; text: string } {
  const p = error.params as Record<string, any>;
  if (error.keyword === 'additionalProperties') {
    const path = fieldPath(error.instancePath, p.additionalProperty);
    return { path, text: `Unknown or unsupported field '${path}'` };
  }
  if (error.keyword === 'required') {
    const path = fieldPath(error.instancePath, p.missingProperty);
    return { path, text: `Missing required field '${path}'` };
  }
  const path = fieldPath(error.instancePath);
  return { path, text: `Invalid value for '${path}': expected ${expected(error)}` };
}

/** The most telling error: the deepest field (anyOf branches report at the same depth, first wins). */
function best(errors: ErrorObject[]): ErrorObject {
  const depth = (e: ErrorObject) => describe(e).path.split(/[.[]/).length;
  return errors.filter((e) => e.keyword !== 'anyOf').reduce((a, b) => (depth(b) > depth(a) ? b : a), errors[0]);
}

export function validator<T>(schema: object): (value: unknown) => T {
  const validate: ValidateFunction = ajv.compile(schema);
  return (value) => {
    if (!validate(value)) throw badRequest(describe(best(validate.errors ?? [])).text);
    return value as T;
  };
}

/** A key from a path parameter, named in the error. */
export function pathKey(value: string | undefined, name: string): number {
  const n = Number(value);
  if (!value || !/^[0-9]+$/.test(value) || !Number.isSafeInteger(n)) throw badRequest(`Invalid value for '${name}': expected a key (digits), but was '${value}'`);
  return n;
}
