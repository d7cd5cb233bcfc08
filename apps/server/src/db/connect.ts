import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import type { Logger } from 'pino';
import type { Database } from './database';

export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: 'postgres' | 'embedded';
  close(): Promise<void>;
}

const INT8_OID = 20;
const DATE_OID = 1082;

// Counts and bigint ids as numbers on both engines (pg would give strings, PGlite numbers),
// and calendar dates as 'yyyy-mm-dd' text so no time zone can shift a date of birth.
const parseInt8 = (value: string): number => Number(value);
const keepDateText = (value: string): string => value;

export interface PostgresOptions {
  connectionString: string;
  logger: Logger;
  /** Runs on every new connection: tests use it to pin a schema. */
  searchPath?: string;
  max?: number;
}

export function openPostgres({ connectionString, logger, searchPath, max = 10 }: PostgresOptions): DatabaseHandle {
  const pool = new pg.Pool({
    connectionString,
    max,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    statement_timeout: 10_000,
    idle_in_transaction_session_timeout: 15_000,
    application_name: 'harbour',
    ...(searchPath ? { options: `-c search_path=${searchPath}` } : {}),
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
        if (oid === INT8_OID) return parseInt8;
        if (oid === DATE_OID) return keepDateText;
        return pg.types.getTypeParser(oid, format);
      }) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', (error) => logger.error({ err: error }, 'database connection lost'));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, kind: 'postgres', close: () => db.destroy() };
}

/** The embedded engine: in memory when dataDir is undefined (tests), else kept on disk. */
export async function openEmbedded(dataDir: string | undefined): Promise<DatabaseHandle> {
  if (dataDir) mkdirSync(path.resolve(dataDir), { recursive: true });
  const pglite = await PGlite.create({
    ...(dataDir ? { dataDir: path.resolve(dataDir) } : {}),
    parsers: { [pgliteTypes.INT8]: parseInt8, [pgliteTypes.DATE]: keepDateText },
  });
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return {
    db,
    kind: 'embedded',
    close: async () => {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
    },
  };
}
