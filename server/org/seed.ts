// First start: the demo organisation with one account per role (DEMO_SEED=true), or only
// a bootstrap system administrator. Done once per database (server_seeds), under a lock,
// so restarts and several servers starting together create nothing twice.
import type pg from 'pg';
import { generatePassword, hashPassword } from '../auth/passwords.ts';
import type { Role } from '../access/roles.ts';
import { BOOTSTRAP_ACCOUNT, BOOTSTRAP_DEPARTMENT, DEMO_ACCOUNTS, DEMO_DEPARTMENTS, type DemoAccount, type DemoDepartment } from './demo-organisation.ts';
import { insertDepartment, type DepartmentRow } from './departments.ts';
import { transaction } from '../../database/index.ts';
import { setRoles } from './users.ts';

const SEED = 'organisation';
const LOCK_KEY = 0x73656564; // "seed"

export interface SeededAccount {
  login: string;
  displayName: string;
  roles: Role[];
  department: string;
  /** Shown once, at the start that created the account. */
  password: string;
}

export interface SeedOptions {
  demo: boolean;
  /** Every seeded account's password; generated per account when absent. */
  password?: string;
  now: Date;
}

/** Returns the accounts it created: none when the seed was done before. */
export async function seedOrganisation(pool: pg.Pool, options: SeedOptions): Promise<SeededAccount[]> {
  return transaction(pool, async (db) => {
    await db.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY]);
    const done = await db.query('SELECT 1 FROM server_seeds WHERE name = $1', [SEED]);
    if (done.rowCount) return [];
    await db.query('INSERT INTO server_seeds (name, applied_at) VALUES ($1, $2)', [SEED, options.now]);
    // Accounts made some other way (SQL, an import): leave the organisation to them.
    const existing = await db.query('SELECT 1 FROM users LIMIT 1');
    if (existing.rowCount) return [];

    const departments = options.demo ? DEMO_DEPARTMENTS : [BOOTSTRAP_DEPARTMENT];
    const accounts = options.demo ? DEMO_ACCOUNTS : [BOOTSTRAP_ACCOUNT];
    const byCode = await createDepartments(db, departments, options.now);
    const passwords = accounts.map(() => options.password ?? generatePassword());
    const hashes = await Promise.all(passwords.map(hashPassword));
    const seeded: SeededAccount[] = [];
    for (const [i, account] of accounts.entries()) {
      await createAccount(db, account, byCode.get(account.department)!, hashes[i]!, !options.demo, options.now);
      seeded.push({ login: account.login, displayName: account.displayName, roles: account.roles, department: account.department, password: passwords[i]! });
    }
    return seeded;
  });
}

async function createDepartments(db: pg.PoolClient, departments: readonly DemoDepartment[], now: Date): Promise<Map<string, DepartmentRow>> {
  const byCode = new Map<string, DepartmentRow>();
  for (const dept of departments) {
    // A department of that code made before the seed is reused, not duplicated.
    const found = await db.query<DepartmentRow>('SELECT * FROM departments WHERE code = $1', [dept.code]);
    const row = found.rows[0] ?? await insertDepartment(db, { ...dept, parent: dept.parent ? byCode.get(dept.parent) : undefined }, now);
    byCode.set(dept.code, row);
  }
  return byCode;
}

async function createAccount(db: pg.PoolClient, account: DemoAccount, dept: DepartmentRow, hash: string, mustChange: boolean, now: Date): Promise<void> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO users (login, display_name, department_id, password_hash, must_change_password, password_changed_at, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $6, $6) RETURNING id`,
    [account.login, account.displayName, dept.id, hash, mustChange, now],
  );
  await setRoles(db, rows[0]!.id, account.roles);
}
