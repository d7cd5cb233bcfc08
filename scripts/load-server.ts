// Harbour as `pnpm load` runs it: the same app and database wiring as apps/server/src/main.ts,
// listening on 127.0.0.1 only, without the demo data or housekeeping timers, in a process of
// its own so the load driver's work does not count in the server's latency.
import { createApp } from '../apps/server/src/app';
import { openPostgres } from '../apps/server/src/db/connect';
import { migrateToLatest } from '../apps/server/src/db/migrate';
import { createLogger } from '../apps/server/src/logger';
import { ChangeFeed } from '../apps/server/src/realtime/changes';

const connectionString = process.env.LOAD_DATABASE_URL;
const port = Number(process.env.LOAD_PORT);
if (!connectionString || !Number.isInteger(port)) {
  console.error('load-server: set LOAD_DATABASE_URL and LOAD_PORT (scripts/load.ts does)');
  process.exit(2);
}

const logger = createLogger(process.env.LOG_LEVEL ?? 'warn');
const database = openPostgres({ connectionString, logger });
await migrateToLatest(database.db);
const changes = await ChangeFeed.start(database, logger);
const app = createApp({
  db: database.db,
  logger,
  changes,
  health: database.health,
  origin: `http://127.0.0.1:${port}`,
  isProduction: false,
});
const server = app.listen(port, '127.0.0.1', () => console.log('ready'));

process.on('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => {
    void changes
      .stop()
      .then(() => database.close())
      .finally(() => process.exit(0));
  });
});
