// `npm run workers`: the job workers alone, for a machine of their own (or several: they are
// stateless, and WORKERS_TYPES splits job types between machines).
//   DATABASE_URL        the product's PostgreSQL; without it, the embedded server that
//                       `npm start` / `npm run engine` runs from ./data/postgres
//   ZEEBE_GRPC_ADDRESS  the gateway; default grpc://127.0.0.1:26500 (the built-in engine)
//   CAMUNDA_*, ZEEBE_CLIENT_*  the SDK's own settings for a Camunda 8 cluster
// and the worker settings of workers/settings.ts.
import fs from 'node:fs';
import { Camunda8 } from '@camunda8/sdk';
import { createPool } from '../database/index.ts';
import { loadWorkerSettings, startWorkers, WorkerSettingsError } from './index.ts';
import { onStopSignals } from '../config/index.ts';

function databaseUrl(): string {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  const passwordFile = 'data/postgres/password';
  if (!fs.existsSync(passwordFile)) {
    console.error('DATABASE_URL is not set and no embedded PostgreSQL was found in ./data/postgres: start `npm start` or `npm run engine` first, or set DATABASE_URL');
    process.exit(2);
  }
  const password = encodeURIComponent(fs.readFileSync(passwordFile, 'utf8').trim());
  return `postgres://postgres:${password}@127.0.0.1:${process.env.EMBEDDED_PG_PORT || 5433}/workflow`;
}

let settings;
try {
  settings = loadWorkerSettings();
} catch (err) {
  if (!(err instanceof WorkerSettingsError)) throw err;
  console.error(err.message);
  process.exit(2);
}

const address = process.env.ZEEBE_GRPC_ADDRESS || 'grpc://127.0.0.1:26500';
const local = !process.env.ZEEBE_GRPC_ADDRESS;
// The built-in engine is a plaintext gateway without auth; a cluster uses the SDK's CAMUNDA_* variables.
const camunda = new Camunda8(local ? ({ ZEEBE_GRPC_ADDRESS: address, CAMUNDA_AUTH_STRATEGY: 'NONE' } as never) : undefined);
const zeebe = camunda.getZeebeGrpcApiClient();
const pool = createPool(databaseUrl(), settings.maxJobs + 4);

const workers = await startWorkers({ pool, zeebe, settings });
console.log(`workers: ${workers.types.join(', ')} on ${address}`);

onStopSignals('finishing the jobs in hand', async () => {
  await workers.close();
  await zeebe.close(5_000).catch(() => undefined);
  await pool.end();
});
