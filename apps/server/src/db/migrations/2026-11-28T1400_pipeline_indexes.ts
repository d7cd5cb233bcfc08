import type { Kysely } from 'kysely';

// The board reads each column by stage, most at risk then longest in the stage; "My work"
// reads an adviser's next actions by due time.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('cases_stage_changed_idx').on('cases').columns(['stage', 'stage_changed_at']).execute();
  await db.schema.createIndex('cases_adviser_next_action_idx').on('cases').columns(['assigned_adviser_id', 'next_action_due_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('cases_adviser_next_action_idx').execute();
  await db.schema.dropIndex('cases_stage_changed_idx').execute();
}
