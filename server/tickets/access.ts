// Which tickets a signed-in user sees, and whether it sees their personal data in full.
// A ticket's `department` is a department code (set by routing); the user's scope is a
// subtree of departments (access/scope.ts). A ticket not yet routed belongs to the bureau
// that received it: only dispatchers and users scoped to the top of the tree see it.
import type pg from 'pg';
import type { Role } from '../access/roles.ts';
import type { SessionUser } from '../auth/session-user.ts';
import type { Ticket } from '../../tickets/index.ts';

/** Roles that see a ticket's personal data in full (handlers only within their department). */
export const FULL_VIEW_ROLES: readonly Role[] = ['dispatcher', 'handler', 'legal', 'deputy-leader', 'principal-leader'];

export interface TicketVisibility {
  /** Department codes inside the user's scope. */
  codes: string[];
  /** Tickets without a department yet are visible too. */
  unrouted: boolean;
}

export async function visibilityOf(pool: pg.Pool, user: SessionUser): Promise<TicketVisibility> {
  const { rows } = await pool.query<{ code: string }>('SELECT code FROM departments WHERE path LIKE $1', [`${user.scope.root.path}%`]);
  const top = user.scope.root.path.split('/').filter(Boolean).length === 1;
  return { codes: rows.map((r) => r.code), unrouted: user.roles.includes('dispatcher') || top };
}

export function canSee(v: TicketVisibility, ticket: Ticket): boolean {
  return ticket.department === null ? v.unrouted : v.codes.includes(ticket.department);
}

/** SQL condition for the visibility (pushes one parameter). */
export function visibilityCondition(v: TicketVisibility, column: string, params: unknown[]): string {
  params.push(v.codes);
  const inScope = `${column} = ANY($${params.length}::text[])`;
  return v.unrouted ? `(${column} IS NULL OR ${inScope})` : inScope;
}

/**
 * Full personal data: dispatchers, legal and leaders (bureau-wide roles, already scoped), and
 * handlers only for tickets of their own department or below.
 */
export async function seesFullData(pool: pg.Pool, user: SessionUser, ticket: Ticket): Promise<boolean> {
  if (user.roles.some((r) => r !== 'handler' && FULL_VIEW_ROLES.includes(r))) return true;
  if (!user.roles.includes('handler') || !ticket.department) return false;
  const { rows } = await pool.query('SELECT 1 FROM departments WHERE code = $1 AND path LIKE $2', [ticket.department, `${user.department.path}%`]);
  return rows.length > 0;
}
