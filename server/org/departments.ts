// Reading and changing the department tree.
import crypto from 'node:crypto';
import type pg from 'pg';
import { inScope, type DepartmentScope } from '../access/scope.ts';

export interface DepartmentRow {
  id: string;
  code: string;
  name: string;
  kind: string;
  parent_id: string | null;
  path: string;
  active: boolean;
  created_at: Date;
  updated_at: Date;
}

export const departmentJson = (d: DepartmentRow) => ({
  id: d.id, code: d.code, name: d.name, kind: d.kind, parentId: d.parent_id, active: d.active,
  createdAt: d.created_at.toISOString(), updatedAt: d.updated_at.toISOString(),
});

export async function getDepartment(db: pg.Pool | pg.PoolClient, id: string, lock = false): Promise<DepartmentRow | undefined> {
  const { rows } = await db.query<DepartmentRow>(`SELECT * FROM departments WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
  return rows[0];
}

/** The department when it exists and the scope covers it. */
/** A department's name by its code (tickets and processes name units by code). */
export async function departmentNameOf(db: pg.Pool | pg.PoolClient, code: string | null | undefined): Promise<string | null> {
  if (!code) return null;
  const { rows } = await db.query<{ name: string }>('SELECT name FROM departments WHERE code = $1', [code]);
  return rows[0]?.name ?? null;
}

export async function departmentInScope(db: pg.Pool | pg.PoolClient, scope: DepartmentScope, id: string, lock = false): Promise<DepartmentRow | undefined> {
  const row = await getDepartment(db, id, lock);
  return row && inScope(scope, row.path) ? row : undefined;
}

export interface NewDepartment {
  code: string;
  name: string;
  kind: string;
  parent?: DepartmentRow;
}

export async function insertDepartment(db: pg.Pool | pg.PoolClient, dept: NewDepartment, now: Date): Promise<DepartmentRow> {
  const id = crypto.randomUUID();
  const path = `${dept.parent?.path ?? '/'}${id}/`;
  const { rows } = await db.query<DepartmentRow>(
    `INSERT INTO departments (id, code, name, kind, parent_id, path, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING *`,
    [id, dept.code, dept.name, dept.kind, dept.parent?.id ?? null, path, now],
  );
  return rows[0]!;
}

/** Moves a department and everything below it under a new parent (paths rewritten in one statement). */
export async function moveDepartment(db: pg.PoolClient, dept: DepartmentRow, parent: DepartmentRow, now: Date): Promise<void> {
  const newPath = `${parent.path}${dept.id}/`;
  await db.query(
    `UPDATE departments SET path = $2 || substr(path, length($1) + 1),
                            parent_id = CASE WHEN id = $3 THEN $4 ELSE parent_id END,
                            updated_at = CASE WHEN id = $3 THEN $5 ELSE updated_at END
      WHERE path LIKE $1 || '%'`,
    [dept.path, newPath, dept.id, parent.id, now],
  );
}
