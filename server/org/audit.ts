// The audit trail of accounts, departments, keys and logins (account_audit).
import type pg from 'pg';
import type { Request, Response } from 'express';
import type { ServerContext } from '../context.ts';

export interface AuditEntry {
  action: string;
  actor?: { id: string; login: string };
  target?: { type: string; id: string };
  before?: unknown;
  after?: unknown;
}

export async function audit(ctx: ServerContext, req: Request, res: Response, entry: AuditEntry, db: pg.Pool | pg.PoolClient = ctx.pool): Promise<void> {
  await db.query(
    `INSERT INTO account_audit (at, actor_id, actor_login, action, target_type, target_id, before, after, ip, request_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [ctx.clock(), entry.actor?.id ?? null, entry.actor?.login ?? null, entry.action, entry.target?.type ?? null,
      entry.target?.id ?? null, entry.before === undefined ? null : JSON.stringify(entry.before),
      entry.after === undefined ? null : JSON.stringify(entry.after), req.ip ?? null, res.locals.requestId ?? null],
  );
}
