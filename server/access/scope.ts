// Department scoping: which departments' data a user sees. A role with scope 'department'
// sees its own department and everything below it; a role with scope 'bureau' sees its
// whole bureau (the nearest 市局 or 区/县局 above or at its department). Several roles:
// the widest wins. Departments carry a materialised path, so "in scope" is a prefix test
// in TypeScript and one indexed LIKE in SQL.
import { ROLES, type Role } from './roles.ts';

export interface DepartmentRef {
  id: string;
  code: string;
  name: string;
  kind: string;
  /** '/<root id>/.../<own id>/' */
  path: string;
}

export interface DepartmentScope {
  /** Why this root: the user's own department, or its bureau. */
  kind: 'department' | 'bureau';
  /** The top of what the user sees; everything below it is visible too. */
  root: DepartmentRef;
}

export function scopeOf(roles: readonly Role[], department: DepartmentRef, bureau: DepartmentRef): DepartmentScope {
  const wide = roles.some((role) => ROLES[role].scope === 'bureau');
  return wide ? { kind: 'bureau', root: bureau } : { kind: 'department', root: department };
}

/** Whether the scope is the whole organisation: its root is the top of the tree ('/<id>/'). */
export const isWholeOrganisation = (scope: DepartmentScope): boolean =>
  scope.root.path.split('/').filter(Boolean).length === 1;

/** Is a department (given by its path) inside the scope? */
export const inScope = (scope: DepartmentScope, departmentPath: string): boolean =>
  departmentPath.startsWith(scope.root.path);

/**
 * An SQL condition limiting `column` (a department id) to the scope; pushes its one
 * parameter onto `params`. E.g. `WHERE ${scopeCondition(scope, 't.department_id', params)}`.
 */
export function scopeCondition(scope: DepartmentScope, column: string, params: unknown[]): string {
  params.push(`${scope.root.path}%`);
  return `${column} IN (SELECT id FROM departments WHERE path LIKE $${params.length})`;
}
