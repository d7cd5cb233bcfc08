import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // Trusted since PostgreSQL 13, so the database owner may create it. Two migrations racing on
  // a fresh database (parallel test schemas) would collide on the catalogue; the lock serialises.
  await sql`select pg_advisory_xact_lock(hashtext('harbour.pg_trgm'))`.execute(db);
  await sql`create extension if not exists pg_trgm with schema public`.execute(db);

  await db.schema
    .alterTable('cases')
    .addColumn('client_date_of_birth', 'date')
    .addColumn('relation_detail', 'text', (col) => col.check(sql`length(relation_detail) <= 80`))
    .addColumn('postcode', 'text', (col) => col.check(sql`length(postcode) <= 8`))
    .addColumn('region', 'text', (col) =>
      col.check(
        sql`region in ('north_east', 'north_west', 'yorkshire_and_the_humber', 'east_midlands', 'west_midlands', 'east_of_england', 'london', 'south_east', 'south_west', 'wales')`,
      ),
    )
    .addColumn('preferred_contact_times', 'text', (col) => col.check(sql`length(preferred_contact_times) <= 200`))
    .addColumn('safe_to_leave_voicemail', 'boolean')
    .addColumn('safe_to_say_who_we_are', 'boolean')
    .addColumn('health_data_consent_at', 'timestamptz')
    // The assessment as the adviser saved it, and the figures lists and filters need from it.
    .addColumn('assessment', 'jsonb')
    .addColumn('primary_substance', 'text')
    .addColumn('criteria_met', 'integer')
    .addColumn('severity', 'text', (col) => col.check(sql`severity in ('none', 'mild', 'moderate', 'severe')`))
    .addColumn('audit_score', 'integer', (col) => col.check(sql`audit_score between 0 and 40`))
    .addColumn('risk_level', 'text', (col) => col.check(sql`risk_level in ('low', 'medium', 'high', 'immediate')`))
    .addColumn('is_dual_diagnosis', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('assessment_complete', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('funding_route', 'text', (col) =>
      col.check(sql`funding_route in ('self_funded', 'family', 'private_medical_insurance', 'employer', 'nhs_or_local_authority', 'undecided')`),
    )
    .addColumn('budget_min_pence', 'integer', (col) => col.check(sql`budget_min_pence >= 0`))
    .addColumn('budget_max_pence', 'integer', (col) => col.check(sql`budget_max_pence >= 0`))
    .addColumn('insurer', 'text', (col) => col.check(sql`length(insurer) <= 120`))
    .addColumn('policy_number', 'text', (col) => col.check(sql`length(policy_number) <= 60`))
    .addColumn('who_pays', 'text', (col) => col.check(sql`length(who_pays) <= 200`))
    .addColumn('finance_notes', 'text', (col) => col.check(sql`length(finance_notes) <= 2000`))
    .addColumn('next_action', 'text', (col) => col.check(sql`length(next_action) <= 200`))
    .addColumn('next_action_due_at', 'timestamptz')
    // Each part of the page has its own version, so saving the finances never makes the
    // assessment typed in the same call stale; `version` covers stage, adviser and next action.
    .addColumn('contact_version', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('assessment_version', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('finances_version', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('closure_reason', 'text', (col) =>
      col.check(
        sql`closure_reason in ('completed', 'unreachable', 'declined', 'not_suitable', 'funding_not_available', 'chose_another_provider', 'referred_elsewhere', 'duplicate', 'other')`,
      ),
    )
    .execute();

  await sql`alter table cases add constraint cases_assessment_needs_consent check (consent_to_health_data or assessment is null)`.execute(db);
  await sql`alter table cases add constraint cases_budget_in_order check (budget_min_pence <= budget_max_pence)`.execute(db);
  await sql`alter table cases add column search_name text generated always as (lower(coalesce(client_name, '') || ' ' || caller_name)) stored`.execute(db);
  await sql`create index cases_search_name_trgm_idx on cases using gin (search_name public.gin_trgm_ops)`.execute(db);
  await db.schema.createIndex('cases_adviser_stage_idx').on('cases').columns(['assigned_adviser_id', 'stage', 'updated_at']).execute();
  await db.schema.createIndex('cases_stage_updated_idx').on('cases').columns(['stage', 'updated_at']).execute();

  // The case's history: every change by whom and when, shown on its timeline.
  await db.schema
    .createTable('case_events')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('case_id', 'uuid', (col) => col.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('actor_id', 'uuid', (col) => col.references('users.id'))
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('details', 'jsonb', (col) => col.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('occurred_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('case_events_case_idx').on('case_events').columns(['case_id', 'occurred_at']).execute();

  // A crisis is open from the moment the risk screen says "immediate" until the adviser records
  // what was done; team leads see every open one live.
  await db.schema
    .createTable('case_crises')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('case_id', 'uuid', (col) => col.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('raised_by', 'uuid', (col) => col.notNull().references('users.id'))
    .addColumn('raised_at', 'timestamptz', (col) => col.notNull())
    .addColumn('actions', sql`text[]`)
    .addColumn('details', 'text', (col) => col.check(sql`length(details) <= 2000`))
    .addColumn('resolved_by', 'uuid', (col) => col.references('users.id'))
    .addColumn('resolved_at', 'timestamptz')
    .execute();
  // One open crisis per case: two saves racing to raise it make one row.
  await sql`create unique index case_crises_one_open_idx on case_crises (case_id) where resolved_at is null`.execute(db);
  await db.schema.createIndex('case_crises_case_idx').on('case_crises').columns(['case_id', 'raised_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('case_crises').execute();
  await db.schema.dropTable('case_events').execute();
  await sql`drop index cases_search_name_trgm_idx`.execute(db);
  await db.schema.dropIndex('cases_adviser_stage_idx').execute();
  await db.schema.dropIndex('cases_stage_updated_idx').execute();
  await sql`alter table cases drop constraint cases_assessment_needs_consent, drop constraint cases_budget_in_order`.execute(db);
  const columns = [
    'search_name', 'client_date_of_birth', 'relation_detail', 'postcode', 'region', 'preferred_contact_times', 'safe_to_leave_voicemail',
    'safe_to_say_who_we_are', 'health_data_consent_at', 'assessment', 'primary_substance', 'criteria_met', 'severity', 'audit_score',
    'risk_level', 'is_dual_diagnosis', 'assessment_complete', 'funding_route', 'budget_min_pence', 'budget_max_pence', 'insurer',
    'policy_number', 'who_pays', 'finance_notes', 'next_action', 'next_action_due_at', 'contact_version', 'assessment_version',
    'finances_version', 'closure_reason',
  ];
  for (const column of columns) await db.schema.alterTable('cases').dropColumn(column).execute();
}
