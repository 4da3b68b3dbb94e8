// A ticket by id for a signed-in user: 404 when it does not exist or lies outside the
// user's departments, as if it did not exist (routes/endpoint.ts, scope 'department').
import { getTicket, type Ticket } from '../../tickets/index.ts';
import type { SessionUser } from '../auth/session-user.ts';
import type { ServerContext } from '../context.ts';
import { HttpError, notFound } from '../http/errors.ts';
import { canSee, visibilityOf } from './access.ts';

export async function visibleTicket(ctx: ServerContext, user: SessionUser, id: string): Promise<Ticket> {
  const ticket = await getTicket(ctx.pool, id);
  if (!ticket || !canSee(await visibilityOf(ctx.pool, user), ticket)) throw notFound();
  return ticket;
}

/** Store errors ({ path: '/parts/0/category' }) in the API's shape (`parts[0].category`). */
export function storeRefusal(status: number, errors: { path: string; message: string }[]): HttpError {
  const details = errors.map((e) => ({ path: e.path.replace(/^\//, '').replace(/\/(\d+)(?=\/|$)/g, '[$1]').replace(/\//g, '.') || '(body)', message: e.message }));
  const code = status === 404 ? 'NOT_FOUND' : status === 409 ? 'CONFLICT' : status === 503 ? 'ENGINE_UNAVAILABLE' : 'VALIDATION_FAILED';
  return new HttpError(status, code, details.map((d) => `${d.path}：${d.message}`).join('；'), details);
}
