// The signed-in user as every route sees it: identity, roles, department, bureau and the
// department scope derived from them. Loaded fresh with each request, so a role change or
// a disabled account takes effect at once.
import type pg from 'pg';
import { isWholeOrganisation, scopeOf, type DepartmentRef, type DepartmentScope } from '../access/scope.ts';
import { isRole, type Role } from '../access/roles.ts';
import { BUREAU_KINDS } from '../org/department-kinds.ts';

export interface SessionUser {
  id: string;
  login: string;
  displayName: string;
  roles: Role[];
  department: DepartmentRef;
  bureau: DepartmentRef;
  scope: DepartmentScope;
  mustChangePassword: boolean;
}

/**
 * The user with its department and bureau: the nearest bureau-kind department on the
 * path from the root, or the root itself when there is none.
 */
export const USER_SELECT = `
  SELECT u.id, u.login, u.display_name, u.status, u.must_change_password,
         ARRAY(SELECT role FROM user_roles r WHERE r.user_id = u.id ORDER BY role) AS roles,
         json_build_object('id', d.id, 'code', d.code, 'name', d.name, 'kind', d.kind, 'path', d.path) AS department,
         (SELECT json_build_object('id', b.id, 'code', b.code, 'name', b.name, 'kind', b.kind, 'path', b.path)
            FROM departments b
           WHERE b.id = ANY (string_to_array(trim(BOTH '/' FROM d.path), '/')::uuid[])
           ORDER BY (b.kind = ANY ('{${BUREAU_KINDS.join(',')}}'::text[])) DESC,
                    CASE WHEN b.kind = ANY ('{${BUREAU_KINDS.join(',')}}'::text[]) THEN -length(b.path) ELSE length(b.path) END
           LIMIT 1) AS bureau
    FROM users u JOIN departments d ON d.id = u.department_id`;

export interface UserRow {
  id: string;
  login: string;
  display_name: string;
  status: string;
  must_change_password: boolean;
  roles: string[];
  department: DepartmentRef;
  bureau: DepartmentRef;
}

export function toSessionUser(row: UserRow): SessionUser {
  const roles = row.roles.filter(isRole);
  return {
    id: row.id,
    login: row.login,
    displayName: row.display_name,
    roles,
    department: row.department,
    bureau: row.bureau,
    scope: scopeOf(roles, row.department, row.bureau),
    mustChangePassword: row.must_change_password,
  };
}

export async function loadUser(db: pg.Pool | pg.PoolClient, userId: string): Promise<(SessionUser & { status: string }) | undefined> {
  const { rows } = await db.query<UserRow>(`${USER_SELECT} WHERE u.id = $1`, [userId]);
  return rows[0] ? { ...toSessionUser(rows[0]), status: rows[0].status } : undefined;
}

/** The user as the API shows it (no path internals). */
export function publicUser(user: SessionUser) {
  const dept = ({ id, code, name, kind }: DepartmentRef) => ({ id, code, name, kind });
  return {
    id: user.id,
    login: user.login,
    displayName: user.displayName,
    roles: user.roles,
    department: dept(user.department),
    bureau: dept(user.bureau),
    scope: { kind: user.scope.kind, departmentId: user.scope.root.id, wholeOrganisation: isWholeOrganisation(user.scope) },
    mustChangePassword: user.mustChangePassword,
  };
}
