import { openConfiguredDatabase } from '../../db/open';
import { migrateToLatest } from '../../db/migrate';
import { parseEnv } from '../../env';
import { createLogger } from '../../logger';
import { runRetention } from './retention.service';

// `pnpm retention:run`: the daily retention job once, now, against the configured database.
const env = parseEnv(process.env);
const database = await openConfiguredDatabase(env, createLogger(env.LOG_LEVEL));
try {
  await migrateToLatest(database.db);
  const result = await runRetention(database.db, { now: new Date(), years: env.HARBOUR_RETENTION_YEARS });
  console.log(
    result.ran
      ? `Retention: anonymised ${result.casesAnonymised} case(s) closed before ${result.closedBefore.toISOString().slice(0, 10)} and ${result.requestsAnonymised} callback request(s).`
      : `Retention: not run, ${result.why}.`,
  );
} finally {
  await database.close();
}
