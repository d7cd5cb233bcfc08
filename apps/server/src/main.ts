import { fileURLToPath } from 'node:url';
import { createApp } from './app';
import { migrateToLatest } from './db/migrate';
import { openConfiguredDatabase } from './db/open';
import { demoSignInLines, seedDemoData } from './db/seed/demo-users';
import { InvalidEnvError, parseEnv, type Env } from './env';
import { purgeExpiredSessions } from './features/sessions/sessions.service';
import { createLogger } from './logger';

const SHUTDOWN_GRACE_MS = 10_000;

function readEnv(): Env {
  try {
    return parseEnv(process.env);
  } catch (error) {
    if (error instanceof InvalidEnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

const env = readEnv();
const logger = createLogger(env.LOG_LEVEL);
const isProduction = env.NODE_ENV === 'production';

const database = await openConfiguredDatabase(env, logger);
const applied = await migrateToLatest(database.db);
logger.info({ database: database.kind, migrationsApplied: applied.length }, 'database ready');

if (!isProduction) {
  const { seeded } = await seedDemoData(database.db);
  if (seeded) logger.info('demo data created');
}

const app = createApp({
  db: database.db,
  logger,
  origin: env.HARBOUR_ORIGIN,
  isProduction,
  webDistDir: fileURLToPath(new URL('../../web/dist', import.meta.url)),
});

const server = app.listen(env.PORT, () => {
  const lines = [`Harbour is running on ${env.HARBOUR_ORIGIN} (${database.kind} database)`];
  if (!isProduction) lines.push(...demoSignInLines());
  console.log(lines.join('\n'));
});
server.headersTimeout = 20_000;
server.requestTimeout = 30_000;

const sessionSweep = setInterval(() => {
  purgeExpiredSessions(database.db).catch((error: Error) => logger.warn({ err: error }, 'session sweep failed'));
}, 3_600_000);
sessionSweep.unref();

let isShuttingDown = false;
function shutDown(signal: string): void {
  if (isShuttingDown) return;
  isShuttingDown = true;
  logger.info({ signal }, 'stopping: finishing requests in flight');
  clearInterval(sessionSweep);
  const forceTimer = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
  forceTimer.unref();
  server.close(() => {
    database
      .close()
      .then(() => {
        logger.info('stopped');
        process.exit(0);
      })
      .catch((error: Error) => {
        logger.error({ err: error }, 'database did not close cleanly');
        process.exit(1);
      });
  });
  server.closeIdleConnections();
}

process.on('SIGTERM', () => shutDown('SIGTERM'));
process.on('SIGINT', () => shutDown('SIGINT'));
