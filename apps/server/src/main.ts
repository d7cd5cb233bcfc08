import { fileURLToPath } from 'node:url';
import { createApp } from './app';
import { migrateToLatest } from './db/migrate';
import { openConfiguredDatabase, openReportReplica } from './db/open';
import { demoSignInLines, seedDemoData } from './db/seed/demo-data';
import { InvalidEnvError, parseEnv, type Env } from './env';
import { LAPSE_SWEEP_INTERVAL_MS, sweepLapsedClaims } from './features/callbacks/callbacks.service';
import { RETENTION_FIRST_RUN_DELAY_MS, RETENTION_INTERVAL_MS, runRetention } from './features/privacy/retention.service';
import { configureSecretKey } from './features/mfa/secret-key';
import { purgeOldRateLimitWindows } from './features/rate-limits/rate-limits.service';
import { purgeExpiredSessions } from './features/sessions/sessions.service';
import { createLogger } from './logger';
import { ChangeFeed } from './realtime/changes';

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
configureSecretKey(env.HARBOUR_SECRET_KEY);
const logger = createLogger(env.LOG_LEVEL);
const isProduction = env.NODE_ENV === 'production';

const database = await openConfiguredDatabase(env, logger);
const applied = await migrateToLatest(database.db);
logger.info({ database: database.kind, migrationsApplied: applied.length }, 'database ready');

if (!isProduction) {
  const { seeded } = await seedDemoData(database.db);
  if (seeded) logger.info('demo data created');
}

const changes = await ChangeFeed.start(database, logger);
const reportReplica = openReportReplica(env, logger);
if (reportReplica) logger.info('reports read from the replica (DATABASE_REPLICA_URL)');

const app = createApp({
  db: database.db,
  reportDb: reportReplica?.db,
  logger,
  changes,
  health: database.health,
  trustProxy: env.HARBOUR_TRUST_PROXY,
  origin: env.HARBOUR_ORIGIN,
  isProduction,
  webDistDir: fileURLToPath(new URL('../../web/dist', import.meta.url)),
});

const server = app.listen(env.PORT, () => {
  const lines = [
    `Harbour is running on ${env.HARBOUR_ORIGIN} (${database.kind} database)`,
    `The public callback form is at ${env.HARBOUR_ORIGIN}/request-callback`,
  ];
  if (!isProduction) lines.push(...demoSignInLines());
  console.log(lines.join('\n'));
});
server.headersTimeout = 20_000;
server.requestTimeout = 30_000;

function every(intervalMs: number, name: string, job: () => Promise<unknown>): NodeJS.Timeout {
  const timer = setInterval(() => {
    job().catch((error: unknown) => logger.warn({ err: error }, `${name} failed`));
  }, intervalMs);
  timer.unref();
  return timer;
}

// Housekeeping: each job is idempotent, so two server processes running it is harmless.
const timers = [
  every(LAPSE_SWEEP_INTERVAL_MS, 'lapsed claim sweep', () => sweepLapsedClaims(database.db, new Date())),
  every(3_600_000, 'session sweep', () => purgeExpiredSessions(database.db)),
  every(3_600_000, 'rate limit sweep', () => purgeOldRateLimitWindows(database.db, new Date())),
];

// Retention: once soon after start-up, then daily. An advisory lock lets one server run it.
async function retentionJob(): Promise<void> {
  const result = await runRetention(database.db, { now: new Date(), years: env.HARBOUR_RETENTION_YEARS });
  if (result.ran) logger.info({ casesAnonymised: result.casesAnonymised, requestsAnonymised: result.requestsAnonymised }, 'retention job ran');
}
const firstRetentionRun = setTimeout(() => {
  retentionJob().catch((error: unknown) => logger.warn({ err: error }, 'retention job failed'));
  timers.push(every(RETENTION_INTERVAL_MS, 'retention job', retentionJob));
}, RETENTION_FIRST_RUN_DELAY_MS);
firstRetentionRun.unref();
timers.push(firstRetentionRun);

let isShuttingDown = false;
function shutDown(signal: string): void {
  if (isShuttingDown) return;
  isShuttingDown = true;
  logger.info({ signal }, 'stopping: finishing requests in flight');
  for (const timer of timers) clearInterval(timer);
  const forceTimer = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
  forceTimer.unref();
  server.close(() => {
    changes
      .stop()
      .then(() => Promise.all([database.close(), reportReplica?.close()]))
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
