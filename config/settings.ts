// Every setting of the product, from environment variables with documented defaults,
// checked at start: a bad value stops the start with a message naming the variable.
import { envReader } from './env.ts';
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

export function loadSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const problems: string[] = [];
  const { int, flag } = envReader(env, problems);
  const settings: Settings = {
    databaseUrl: env.DATABASE_URL || undefined,
    zeebeGrpcAddress: env.ZEEBE_GRPC_ADDRESS || undefined,
    engineGrpcHost: env.ZEEBE_GRPC_HOST || '127.0.0.1',
    engineGrpcPort: int('ZEEBE_GRPC_PORT', 26500, 0, 65535),
    engineRestPort: int('ZEEBE_REST_PORT', 8080, 0, 65535),
    engineClockControlled: flag('ZEEBE_CLOCK_CONTROLLED', false),
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
