// Settings of the embedded server, written to <pgdata>/embedded.conf on every start and
// included from postgresql.conf, so a newer version of this file takes effect on restart
// and an administrator can still override any of them with ALTER SYSTEM.
import os from 'node:os';

export type ServerSettings = Record<string, string | number>;

const MB = 1024 * 1024;

/** Tuned for a write-heavy engine on one machine, durability untouched. */
export function throughputSettings(totalMemory = os.totalmem()): ServerSettings {
  // The server shares the machine with the engine, workers and web server.
  const sharedBuffersMb = Math.min(1024, Math.max(128, Math.floor(totalMemory / 8 / MB)));
  return {
    // Durability: a commit is on disk before the client hears about it.
    fsync: 'on',
    synchronous_commit: 'on',
    full_page_writes: 'on',
    shared_buffers: `${sharedBuffersMb}MB`,
    effective_cache_size: `${Math.max(256, Math.floor(totalMemory / 2 / MB))}MB`,
    // The auto value is 1/32 of shared_buffers; a full 16MB keeps WAL writes batched.
    wal_buffers: '16MB',
    // Fewer checkpoints, hence fewer full-page images in the WAL; recovery stays short.
    max_wal_size: '4GB',
    min_wal_size: '256MB',
    checkpoint_timeout: '15min',
    // commit_delay stays 0: PostgreSQL already flushes the WAL of concurrent commits
    // together, and on an SSD (fsync ~0.4 ms) a delay of 20-1000 µs measured -12% to +5%
    // at 8-32 committers. The engine batches its own commits anyway.
    random_page_cost: 1.1,
    // JIT compilation costs more than it saves on short OLTP queries.
    jit: 'off',
    // Server log goes to the parent process, which keeps it unless something fails.
    log_checkpoints: 'off',
  };
}

/** A throwaway test server: same engine, no fsync (a crash loses nothing worth keeping). */
export function testServerSettings(): ServerSettings {
  return {
    ...throughputSettings(),
    shared_buffers: '128MB',
    fsync: 'off',
    synchronous_commit: 'off',
    full_page_writes: 'off',
    max_connections: 300,
  };
}

export function renderSettings(settings: ServerSettings): string {
  const lines = Object.entries(settings).map(([name, value]) =>
    `${name} = ${typeof value === 'number' ? value : `'${value.replace(/'/g, "''")}'`}`);
  return `# Written by database/server-settings.ts on every start; override with ALTER SYSTEM.\n${lines.join('\n')}\n`;
}
