import { sql, type Kysely } from 'kysely';

const PHONE_PATTERN = sql.raw(`'^\\+[1-9][0-9]{6,14}$'`);

export async function up(db: Kysely<any>): Promise<void> {
  // An erased case keeps its row (stage, dates, clinic, fees, outcome still count in reports)
  // with who erased it and when; the retention job erases with no person behind it.
  await db.schema
    .alterTable('cases')
    .addColumn('erased_at', 'timestamptz')
    .addColumn('erased_by', 'uuid', (col) => col.references('users.id'))
    // The person asked us not to contact them again: when they told us, how, and who recorded it.
    .addColumn('contact_withdrawn_on', 'date')
    .addColumn('contact_withdrawn_via', 'text', (col) => col.check(sql`contact_withdrawn_via in ('phone', 'email', 'letter', 'in_person')`))
    .addColumn('contact_withdrawn_by', 'uuid', (col) => col.references('users.id'))
    .addColumn('contact_withdrawn_recorded_at', 'timestamptz')
    .execute();
  await sql`
    alter table cases add constraint cases_contact_withdrawal_whole check (
      (contact_withdrawn_on is null) = (contact_withdrawn_via is null) and (contact_withdrawn_on is null) = (contact_withdrawn_recorded_at is null)
    )
  `.execute(db);

  // An erased phone number is the empty string: the column stays NOT NULL, so nothing that
  // reads it has to learn about null, and only an erased row may hold it.
  await sql`alter table cases drop constraint cases_phone_e164_check`.execute(db);
  await sql`alter table cases add constraint cases_phone_e164_check check (phone_e164 ~ ${PHONE_PATTERN} or (erased_at is not null and phone_e164 = ''))`.execute(db);

  await db.schema
    .alterTable('callback_requests')
    .addColumn('erased_at', 'timestamptz')
    // Set on a request that arrived after the same person withdrew consent to contact: kept and
    // worked (asking again is how someone changes their mind) but flagged to the adviser.
    .addColumn('follows_withdrawal_on', 'date')
    .execute();
  await sql`alter table callback_requests drop constraint callback_requests_phone_e164_check`.execute(db);
  await sql`alter table callback_requests add constraint callback_requests_phone_e164_check check (phone_e164 ~ ${PHONE_PATTERN} or (erased_at is not null and phone_e164 = ''))`.execute(db);

  // One row per run of the retention job: the privacy page shows the last, and two servers
  // starting together see who ran it today.
  await db.schema
    .createTable('retention_runs')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('ran_at', 'timestamptz', (col) => col.notNull())
    .addColumn('closed_before', 'timestamptz', (col) => col.notNull())
    .addColumn('cases_anonymised', 'integer', (col) => col.notNull().check(sql`cases_anonymised >= 0`))
    .addColumn('requests_anonymised', 'integer', (col) => col.notNull().check(sql`requests_anonymised >= 0`))
    .execute();
  await db.schema.createIndex('retention_runs_ran_at_idx').on('retention_runs').column('ran_at').execute();
  await db.schema.createIndex('cases_closed_for_retention_idx').on('cases').column('stage_changed_at').where(sql.ref('stage'), '=', 'closed').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('cases_closed_for_retention_idx').execute();
  await db.schema.dropTable('retention_runs').execute();
  await sql`alter table callback_requests drop constraint callback_requests_phone_e164_check`.execute(db);
  await sql`alter table callback_requests add constraint callback_requests_phone_e164_check check (phone_e164 ~ ${PHONE_PATTERN})`.execute(db);
  await db.schema.alterTable('callback_requests').dropColumn('follows_withdrawal_on').dropColumn('erased_at').execute();
  await sql`alter table cases drop constraint cases_phone_e164_check`.execute(db);
  await sql`alter table cases add constraint cases_phone_e164_check check (phone_e164 ~ ${PHONE_PATTERN})`.execute(db);
  await sql`alter table cases drop constraint cases_contact_withdrawal_whole`.execute(db);
  for (const column of ['contact_withdrawn_recorded_at', 'contact_withdrawn_by', 'contact_withdrawn_via', 'contact_withdrawn_on', 'erased_by', 'erased_at']) {
    await db.schema.alterTable('cases').dropColumn(column).execute();
  }
}
