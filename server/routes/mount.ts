// Puts the route table on an Express app. Every request passes the same steps in this
// order: authenticate (401) → password change required (403) → role (403) → CSRF for unsafe cookie requests (403) →
// validate params, query and body (400) → handler. A refused session request gets its
// 401/403 whatever its body held; a signed request's body is read first, since the
// signature covers its bytes.
import type { Express, NextFunction, Request, Response } from 'express';
import { isWholeOrganisation } from '../access/scope.ts';
import { checkCsrf } from '../auth/csrf.ts';
import { verifySignedRequest } from '../auth/hmac.ts';
import { loadSession } from '../auth/sessions.ts';
import { requirePasswordChanged } from '../auth/password-change.ts';
import type { ServerContext } from '../context.ts';
import { HttpError, forbidden, unauthenticated } from '../http/errors.ts';
import { jsonBody } from '../http/json-body.ts';
import { compileValidator, type Location, type Validator } from '../http/validation.ts';
import type { Route } from './endpoint.ts';

export function mountRoutes(app: Express, ctx: ServerContext, routes: readonly Route[]): void {
  const body = jsonBody();
  for (const route of routes) {
    const validators: Partial<Record<Location, Validator>> = {};
    for (const location of ['params', 'query', 'body'] as const) {
      const schema = route.endpoint[location];
      if (schema) validators[location] = compileValidator(schema, location);
    }
    const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
    const check = async (req: Request, res: Response, next: NextFunction) => {
      await authorise(ctx, route, req, res);
      next();
    };
    const steps = route.access.kind === 'session' ? [check, body] : [body, check];
    app[method](route.path, ...steps, async (req: Request, res: Response) => {
      const input = validate(route, validators, req);
      const reply = await route.endpoint.handle({
        ctx, req, res, log: res.locals.log, user: res.locals.user, apiKey: res.locals.apiKey, ...input,
      });
      if (res.headersSent) return;
      if (!reply || reply.body === undefined) {
        res.status(reply?.status ?? 204).end();
        return;
      }
      res.status(reply.status ?? 200).json(reply.body);
    });
  }
}

async function authorise(ctx: ServerContext, route: Route, req: Request, res: Response): Promise<void> {
  const { access } = route;
  if (access.kind === 'public') return;
  if (access.kind === 'apiKey') {
    const key = await verifySignedRequest(ctx, req);
    res.locals.apiKey = key;
    if (access.scope && !key.scopes.includes(access.scope)) throw forbidden(`该 API 密钥没有 ${access.scope} 权限`);
    return;
  }
  const session = await loadSession(ctx, req);
  if (!session) throw unauthenticated();
  res.locals.user = session.user;
  res.locals.session = { tokenHash: session.tokenHash, csrfToken: session.csrfToken };
  requirePasswordChanged(session.user, route.path);
  if (!session.user.roles.some((role) => access.roles.includes(role))) throw forbidden();
  if (route.scope === 'organisation' && !isWholeOrganisation(session.user.scope)) {
    throw forbidden('此功能涉及全市各单位的流程实例，仅限市局人员使用');
  }
  checkCsrf(req, session.csrfToken);
}

function validate(route: Route, validators: Partial<Record<Location, Validator>>, req: Request): { params: any; query: any; body: any } {
  const out: Record<Location, unknown> = { params: req.params, query: req.query, body: req.body };
  const details = [];
  for (const location of ['params', 'query', 'body'] as const) {
    const validator = validators[location];
    if (!validator) continue;
    if (location === 'body' && req.body === undefined) {
      // A body whose fields are all optional may be left out.
      if ((route.endpoint.body?.required as string[] | undefined)?.length) {
        throw new HttpError(400, 'BODY_REQUIRED', '请求体必须是 JSON（Content-Type: application/json）');
      }
      out.body = {};
    }
    const result = validator(out[location]);
    if (result.ok) out[location] = result.value;
    else details.push(...result.details);
  }
  if (details.length) {
    throw new HttpError(400, 'VALIDATION_FAILED', `请求内容有误：${details.map((d) => `${d.path}（${d.message}）`).join('；')}`, details);
  }
  return out as { params: any; query: any; body: any };
}
