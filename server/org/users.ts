// Reading and writing accounts.
import type pg from 'pg';
import { scopeCondition, type DepartmentScope } from '../access/scope.ts';

export interface AccountRow {
  id: string;
  login: string;
  display_name: string;
  department_id: string;
  department_code: string;
  department_name: string;
  department_kind: string;
  department_path: string;
  roles: string[];
  phone: string | null;
  status: string;
  must_change_password: boolean;
  failed_attempts: number;
  locked_until: Date | null;
  last_login_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export const ACCOUNT_SELECT = `
  SELECT u.id, u.login, u.display_name, u.department_id, d.code AS department_code, d.name AS department_name,
         d.kind AS department_kind, d.path AS department_path,
         ARRAY(SELECT role FROM user_roles r WHERE r.user_id = u.id ORDER BY role) AS roles,
         u.phone, u.status, u.must_change_password, u.failed_attempts, u.locked_until, u.last_login_at, u.created_at, u.updated_at
    FROM users u JOIN departments d ON d.id = u.department_id`;

export const accountJson = (u: AccountRow, now: Date) => ({
  id: u.id,
  login: u.login,
  displayName: u.display_name,
  department: { id: u.department_id, code: u.department_code, name: u.department_name, kind: u.department_kind },
  roles: u.roles,
  phone: u.phone,
  status: u.status,
  mustChangePassword: u.must_change_password,
  failedAttempts: u.failed_attempts,
  lockedUntil: u.locked_until && u.locked_until > now ? u.locked_until.toISOString() : null,
  lastLoginAt: u.last_login_at?.toISOString() ?? null,
  createdAt: u.created_at.toISOString(),
  updatedAt: u.updated_at.toISOString(),
});

export async function accountInScope(db: pg.Pool | pg.PoolClient, scope: DepartmentScope, id: string, lock = false): Promise<AccountRow | undefined> {
  const params: unknown[] = [id];
  const { rows } = await db.query<AccountRow>(
    `${ACCOUNT_SELECT} WHERE u.id = $1 AND ${scopeCondition(scope, 'u.department_id', params)}${lock ? ' FOR UPDATE OF u' : ''}`, params);
  return rows[0];
}

export async function setRoles(db: pg.PoolClient, userId: string, roles: readonly string[]): Promise<void> {
  await db.query('DELETE FROM user_roles WHERE user_id = $1', [userId]);
  await db.query('INSERT INTO user_roles (user_id, role) SELECT $1, unnest($2::text[])', [userId, roles]);
}
