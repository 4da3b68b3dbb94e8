// Fresh databases for tests. One PostgreSQL server per test process, started on first use
// in a temporary directory (or TEST_DATABASE_URL, whose user needs CREATEDB), and one new
// database per call, so tests never see each other's rows.
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { PortInUseError, startEmbeddedServer } from './embedded-server.ts';
import type { EmbeddedServer } from './embedded-server.ts';
import { isRunning } from './processes.ts';
import { testServerSettings } from './server-settings.ts';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

let shared: Promise<string> | undefined;

export async function createTestDatabase(): Promise<TestDatabase> {
  shared ??= process.env.TEST_DATABASE_URL ? Promise.resolve(process.env.TEST_DATABASE_URL) : startTestServer();
  const adminUrl = await shared;
  const name = `test_${Date.now().toString(36)}_${crypto.randomBytes(4).toString('hex')}`;
  await withClient(adminUrl, (client) => client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    // FORCE ends connections a test left open (PostgreSQL 13+).
    drop: () => withClient(adminUrl, (client) =>
      client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`)).then(() => undefined),
  };
}

async function withClient<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

async function startTestServer(): Promise<string> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'workflow-test-pg-'));
  // Quiet unless the server fails: tests print their own story.
  const log = (msg: string) => {
    if (/exited unexpectedly|PANIC|failed/.test(msg)) console.error(`[test database] ${msg}`);
  };
  let server: EmbeddedServer | undefined;
  for (let attempt = 1; !server; attempt++) {
    try {
      server = await startEmbeddedServer({
        dataDir, port: await freePort(), settings: testServerSettings(), log, extraInitdbFlags: ['--no-sync'], keepProcessAlive: false,
      });
    } catch (err) {
      // Another process may take the port between probing and listening.
      if (!(err instanceof PortInUseError) || attempt >= 5) {
        fs.rmSync(dataDir, { recursive: true, force: true });
        throw err;
      }
    }
  }
  removeOnExit(server.pid, dataDir);
  return server.url('postgres');
}

/**
 * 'exit' handlers cannot wait for promises, so this one signals the server, waits for it
 * synchronously (an immediate shutdown of a small cluster takes milliseconds) and removes
 * the directory. SIGQUIT skips the shutdown checkpoint, which nothing here needs.
 */
function removeOnExit(pid: number, dataDir: string): void {
  process.once('exit', () => {
    try {
      process.kill(pid, 'SIGQUIT');
    } catch {
      // already gone
    }
    const sleeper = new Int32Array(new SharedArrayBuffer(4));
    for (let waited = 0; isRunning(pid) && waited < 5_000; waited += 20) Atomics.wait(sleeper, 0, 0, 20);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
