// What a route is: who may call it (access), whose data it shows (scope), its schemas and
// its handler. The table of all routes is routes/table.ts.
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import type { Role } from '../access/roles.ts';
import type { ApiKeyPrincipal } from '../auth/api-key-principal.ts';
import type { SessionUser } from '../auth/session-user.ts';
import type { ServerContext } from '../context.ts';
import type { JsonSchema } from '../http/validation.ts';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type Access =
  /** Anyone, signed in or not. */
  | { kind: 'public' }
  /** A browser session whose user has at least one of the roles; unsafe methods also need the CSRF token. */
  | { kind: 'session'; roles: readonly Role[] }
  /** An outside system's HMAC-signed request, with the key's scope when one is named. */
  | { kind: 'apiKey'; scope?: string };

/**
 * 'none': the route shows no department's data (or only the caller's own).
 * 'department': what it reads or changes is limited to the caller's DepartmentScope
 * (access/scope.ts); out-of-scope items answer 404, as if they did not exist.
 * 'organisation': it shows every bureau's data and cannot be narrowed (the engine's process
 * instances carry no department), so only callers whose scope is the whole organisation (the
 * 市局 at the top of the tree) may call it; others get 403.
 */
export type Scope = 'none' | 'department' | 'organisation';

export interface ResponseSpec {
  description: string;
  schema?: JsonSchema;
  /** Default application/json. */
  contentType?: string;
}

export interface Call {
  ctx: ServerContext;
  req: Request;
  res: Response;
  log: Logger;
  /** The signed-in user: always set on 'session' routes. */
  user?: SessionUser;
  /** The calling system: always set on 'apiKey' routes. */
  apiKey?: ApiKeyPrincipal;
  /** Validated against the endpoint's schemas. */
  body: any;
  query: any;
  params: any;
}

/** A JSON answer; a handler that writes `res` itself returns nothing. */
export interface Reply {
  status?: number;
  body?: unknown;
}

export interface Endpoint {
  /** Chinese, one line: shown in the API docs. */
  summary: string;
  description?: string;
  tag: string;
  params?: JsonSchema;
  query?: JsonSchema;
  body?: JsonSchema;
  /** Success responses; the error responses are added from the access and schemas. */
  responses: Record<number, ResponseSpec>;
  handle(call: Call): Promise<Reply | void>;
}

export interface Route {
  method: Method;
  /** Express syntax: /api/admin/users/:id */
  path: string;
  access: Access;
  scope: Scope;
  endpoint: Endpoint;
}
