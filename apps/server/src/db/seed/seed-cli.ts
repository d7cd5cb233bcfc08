import { parseEnv } from '../../env';
import { createLogger } from '../../logger';
import { configureSecretKey } from '../../features/mfa/secret-key';
import { migrateToLatest } from '../migrate';
import { openConfiguredDatabase } from '../open';
import { demoSignInLines, seedDemoData } from './demo-data';

const env = parseEnv(process.env);
configureSecretKey(env.HARBOUR_SECRET_KEY);
if (env.NODE_ENV === 'production') {
  console.error('Refusing to create demo data with NODE_ENV=production.');
  process.exit(1);
}
const database = await openConfiguredDatabase(env, createLogger(env.LOG_LEVEL));
try {
  await migrateToLatest(database.db);
  const { seeded } = await seedDemoData(database.db);
  console.log(seeded ? 'Demo data created.' : 'The database already has staff accounts: nothing seeded.');
  console.log(demoSignInLines().join('\n'));
} finally {
  await database.close();
}
