import type { Kysely, KyselyPlugin } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../db/database';
import { createUser } from '../../test/factories';
import { useTestDatabase } from '../../test/test-database';
import { AuditWriter } from './audit-writer.service';

const db = useTestDatabase();

/** The database, counting the INSERT statements sent through it. */
function countingInserts(base: Kysely<Database>): { db: Kysely<Database>; inserts: () => number } {
  let inserts = 0;
  const plugin: KyselyPlugin = {
    transformQuery: ({ node }) => {
      if (node.kind === 'InsertQueryNode') inserts += 1;
      return node;
    },
    transformResult: async ({ result }) => result,
  };
  return { db: base.withPlugin(plugin), inserts: () => inserts };
}

const listed = (actorUserId: string | null, requestId: string) => ({ actorUserId, action: 'cases.listed', entityType: 'case', requestId, details: { ids: ['x'] } });

describe('the audit writer (group commit)', () => {
  it('writes the rows of reads arriving together in one statement, each committed when its write resolves', async () => {
    const user = await createUser(db());
    const counted = countingInserts(db());
    const writer = new AuditWriter(counted.db);

    await Promise.all(Array.from({ length: 20 }, (_, index) => writer.write(listed(user.id, `req-${index}`))));

    const rows = await db().selectFrom('audit_events').select('request_id').where('action', '=', 'cases.listed').execute();
    expect(rows.map((row) => row.request_id).sort()).toEqual(Array.from({ length: 20 }, (_, index) => `req-${index}`).sort());
    // The first is written at once; the other nineteen arrive while it commits and go together.
    expect(counted.inserts()).toBe(2);
  });

  it('fails only the read whose row cannot be written, not the others in its batch', async () => {
    const user = await createUser(db());
    const writer = new AuditWriter(db());
    const missingUser = '0b9e7d1c-3f4a-4e2b-9c8d-7a6b5c4d3e2f';

    const results = await Promise.allSettled([writer.write(listed(user.id, 'first')), writer.write(listed(user.id, 'second')), writer.write(listed(missingUser, 'bad')), writer.write(listed(user.id, 'third'))]);

    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    const rows = await db().selectFrom('audit_events').select('request_id').where('action', '=', 'cases.listed').execute();
    expect(rows.map((row) => row.request_id).sort()).toEqual(['first', 'second', 'third']);
  });
});
