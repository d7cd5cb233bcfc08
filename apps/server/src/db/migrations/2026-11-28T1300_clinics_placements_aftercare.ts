import { sql, type Kysely } from 'kysely';

const REGIONS = sql`('north_east', 'north_west', 'yorkshire_and_the_humber', 'east_midlands', 'west_midlands', 'east_of_england', 'london', 'south_east', 'south_west', 'wales')`;
const SERVICES = sql`array['medically_managed_detox', 'residential_rehab', 'outpatient', 'partial_hospitalisation', 'intensive_outpatient', 'aftercare']`;
const FUNDING = sql`array['self_funded', 'family', 'private_medical_insurance', 'employer', 'nhs_or_local_authority']`;

export async function up(db: Kysely<any>): Promise<void> {
  // The clinic directory. Lists of choices are arrays checked against their values, so matching
  // reads one row per clinic; the fee terms are the contract's, frozen into each placement.
  await db.schema
    .createTable('clinics')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('name', 'text', (col) => col.notNull().check(sql`length(name) between 1 and 120`))
    .addColumn('regulator', 'text', (col) => col.notNull().check(sql`regulator in ('cqc', 'hiw')`))
    .addColumn('location_id', 'text', (col) => col.notNull().check(sql`length(location_id) between 1 and 40`))
    .addColumn('rating', 'text', (col) =>
      col.notNull().check(sql`rating in ('outstanding', 'good', 'requires_improvement', 'inadequate', 'not_yet_rated')`),
    )
    .addColumn('region', 'text', (col) => col.notNull().check(sql`region in ${REGIONS}`))
    .addColumn('town', 'text', (col) => col.notNull().check(sql`length(town) between 1 and 80`))
    .addColumn('postcode', 'text', (col) => col.notNull().check(sql`length(postcode) <= 8`))
    .addColumn('phone_e164', 'text', (col) => col.notNull())
    .addColumn('email', 'text')
    .addColumn('services', sql`text[]`, (col) => col.notNull().check(sql`cardinality(services) > 0 and services <@ ${SERVICES}`))
    .addColumn('substances', sql`text[]`, (col) => col.notNull().check(sql`cardinality(substances) > 0`))
    .addColumn('is_dual_diagnosis_capable', 'boolean', (col) => col.notNull())
    .addColumn('programme_lengths_days', sql`integer[]`, (col) => col.notNull().check(sql`cardinality(programme_lengths_days) > 0`))
    .addColumn('weekly_price_min_pence', 'integer', (col) => col.notNull().check(sql`weekly_price_min_pence >= 0`))
    .addColumn('weekly_price_max_pence', 'integer', (col) => col.notNull())
    .addColumn('funding_routes', sql`text[]`, (col) => col.notNull().check(sql`cardinality(funding_routes) > 0 and funding_routes <@ ${FUNDING}`))
    .addColumn('beds_total', 'integer', (col) => col.notNull().check(sql`beds_total >= 0`))
    .addColumn('beds_available', 'integer', (col) => col.notNull())
    .addColumn('beds_confirmed_at', 'timestamptz')
    .addColumn('beds_confirmed_by', 'uuid', (col) => col.references('users.id'))
    .addColumn('fee_terms', 'jsonb', (col) => col.notNull())
    .addColumn('is_active', 'boolean', (col) => col.notNull().defaultTo(true))
    // Demo clinics have invented names; marked so nobody mistakes them for a real partner.
    .addColumn('is_demo', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('updated_by', 'uuid', (col) => col.references('users.id'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('clinics_price_in_order', sql`weekly_price_min_pence <= weekly_price_max_pence`)
    .addCheckConstraint('clinics_beds_in_range', sql`beds_available between 0 and beds_total`)
    .addCheckConstraint('clinics_regulator_matches_country', sql`(region = 'wales') = (regulator = 'hiw')`)
    .execute();
  // A regulator registers each location once: the same ID twice is the same clinic.
  await db.schema.createIndex('clinics_location_idx').on('clinics').columns(['regulator', 'location_id']).unique().execute();
  await db.schema.createIndex('clinics_region_idx').on('clinics').columns(['region', 'name']).execute();

  await db.schema
    .createTable('placements')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('case_id', 'uuid', (col) => col.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('clinic_id', 'uuid', (col) => col.notNull().references('clinics.id'))
    .addColumn('status', 'text', (col) => col.notNull().check(sql`status in ('proposed', 'confirmed', 'admitted', 'discharged', 'cancelled')`))
    .addColumn('programme', 'text', (col) => col.notNull().check(sql`programme = any(${SERVICES})`))
    .addColumn('length_days', 'integer', (col) => col.notNull().check(sql`length_days between 1 and 365`))
    .addColumn('weekly_price_pence', 'integer', (col) => col.notNull().check(sql`weekly_price_pence >= 0`))
    // Worked out from the clinic's terms at confirmation and never again: the terms may change.
    .addColumn('fee_terms', 'jsonb')
    .addColumn('fee_pence', 'integer', (col) => col.check(sql`fee_pence >= 0`))
    .addColumn('proposed_by', 'uuid', (col) => col.notNull().references('users.id'))
    .addColumn('proposed_at', 'timestamptz', (col) => col.notNull())
    .addColumn('confirmed_by', 'uuid', (col) => col.references('users.id'))
    .addColumn('confirmed_at', 'timestamptz')
    .addColumn('admitted_on', 'date')
    .addColumn('admitted_by', 'uuid', (col) => col.references('users.id'))
    .addColumn('discharged_on', 'date')
    .addColumn('discharge_outcome', 'text', (col) =>
      col.check(sql`discharge_outcome in ('completed', 'left_early', 'discharged_by_clinic', 'transferred')`),
    )
    .addColumn('discharged_by', 'uuid', (col) => col.references('users.id'))
    .addColumn('cancelled_at', 'timestamptz')
    .addColumn('cancelled_by', 'uuid', (col) => col.references('users.id'))
    .addColumn('cancel_reason', 'text', (col) => col.check(sql`length(cancel_reason) <= 500`))
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('placements_fee_once_confirmed', sql`(status = 'proposed' or status = 'cancelled') or fee_pence is not null`)
    .addCheckConstraint('placements_discharge_after_admission', sql`discharged_on is null or discharged_on >= admitted_on`)
    .execute();
  // One placement on the go per case: two advisers proposing at once make one row.
  await sql`create unique index placements_one_active_idx on placements (case_id) where status in ('proposed', 'confirmed', 'admitted')`.execute(db);
  await db.schema.createIndex('placements_case_idx').on('placements').columns(['case_id', 'proposed_at']).execute();
  await db.schema.createIndex('placements_clinic_idx').on('placements').columns(['clinic_id', 'status']).execute();

  await db.schema
    .createTable('aftercare_plans')
    .addColumn('case_id', 'uuid', (col) => col.primaryKey().references('cases.id').onDelete('cascade'))
    .addColumn('support_groups', sql`text[]`, (col) =>
      col.notNull().check(sql`support_groups <@ array['narcotics_anonymous', 'alcoholics_anonymous', 'cocaine_anonymous', 'smart_recovery']`),
    )
    .addColumn('local_services', 'text', (col) => col.check(sql`length(local_services) <= 1000`))
    .addColumn('therapy', 'text', (col) => col.check(sql`length(therapy) <= 1000`))
    .addColumn('notes', 'text', (col) => col.check(sql`length(notes) <= 2000`))
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('updated_by', 'uuid', (col) => col.notNull().references('users.id'))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('aftercare_check_ins')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('case_id', 'uuid', (col) => col.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('placement_id', 'uuid', (col) => col.notNull().references('placements.id').onDelete('cascade'))
    .addColumn('days_after', 'integer', (col) => col.notNull().check(sql`days_after in (7, 30, 90, 180, 365)`))
    .addColumn('due_on', 'date', (col) => col.notNull())
    .addColumn('outcome', 'text', (col) => col.check(sql`outcome in ('well', 'struggling', 'relapsed', 'unreachable')`))
    .addColumn('notes', 'text', (col) => col.check(sql`length(notes) <= 2000`))
    .addColumn('recorded_by', 'uuid', (col) => col.references('users.id'))
    .addColumn('recorded_at', 'timestamptz')
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .addCheckConstraint('aftercare_check_ins_recorded_whole', sql`(outcome is null) = (recorded_at is null)`)
    .addUniqueConstraint('aftercare_check_ins_once', ['placement_id', 'days_after'])
    .execute();
  await db.schema.createIndex('aftercare_check_ins_case_idx').on('aftercare_check_ins').columns(['case_id', 'due_on']).execute();
  // The check-in list reads only the calls still to make, by day.
  await sql`create index aftercare_check_ins_open_idx on aftercare_check_ins (due_on) where outcome is null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('aftercare_check_ins').execute();
  await db.schema.dropTable('aftercare_plans').execute();
  await db.schema.dropTable('placements').execute();
  await db.schema.dropTable('clinics').execute();
}
