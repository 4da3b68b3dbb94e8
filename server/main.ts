// `npm run server`: the web server alone, on the product database (embedded unless
// DATABASE_URL is set). The engine is not checked here: `npm start` wires the SDK client.
import { loadSettings, onStopSignals, SettingsError } from '../config/index.ts';
import { startDatabase } from '../database/index.ts';
import { startServer } from './index.ts';

let settings;
try {
  settings = loadSettings();
} catch (err) {
  if (!(err instanceof SettingsError)) throw err;
  console.error(err.message);
  process.exit(2);
}

const database = await startDatabase({ log: (m) => console.log(`postgres: ${m}`) });
const server = await startServer({ databaseUrl: database.url, settings: settings.server });
console.log(`server: listening on http://${server.host}:${server.port} (API docs: /api/docs)`);

onStopSignals('stopping', async () => {
  await server.stop();
  await database.stop();
});
