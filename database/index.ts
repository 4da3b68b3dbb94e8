// Public entry of the database component: the product's PostgreSQL (embedded or
// DATABASE_URL), connection pools, per-component migrations, and throwaway test databases.
export { startDatabase, DATABASE_NAME } from './start-database.ts';
export type { Database, DatabaseOptions } from './start-database.ts';
export { createPool } from './pool.ts';
export { transaction } from './transaction.ts';
export { migrate } from './migrate.ts';
export { createTestDatabase } from './test-database.ts';
export type { TestDatabase } from './test-database.ts';
