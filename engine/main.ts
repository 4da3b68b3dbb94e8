// `npm run engine`: the built-in engine alone, on its own PostgreSQL (embedded unless DATABASE_URL).

import { startDatabase } from '../database/index.ts';
import { startEngine } from './index.ts';
import { onStopSignals } from '../config/index.ts';

function portFrom(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`${name} must be a port number (0-65535), but was '${raw}'`);
    process.exit(2);
  }
  return port;
}

function flagFrom(name: string): boolean {
  const raw = process.env[name] ?? '';
  if (raw === '' || /^false$/i.test(raw)) return false;
  if (/^true$/i.test(raw)) return true;
  console.error(`${name} must be true or false, but was '${raw}'`);
  process.exit(2);
}

const grpcPort = portFrom('ZEEBE_GRPC_PORT', 26500);
const restPort = portFrom('ZEEBE_REST_PORT', 8080);
const clockControlled = flagFrom('ZEEBE_CLOCK_CONTROLLED');

const database = await startDatabase({ log: (m) => console.log(`postgres: ${m}`) });
const engine = await startEngine({ databaseUrl: database.url, grpcPort, restPort, clockControlled, grpcHost: process.env.ZEEBE_GRPC_HOST ?? '127.0.0.1' });
console.log(`engine: Zeebe gateway (gRPC) listening on ${engine.grpcAddress}`);
console.log(`engine: Orchestration Cluster REST API listening on ${engine.restAddress}/v2${clockControlled ? ' (clock controllable)' : ''}`);

onStopSignals('engine stopping', async () => {
  await engine.stop();
  await database.stop();
});
