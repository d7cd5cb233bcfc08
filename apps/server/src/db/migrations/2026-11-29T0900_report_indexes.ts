import type { Kysely } from 'kysely';

// The placement report reads a period by admission day or by proposal time, in that order
// then by id (so a download's batches follow the index); the shift
// dashboard reads callback requests by the day their first call fell due.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('placements_admitted_idx').on('placements').columns(['admitted_on', 'id']).execute();
  await db.schema.createIndex('placements_proposed_idx').on('placements').columns(['proposed_at', 'id']).execute();
  await db.schema.createIndex('callback_requests_first_due_idx').on('callback_requests').columns(['first_attempt_due_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('callback_requests_first_due_idx').execute();
  await db.schema.dropIndex('placements_proposed_idx').execute();
  await db.schema.dropIndex('placements_admitted_idx').execute();
}
