import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create sequence case_reference_seq`.execute(db);
  await db.schema
    .createTable('cases')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('reference', 'text', (col) => col.notNull().unique())
    .addColumn('stage', 'text', (col) =>
      col.notNull().defaultTo('enquiry').check(sql`stage in ('enquiry', 'assessment', 'placement', 'aftercare', 'closed')`),
    )
    .addColumn('origin', 'text', (col) => col.notNull().check(sql`origin in ('callback', 'inbound_call')`))
    .addColumn('client_name', 'text', (col) => col.check(sql`length(client_name) <= 120`))
    .addColumn('caller_name', 'text', (col) => col.notNull().check(sql`length(caller_name) between 1 and 120`))
    .addColumn('caller_relation', 'text', (col) => col.notNull().check(sql`caller_relation in ('self', 'loved_one', 'professional')`))
    .addColumn('phone_e164', 'text', (col) => col.notNull().check(sql`phone_e164 ~ '^\\+[1-9][0-9]{6,14}$'`))
    .addColumn('email', 'text', (col) => col.check(sql`email = lower(email)`))
    .addColumn('substances', sql`text[]`, (col) => col.notNull().defaultTo(sql`'{}'`))
    .addColumn('urgency_reason', 'text', (col) => col.check(sql`urgency_reason in ('immediate_danger', 'risk_mentioned')`))
    .addColumn('consent_to_contact', 'boolean', (col) => col.notNull())
    .addColumn('consent_to_contact_text', 'text', (col) => col.notNull())
    .addColumn('consent_to_health_data', 'boolean', (col) => col.notNull())
    .addColumn('consent_to_health_data_text', 'text', (col) => col.notNull())
    .addColumn('consented_at', 'timestamptz', (col) => col.notNull())
    .addColumn('notes', 'text', (col) => col.check(sql`length(notes) <= 2000`))
    .addColumn('assigned_adviser_id', 'uuid', (col) => col.references('users.id'))
    .addColumn('opened_by', 'uuid', (col) => col.notNull().references('users.id'))
    .addColumn('stage_changed_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  // The duplicate check on every new enquiry looks people up by phone and by email.
  await db.schema.createIndex('cases_phone_idx').on('cases').column('phone_e164').execute();
  await db.schema.createIndex('cases_email_idx').on('cases').column('email').where(sql.ref('email'), 'is not', null).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('cases').execute();
  await sql`drop sequence case_reference_seq`.execute(db);
}
