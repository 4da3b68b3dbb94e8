// The departments a statistic is about. A unit's tickets are those of the unit and every
// department below it (tickets carry a department code; departments a materialised path).
import type pg from 'pg';
import type { SessionUser } from '../auth/session-user.ts';
import { notFound } from '../http/errors.ts';

export interface Unit {
  code: string;
  name: string;
  kind: string;
  path: string;
}

const COLUMNS = 'code, name, kind, path';

/** The department by code if it is inside the user's scope (else 404); the scope's top when no code is given. */
export async function unitInScope(pool: pg.Pool, user: SessionUser, code: string | undefined): Promise<Unit> {
  const { rows } = await pool.query<Unit>(`SELECT ${COLUMNS} FROM departments WHERE code = $1 AND path LIKE $2`,
    [code ?? user.scope.root.code, `${user.scope.root.path}%`]);
  if (!rows[0]) throw notFound(`未找到部门 ${code}，或它不在您的查看范围内`);
  return rows[0];
}

/** The units a ranking compares: the department's direct children, or the department itself when it has none. */
export async function rankedUnits(pool: pg.Pool, unit: Unit): Promise<Unit[]> {
  const { rows } = await pool.query<Unit>(
    `SELECT ${COLUMNS} FROM departments WHERE parent_id = (SELECT id FROM departments WHERE code = $1) AND active ORDER BY code`, [unit.code]);
  return rows.length ? rows : [unit];
}

/** The top of the tree the unit belongs to (the city bureau): the "city average" is its figure. */
export async function cityOf(pool: pg.Pool, unit: Unit): Promise<Unit> {
  const rootId = unit.path.split('/').filter(Boolean)[0];
  const { rows } = await pool.query<Unit>(`SELECT ${COLUMNS} FROM departments WHERE id = $1`, [rootId]);
  return rows[0] ?? unit;
}

/** Departments inside the user's scope, for the pickers. */
export async function unitsInScope(pool: pg.Pool, user: SessionUser): Promise<(Unit & { parentCode: string | null })[]> {
  const { rows } = await pool.query<Unit & { parentCode: string | null }>(
    `SELECT d.code, d.name, d.kind, d.path, p.code AS "parentCode"
       FROM departments d LEFT JOIN departments p ON p.id = d.parent_id
      WHERE d.path LIKE $1 AND d.active ORDER BY d.path`, [`${user.scope.root.path}%`]);
  return rows;
}
