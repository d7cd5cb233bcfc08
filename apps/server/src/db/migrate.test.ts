import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../test/test-database';
import type { DatabaseHandle } from './connect';
import { withoutStatementLimit } from './migrate';

describe('migrations at start-up', () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await openTestDatabase({ migrated: false });
  });
  afterAll(async () => {
    await database.close();
  });

  it('run without the statement limit that protects requests, and only inside their own transaction', async () => {
    // Requests keep PostgreSQL's limit (10 s from the pool); PGlite has none to begin with.
    const before = await sql<{ limit: string }>`select current_setting('statement_timeout') as limit`.execute(database.db);
    const seen: string[] = [];
    const migration = withoutStatementLimit({
      up: async (db) => {
        const { rows } = await sql<{ limit: string }>`select current_setting('statement_timeout') as limit`.execute(db);
        seen.push(rows[0]!.limit);
      },
    });

    await database.db.transaction().execute((trx) => migration.up(trx));

    expect(seen).toEqual(['0']);
    const after = await sql<{ limit: string }>`select current_setting('statement_timeout') as limit`.execute(database.db);
    expect(after.rows[0]!.limit).toBe(before.rows[0]!.limit);
    if (database.kind === 'postgres') expect(before.rows[0]!.limit).toBe('10s');
  });
});
