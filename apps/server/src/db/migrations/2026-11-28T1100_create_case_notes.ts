import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('case_notes')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('case_id', 'uuid', (col) => col.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('author_id', 'uuid', (col) => col.notNull().references('users.id'))
    .addColumn('body', 'text', (col) => col.notNull().check(sql`length(body) between 1 and 5000`))
    .addColumn('is_pinned', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('case_notes_case_idx').on('case_notes').columns(['case_id', 'created_at']).execute();
  // Notes live in case_notes now, one row each, so a second call's notes never overwrite the first's.
  await db.schema.alterTable('cases').dropColumn('notes').execute();

  // Health information is kept only with consent to record it; the database holds the line too.
  await sql`alter table callback_requests add constraint callback_requests_substances_need_consent check (consent_to_health_data or substances = '{}')`.execute(db);
  await sql`alter table cases add constraint cases_substances_need_consent check (consent_to_health_data or substances = '{}')`.execute(db);
  await sql`alter table callback_requests add constraint callback_requests_case_opened_has_case check (status <> 'case_opened' or case_id is not null)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table callback_requests drop constraint callback_requests_case_opened_has_case`.execute(db);
  await sql`alter table cases drop constraint cases_substances_need_consent`.execute(db);
  await sql`alter table callback_requests drop constraint callback_requests_substances_need_consent`.execute(db);
  await db.schema.alterTable('cases').addColumn('notes', 'text').execute();
  await db.schema.dropTable('case_notes').execute();
}
