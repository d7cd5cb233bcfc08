import { Migrator, sql, type Kysely, type Migration, type MigrationResultSet } from 'kysely';
import { migrations } from './migrations';

/**
 * The pool's 10 s statement limit protects requests; a migration that rebuilds or indexes a
 * million cases at start-up needs longer, and hitting the limit would stop Harbour starting.
 * `set local` lifts it for the migration's transaction only.
 */
export function withoutStatementLimit(migration: Migration): Migration {
  return {
    ...migration,
    up: async (db) => {
      await sql`set local statement_timeout = 0`.execute(db);
      await migration.up(db);
    },
  };
}

const migrationsWithoutStatementLimit = Object.fromEntries(
  Object.entries(migrations).map(([name, migration]) => [name, withoutStatementLimit(migration)]),
);

async function migratorFor(db: Kysely<any>): Promise<Migrator> {
  // Unless told a schema, Kysely takes a kysely_migration table in any schema of the
  // database for ours (another app's, or a parallel test run's) and then fails to find it.
  const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
  return new Migrator({
    db,
    provider: { getMigrations: async () => migrationsWithoutStatementLimit },
    migrationTableSchema: rows[0]?.schema ?? undefined,
  });
}

export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const { error, results }: MigrationResultSet = await (await migratorFor(db)).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((result) => result.status === 'Success').map((result) => result.migrationName);
}

/** True when every migration this build knows of has run (readiness). */
export async function isSchemaCurrent(db: Kysely<any>): Promise<boolean> {
  const known = await (await migratorFor(db)).getMigrations();
  return known.every((migration) => migration.executedAt !== undefined);
}
