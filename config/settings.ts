// Every setting of the product, from environment variables with documented defaults,
// checked at start: a bad value stops the start with a message naming the variable.
import { loadServerSettings, type ServerSettings } from './server-settings.ts';

export interface Settings {
  /** PostgreSQL; empty means the embedded server in ./data/postgres. */
  databaseUrl?: string;
  /** A Camunda 8 cluster's gateway; empty means the built-in engine. */
  zeebeGrpcAddress?: string;
  /** Where the built-in engine's gRPC gateway listens. */
  engineGrpcHost: string;
  engineGrpcPort: number;
  /** Where the built-in engine's REST API (/v2) listens, on the gRPC host. */
  engineRestPort: number;
  /** Lets PUT /v2/clock move the built-in engine's clock: for tests, never in production. */
  engineClockControlled: boolean;
  /** The web server (server/): see server-settings.ts for each variable. */
  server: ServerSettings;
}

export class SettingsError extends Error {}

function port(env: NodeJS.ProcessEnv, name: string, fallback: number, problems: string[]): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65535) problems.push(`${name} must be a port number from 0 to 65535, but was '${raw}'`);
  return value;
}

function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean, problems: string[]): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (/^true$/i.test(raw)) return true;
  if (/^false$/i.test(raw)) return false;
  problems.push(`${name} must be true or false, but was '${raw}'`);
  return fallback;
}

export function loadSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const problems: string[] = [];
  const settings: Settings = {
    databaseUrl: env.DATABASE_URL || undefined,
    zeebeGrpcAddress: env.ZEEBE_GRPC_ADDRESS || undefined,
    engineGrpcHost: env.ZEEBE_GRPC_HOST || '127.0.0.1',
    engineGrpcPort: port(env, 'ZEEBE_GRPC_PORT', 26500, problems),
    engineRestPort: port(env, 'ZEEBE_REST_PORT', 8080, problems),
    engineClockControlled: flag(env, 'ZEEBE_CLOCK_CONTROLLED', false, problems),
    server: loadServerSettings(env, problems),
  };
  if (settings.databaseUrl && !/^postgres(ql)?:\/\//.test(settings.databaseUrl)) {
    problems.push(`DATABASE_URL must be a postgres:// or postgresql:// URL, but was '${settings.databaseUrl}'`);
  }
  if (settings.zeebeGrpcAddress && !/^grpcs?:\/\/[^/]+:\d+$/.test(settings.zeebeGrpcAddress) && !/^[^/]+:\d+$/.test(settings.zeebeGrpcAddress)) {
    problems.push(`ZEEBE_GRPC_ADDRESS must look like grpc://host:port or grpcs://host:port, but was '${settings.zeebeGrpcAddress}'`);
  }
  if (problems.length) throw new SettingsError(`Invalid settings:\n  ${problems.join('\n  ')}`);
  return settings;
}
