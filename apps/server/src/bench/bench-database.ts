import pg from 'pg';
import pino from 'pino';
import { openPostgres } from '../db/connect';
import { migrateToLatest } from '../db/migrate';

export const DEFAULT_BENCH_DATABASE_URL = 'postgres://harbour:harbour@127.0.0.1:5432/harbour_bench';

/** The database a URL names, or an error saying why it will not be wiped. */
export function benchDatabaseName(url: string): string {
  let name: string;
  try {
    name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  } catch {
    throw new Error('BENCH_DATABASE_URL is not a valid postgres:// URL');
  }
  // Everything in it is wiped: a name that does not say "bench" is somebody's real data.
  if (!name.toLowerCase().includes('bench')) {
    throw new Error(`BENCH_DATABASE_URL names the database "${name || '(none)'}"; the benchmark wipes its database, so the name must contain "bench"`);
  }
  return name;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Creates the database when it is missing, through the `postgres` maintenance database. */
export async function ensureBenchDatabase(url: string): Promise<'created' | 'exists'> {
  const name = benchDatabaseName(url);
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  const client = new pg.Client({ connectionString: maintenance.toString(), application_name: 'harbour-bench' });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (rowCount) return 'exists';
    const { rows } = await client.query<{ may: boolean }>('select rolcreatedb or rolsuper as may from pg_roles where rolname = current_user');
    if (!rows[0]?.may) {
      throw new Error(
        `The database "${name}" does not exist and this role may not create databases: ask an administrator to run ` +
          `"create database ${name} owner <role>" (or "alter role <role> createdb"), then run this again`,
      );
    }
    await client.query(`create database ${quote(name)}`);
    return 'created';
  } finally {
    await client.end();
  }
}

/**
 * Empties the target and runs every migration this build knows, through the app's own migrator.
 * The target is the database's schema public (dropped and made again; the extensions in it go
 * with it and the migrations install them again), or, for tests, a schema of its own whose
 * name says "bench", with public kept on the path for the extensions there.
 */
export async function wipeAndMigrate(url: string, schema?: string): Promise<string[]> {
  const target = schema ?? 'public';
  if (schema !== undefined && !(/^[a-z_][a-z0-9_]*$/.test(schema) && schema.includes('bench'))) {
    throw new Error(`The benchmark wipes the schema it fills, so its name must be lower case and contain "bench", not "${schema}"`);
  }
  const client = new pg.Client({ connectionString: url, application_name: 'harbour-bench' });
  await client.connect();
  try {
    await client.query(`drop schema if exists ${quote(target)} cascade`);
    await client.query(`create schema ${quote(target)}`);
  } finally {
    await client.end();
  }
  const handle = openPostgres({ connectionString: url, logger: pino({ level: 'silent' }), max: 1, ...(schema ? { searchPath: searchPathFor(schema) } : {}) });
  try {
    return await migrateToLatest(handle.db);
  } finally {
    await handle.close();
  }
}

/** The search path for a schema of its own: public stays on it for pg_trgm. */
export const searchPathFor = (schema: string) => `${schema},public`;
