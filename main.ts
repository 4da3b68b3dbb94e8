// `npm start`: the whole product on one machine, on its embedded defaults: PostgreSQL, the
// built-in engine, the job workers and the web server with the browser app (built by prestart).
// With ZEEBE_GRPC_ADDRESS set, a Camunda 8 cluster is used and the built-in engine stays off.

import { camundaClient, loadSettings, onStopSignals, SettingsError } from './config/index.ts';
import { createPool, startDatabase } from './database/index.ts';
import { startEngine, type RunningEngine } from './engine/index.ts';
import { startServer } from './server/index.ts';
import { loadWorkerSettings, startWorkers, WorkerSettingsError } from './workers/index.ts';
import { migrateTickets, startPendingProcesses } from './tickets/index.ts';
import { deployProduct } from './processes/index.ts';
import { uiAssetsDir } from './admin-ui/index.ts';

let settings;
let workerSettings;
try {
  settings = loadSettings();
  workerSettings = loadWorkerSettings();
} catch (err) {
  if (!(err instanceof SettingsError) && !(err instanceof WorkerSettingsError)) throw err;
  console.error(err.message);
  process.exit(2);
}

const database = await startDatabase({ log: (m) => console.log(`postgres: ${m}`) });

let engine: RunningEngine | undefined;
if (settings.zeebeGrpcAddress) {
  console.log(`engine: using the Camunda 8 cluster at ${settings.zeebeGrpcAddress}; the built-in engine is not started`);
} else {
  engine = await startEngine({
    databaseUrl: database.url,
    grpcHost: settings.engineGrpcHost,
    grpcPort: settings.engineGrpcPort,
    restPort: settings.engineRestPort,
    clockControlled: settings.engineClockControlled,
  });
  console.log(`engine: Zeebe gateway (gRPC) listening on ${engine.grpcAddress}`);
  console.log(`engine: Orchestration Cluster REST API listening on ${engine.restAddress}/v2${settings.engineClockControlled ? ' (clock controllable)' : ''}`);
  console.log(`engine: workers connect with ZEEBE_GRPC_ADDRESS=${engine.grpcAddress} ZEEBE_REST_ADDRESS=${engine.restAddress} CAMUNDA_AUTH_STRATEGY=NONE`);
}

const camunda = camundaClient(engine && { grpcAddress: engine.grpcAddress, restAddress: engine.restAddress });
const zeebe = camunda.getZeebeGrpcApiClient();
// The product's flows, rules and forms: a new version only for what changed since last time.
console.log(`processes: ${await deployProduct(zeebe)} processes, decisions and forms deployed`);
const pool = createPool(database.url);
await migrateTickets(pool);
// The workers have a pool of their own: each running job holds a connection and may take a
// second one, so sharing the server's would let a burst of jobs starve the API.
const workerPool = createPool(database.url, workerSettings.maxJobs + 4);
const workers = await startWorkers({ pool: workerPool, zeebe, settings: workerSettings });
console.log(`workers: ${workers.types.length} job types on the engine`);
// Tickets registered while the engine was unreachable get their process now.
await startPendingProcesses({ pool, zeebe }, { olderThanMs: 0 });
const server = await startServer({
  pool,
  settings: settings.server,
  engine: { client: camunda, check: async () => void (await zeebe.topology()) },
  uiDir: uiAssetsDir(),
});
console.log(`server: http://${server.host}:${server.port} (API docs: /api/docs)`);

onStopSignals('stopping', async () => {
  await server.stop();
  await workers.close();
  await zeebe.close(1000).catch(() => undefined);
  await Promise.all([pool.end(), workerPool.end()]);
  await engine?.stop();
  await database.stop();
});
