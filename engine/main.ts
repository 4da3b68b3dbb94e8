// `npm run engine`: the built-in engine alone, on its own PostgreSQL (embedded unless DATABASE_URL).

import { startDatabase } from '../database/index.ts';
import { startEngine } from './index.ts';

const port = Number(process.env.ZEEBE_GRPC_PORT ?? 26500);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`ZEEBE_GRPC_PORT must be a port number (0-65535), but was '${process.env.ZEEBE_GRPC_PORT}'`);
  process.exit(2);
}

const database = await startDatabase({ log: (m) => console.log(`postgres: ${m}`) });
const engine = await startEngine({ databaseUrl: database.url, grpcPort: port, grpcHost: process.env.ZEEBE_GRPC_HOST ?? '127.0.0.1' });
console.log(`engine: Zeebe gateway (gRPC) listening on ${engine.grpcAddress}`);

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`engine: ${signal} received, stopping`);
  await engine.stop();
  await database.stop();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
