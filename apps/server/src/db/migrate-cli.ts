import { parseEnv } from '../env';
import { createLogger } from '../logger';
import { migrateToLatest } from './migrate';
import { openConfiguredDatabase } from './open';

const env = parseEnv(process.env);
const database = await openConfiguredDatabase(env, createLogger(env.LOG_LEVEL));
try {
  const applied = await migrateToLatest(database.db);
  console.log(applied.length ? `Applied ${applied.length} migration(s):\n  ${applied.join('\n  ')}` : 'The database is up to date.');
} finally {
  await database.close();
}
