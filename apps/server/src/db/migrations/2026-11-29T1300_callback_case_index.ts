import { sql, type Kysely } from 'kysely';

// A case page lists the callback requests that led to the case. Without an index that was a
// scan of every request ever made: 815 ms with a million of them (pnpm bench:data), 0.2 ms with.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('callback_requests_case_idx').on('callback_requests').columns(['case_id', 'requested_at']).where(sql.ref('case_id'), 'is not', null).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('callback_requests_case_idx').execute();
}
