import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { openEmbedded, openPostgres, type DatabaseHandle } from '../db/connect';
import type { Database } from '../db/database';
import { migrateToLatest } from '../db/migrate';
import { silentLogger } from './factories';

const KYSELY_BOOKKEEPING_TABLES = ['kysely_migration', 'kysely_migration_lock'];

/**
 * A migrated database of its own for one test file: an in-memory PGlite by default, or a
 * fresh schema in TEST_DATABASE_URL so files running in parallel never see each other's rows.
 * `public` stays on the path for the extensions installed there (pg_trgm).
 */
export async function openTestDatabase({
  migrated = true,
  poolSize = 4,
}: {
  migrated?: boolean;
  /** Connections to PostgreSQL; PGlite has one whatever is asked. */
  poolSize?: number;
} = {}): Promise<DatabaseHandle> {
  const connectionString = process.env.TEST_DATABASE_URL;
  const handle = connectionString ? await openIsolatedPostgres(connectionString, poolSize) : await openEmbedded(undefined);
  if (!migrated) return handle;
  try {
    await migrateToLatest(handle.db);
  } catch (error) {
    await handle.close();
    throw error;
  }
  return handle;
}

async function openIsolatedPostgres(connectionString: string, poolSize: number): Promise<DatabaseHandle> {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  await withAdminConnection(connectionString, (client) => client.query(`create schema ${schema}`));
  const handle = openPostgres({ connectionString, logger: silentLogger, searchPath: `${schema},public`, max: poolSize });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await withAdminConnection(connectionString, (client) => client.query(`drop schema if exists ${schema} cascade`));
    },
  };
}

async function withAdminConnection(connectionString: string, work: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}

/** Empties every application table; TRUNCATE passes the audit trail's row-level trigger. */
export async function truncateAll(db: Kysely<Database>): Promise<void> {
  const { rows } = await sql<{ tablename: string }>`
    select tablename from pg_catalog.pg_tables
    where schemaname = current_schema() and tablename not in (${sql.join(KYSELY_BOOKKEEPING_TABLES)})
  `.execute(db);
  if (rows.length === 0) return;
  await sql`truncate table ${sql.join(rows.map((row) => sql.id(row.tablename)))} restart identity cascade`.execute(db);
}

/**
 * One database for the whole file, emptied before each test; call the result inside tests.
 * The handle, not just the Kysely instance, is what a ChangeFeed listens on.
 */
export function useTestDatabaseHandle(options: { poolSize?: number } = {}): () => DatabaseHandle {
  let handle: DatabaseHandle | undefined;
  beforeAll(async () => {
    handle = await openTestDatabase(options);
  });
  afterAll(async () => {
    await handle?.close();
  });
  beforeEach(async () => {
    await truncateAll(currentHandle().db);
  });
  function currentHandle(): DatabaseHandle {
    if (!handle) throw new Error('The test database is not open yet: use it inside a test or hook');
    return handle;
  }
  return currentHandle;
}

/** As useTestDatabaseHandle, for the many tests that need only the Kysely instance. */
export function useTestDatabase(options: { poolSize?: number } = {}): () => Kysely<Database> {
  const handle = useTestDatabaseHandle(options);
  return () => handle().db;
}
