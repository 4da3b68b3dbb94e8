// Who did what to a process instance, and when: the account audit trail always, and the
// ticket's own trail (its timeline) when the instance belongs to a ticket.
import type { Request, Response } from 'express';
import { appendAudit } from '../../tickets/index.ts';
import type { SessionUser } from '../auth/session-user.ts';
import type { ServerContext } from '../context.ts';
import { audit } from '../org/audit.ts';
import type { TicketRef } from './instances.ts';

export interface InstanceAction {
  action: string;
  processInstanceKey: string;
  ticket: TicketRef | null;
  before?: unknown;
  after?: unknown;
}

export async function recordInstanceAction(ctx: ServerContext, req: Request, res: Response, user: SessionUser, a: InstanceAction): Promise<void> {
  await audit(ctx, req, res, {
    action: a.action, actor: { id: user.id, login: user.login }, target: { type: 'process-instance', id: a.processInstanceKey }, before: a.before, after: a.after,
  });
  if (a.ticket) {
    await appendAudit(ctx.pool, {
      ticketId: a.ticket.id, actor: `user:${user.id}`, action: a.action, at: ctx.clock(), processInstanceKey: a.processInstanceKey,
      before: a.before, after: { ...(a.after as object | undefined), login: user.login },
    });
  }
}
