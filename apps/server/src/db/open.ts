import type { Logger } from 'pino';
import type { Env } from '../env';
import { openEmbedded, openPostgres, type DatabaseHandle } from './connect';

/** The database the settings point at: PostgreSQL when DATABASE_URL is set, else embedded. */
export function openConfiguredDatabase(env: Env, logger: Logger): Promise<DatabaseHandle> {
  if (env.DATABASE_URL) return Promise.resolve(openPostgres({ connectionString: env.DATABASE_URL, listenConnectionString: env.DATABASE_LISTEN_URL, logger }));
  return openEmbedded(env.HARBOUR_DATA_DIR);
}

/** The read replica reports read from, when DATABASE_REPLICA_URL is set; its own pool and its own health. */
export function openReportReplica(env: Env, logger: Logger): DatabaseHandle | undefined {
  if (!env.DATABASE_REPLICA_URL) return undefined;
  return openPostgres({ connectionString: env.DATABASE_REPLICA_URL, logger: logger.child({ database: 'replica' }) });
}
