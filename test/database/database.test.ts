import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import pg from 'pg';
import { createPool, createTestDatabase, migrate, startDatabase } from '../../database/index.ts';
import type { Database, TestDatabase } from '../../database/index.ts';
import { freePort } from '../support/free-port.ts';

const here = path.dirname(fileURLToPath(import.meta.url));


async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

function postmasterPid(dataDir: string): number {
  return Number(fs.readFileSync(path.join(dataDir, 'pgdata', 'postmaster.pid'), 'utf8').split('\n')[0]);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return !/^\S+ \(.*\) [ZX]/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

async function waitUntilDead(pid: number): Promise<void> {
  for (let i = 0; alive(pid); i++) {
    if (i > 200) throw new Error(`process ${pid} still alive`);
    await sleep(50);
  }
}

describe('database', () => {
  describe('startDatabase (embedded)', () => {
    let root: string;
    let dataDir: string;
    let port: number;
    let savedUrl: string | undefined;
    const started: Database[] = [];
    const messages: string[] = [];
    const start = async () => {
      const db = await startDatabase({ dataDir, port, log: (msg) => messages.push(msg) });
      started.push(db);
      return db;
    };

    before(async () => {
      savedUrl = process.env.DATABASE_URL;
      delete process.env.DATABASE_URL;
      root = fs.mkdtempSync(path.join(os.tmpdir(), 'database-test-'));
      dataDir = path.join(root, 'postgres');
      port = await freePort();
    });
    afterEach(async () => {
      await Promise.all(started.splice(0).map((db) => db.stop()));
    });
    after(() => {
      if (savedUrl !== undefined) process.env.DATABASE_URL = savedUrl;
      fs.rmSync(root, { recursive: true, force: true });
    });

    it('initialises a UTF8 cluster on first start and creates the workflow database', async () => {
      const db = await start();
      expect(db.embedded).to.equal(true);
      expect(messages.some((m) => m.startsWith('initialised a new PostgreSQL cluster'))).to.equal(true);
      const [row] = await query<{ db: string; encoding: string; provider: string; upper: string }>(db.url,
        `SELECT current_database() AS db, current_setting('server_encoding') AS encoding,
                (SELECT datlocprovider FROM pg_database WHERE datname = current_database()) AS provider,
                upper('１２３１５ 投诉 abc') AS upper`);
      expect(row).to.deep.equal({ db: 'workflow', encoding: 'UTF8', provider: 'b', upper: '１２３１５ 投诉 ABC' });
      await query(db.url, 'CREATE TABLE kept (value text NOT NULL)');
      await query(db.url, 'INSERT INTO kept VALUES ($1)', ['市场监督管理局']);

      const password = fs.statSync(path.join(dataDir, 'password'));
      expect(password.mode & 0o777).to.equal(0o600);
      expect(db.url).to.not.include(':password@');
    });

    it('reuses the data directory on the next start and keeps the data', async () => {
      messages.length = 0;
      const db = await start();
      expect(messages.some((m) => m.startsWith('initialised'))).to.equal(false);
      const rows = await query<{ value: string }>(db.url, 'SELECT value FROM kept');
      expect(rows.map((r) => r.value)).to.deep.equal(['市场监督管理局']);
    });

    it('starts again after the postgres process was killed with SIGKILL, data kept', async () => {
      const db = await start();
      await query(db.url, 'INSERT INTO kept VALUES ($1)', ['before kill']);
      const pid = postmasterPid(dataDir);
      process.kill(pid, 'SIGKILL');
      await waitUntilDead(pid);
      await db.stop();

      const again = await start();
      expect(postmasterPid(dataDir)).to.not.equal(pid);
      const rows = await query<{ value: string }>(again.url, 'SELECT value FROM kept ORDER BY value');
      expect(rows.map((r) => r.value)).to.deep.equal(['before kill', '市场监督管理局']);
    });

    it('takes over from a server whose owning process was killed with SIGKILL', async function () {
      if (process.platform !== 'linux') this.skip();
      const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'fixtures', 'hold-database.ts'),
        dataDir, String(port), 'from the killed process'], { stdio: ['ignore', 'pipe', 'inherit'] });
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
        child.once('exit', (code) => reject(new Error(`hold-database exited with ${code}`)));
      });
      const orphan = postmasterPid(dataDir);
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
      expect(alive(orphan), 'postgres outlives its killed owner').to.equal(true);

      messages.length = 0;
      const db = await start();
      expect(alive(orphan)).to.equal(false);
      expect(messages.some((m) => m.includes('left running by a previous process'))).to.equal(true);
      const rows = await query<{ value: string }>(db.url, 'SELECT value FROM kept ORDER BY value');
      expect(rows.map((r) => r.value)).to.include('from the killed process');
    });

    it('refuses a second server on a data directory in use', async () => {
      await start();
      const error = await startDatabase({ dataDir, port: await freePort(), log: () => {} }).then(() => null, (e: Error) => e);
      expect(error?.message).to.match(/already running/);
    });

    it('reports a busy port with the variable to change', async () => {
      const busy = net.createServer();
      await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
      const { port: taken } = busy.address() as net.AddressInfo;
      try {
        const error = await startDatabase({ dataDir, port: taken, log: () => {} }).then(() => null, (e: Error) => e);
        expect(error?.message).to.match(new RegExp(`port ${taken}.*EMBEDDED_PG_PORT`));
      } finally {
        busy.close();
      }
    });

    it('rejects an EMBEDDED_PG_PORT that is not a port', async () => {
      process.env.EMBEDDED_PG_PORT = 'abc';
      try {
        const error = await startDatabase({ dataDir, log: () => {} }).then(() => null, (e: Error) => e);
        expect(error?.message).to.match(/EMBEDDED_PG_PORT must be a TCP port number/);
      } finally {
        delete process.env.EMBEDDED_PG_PORT;
      }
    });

    it('uses DATABASE_URL instead when it is set', async () => {
      process.env.DATABASE_URL = 'postgres://someone@db.example:5432/workflow';
      try {
        const db = await startDatabase({ dataDir: path.join(root, 'unused') });
        expect(db).to.include({ url: 'postgres://someone@db.example:5432/workflow', embedded: false });
        await db.stop();
        expect(fs.existsSync(path.join(root, 'unused'))).to.equal(false);
      } finally {
        delete process.env.DATABASE_URL;
      }
    });
  });

  describe('migrate', () => {
    let db: TestDatabase;
    let pool: pg.Pool;
    let dir: string;
    const write = (name: string, sql: string) => fs.writeFileSync(path.join(dir, name), sql);
    const applied = async (component = 'tickets') =>
      (await pool.query<{ version: number; name: string }>(
        'SELECT version, name FROM schema_migrations WHERE component = $1 ORDER BY applied_at, version', [component])).rows;

    beforeEach(async () => {
      db = await createTestDatabase();
      pool = createPool(db.url);
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'migrations-'));
    });
    afterEach(async () => {
      await pool.end();
      await db.drop();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it('applies migrations once each, in numeric order', async () => {
      write('1_create.sql', 'CREATE TABLE steps (n int PRIMARY KEY, at timestamptz DEFAULT clock_timestamp());');
      write('9_nine.sql', 'INSERT INTO steps (n) VALUES (9);');
      write('10_ten.sql', 'INSERT INTO steps (n) VALUES (10); INSERT INTO steps (n) VALUES (11);');
      write('README.md', 'not a migration');
      await migrate(pool, 'tickets', dir);
      await migrate(pool, 'tickets', dir);

      expect(await applied()).to.deep.equal([
        { version: 1, name: 'create' }, { version: 9, name: 'nine' }, { version: 10, name: 'ten' }]);
      const steps = await pool.query<{ n: number }>('SELECT n FROM steps ORDER BY at');
      expect(steps.rows.map((r) => r.n)).to.deep.equal([9, 10, 11]);

      write('11_later.sql', 'INSERT INTO steps (n) VALUES (12);');
      await migrate(pool, 'tickets', dir);
      expect((await applied()).map((r) => r.version)).to.deep.equal([1, 9, 10, 11]);
    });

    it('applies each migration once when several processes migrate at the same moment', async () => {
      // No IF NOT EXISTS and a pause: a second run or an interleaving would fail or double up.
      write('001_create.sql', 'CREATE TABLE runs (n int); SELECT pg_sleep(0.2);');
      write('002_insert.sql', 'INSERT INTO runs VALUES (1);');
      const pools = [pool, createPool(db.url), createPool(db.url), createPool(db.url)];
      try {
        await Promise.all(pools.flatMap((p) => [migrate(p, 'tickets', dir), migrate(p, 'tickets', dir)]));
      } finally {
        await Promise.all(pools.slice(1).map((p) => p.end()));
      }
      expect((await applied()).map((r) => r.version)).to.deep.equal([1, 2]);
      expect((await pool.query('SELECT count(*)::int AS n FROM runs')).rows[0]).to.deep.equal({ n: 1 });
    });

    it('rolls back a failing migration, records nothing, and names the file', async () => {
      write('001_ok.sql', 'CREATE TABLE ok (n int);');
      write('002_broken.sql', 'CREATE TABLE half (n int); INSERT INTO missing VALUES (1);');
      const error = await migrate(pool, 'tickets', dir).then(() => null, (e: Error) => e);
      expect(error?.message).to.match(/002_broken\.sql of tickets failed/);
      expect((await applied()).map((r) => r.version)).to.deep.equal([1]);
      expect((await pool.query("SELECT to_regclass('half') AS t")).rows[0]).to.deep.equal({ t: null });

      write('002_broken.sql', 'CREATE TABLE half (n int);');
      await migrate(pool, 'tickets', dir);
      expect((await applied()).map((r) => r.version)).to.deep.equal([1, 2]);
    });

    it('keeps components apart and refuses histories the code does not match', async () => {
      write('001_a.sql', 'CREATE TABLE a (n int);');
      await migrate(pool, 'tickets', dir);
      const other = fs.mkdtempSync(path.join(os.tmpdir(), 'migrations-'));
      try {
        fs.writeFileSync(path.join(other, '001_b.sql'), 'CREATE TABLE b (n int);');
        await migrate(pool, 'engine', other);
        expect(await applied('engine')).to.deep.equal([{ version: 1, name: 'b' }]);
      } finally {
        fs.rmSync(other, { recursive: true, force: true });
      }

      fs.renameSync(path.join(dir, '001_a.sql'), path.join(dir, '001_renamed.sql'));
      expect((await migrate(pool, 'tickets', dir).catch((e: Error) => e))?.toString()).to.match(/must not be renamed/);
      fs.rmSync(path.join(dir, '001_renamed.sql'));
      expect((await migrate(pool, 'tickets', dir).catch((e: Error) => e))?.toString()).to.match(/newer version/);
      write('1_a.sql', 'CREATE TABLE a (n int);');
      write('01_dup.sql', 'SELECT 1;');
      expect((await migrate(pool, 'tickets', dir).catch((e: Error) => e))?.toString()).to.match(/two files with version 1/);
    });
  });

  describe('createTestDatabase and createPool', () => {
    it('gives each call its own fresh database, and drop() removes it', async () => {
      const [first, second] = await Promise.all([createTestDatabase(), createTestDatabase()]);
      expect(first.url).to.not.equal(second.url);
      await query(first.url, 'CREATE TABLE only_here (n int)');
      expect(await query(second.url, "SELECT to_regclass('only_here') AS t")).to.deep.equal([{ t: null }]);

      const name = new URL(first.url).pathname.slice(1);
      const open = new pg.Client({ connectionString: first.url });
      await open.connect();
      open.on('error', () => {}); // drop() ends this forgotten connection
      await first.drop();
      expect(await query(second.url, 'SELECT 1 FROM pg_database WHERE datname = $1', [name])).to.deep.equal([]);
      await second.drop();
    });

    it('returns int8 as string and int4 as number', async () => {
      const db = await createTestDatabase();
      const pool = createPool(db.url, 2);
      try {
        const { rows } = await pool.query('SELECT 9007199254740993::int8 AS big, 42::int4 AS small');
        expect(rows[0]).to.deep.equal({ big: '9007199254740993', small: 42 });
      } finally {
        await pool.end();
        await db.drop();
      }
    });
  });
});
