import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('callback_requests')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('reference', 'text', (col) => col.notNull().unique().check(sql`reference ~ '^CB-[0-9A-Z]{6}$'`))
    .addColumn('idempotency_key', 'text', (col) => col.notNull().unique())
    .addColumn('full_name', 'text', (col) => col.notNull().check(sql`length(full_name) between 1 and 120`))
    .addColumn('phone_e164', 'text', (col) => col.notNull().check(sql`phone_e164 ~ '^\\+[1-9][0-9]{6,14}$'`))
    .addColumn('email', 'text', (col) => col.check(sql`email = lower(email)`))
    .addColumn('for_whom', 'text', (col) => col.notNull().check(sql`for_whom in ('self', 'loved_one', 'professional')`))
    .addColumn('best_time_kind', 'text', (col) =>
      col.notNull().check(sql`best_time_kind in ('asap', 'morning', 'afternoon', 'evening', 'at')`),
    )
    .addColumn('best_time_at', 'timestamptz')
    .addColumn('substances', sql`text[]`, (col) => col.notNull().defaultTo(sql`'{}'`))
    .addColumn('message', 'text', (col) => col.check(sql`length(message) <= 1000`))
    .addColumn('immediate_danger', 'boolean', (col) => col.notNull())
    .addColumn('urgency_reason', 'text', (col) => col.check(sql`urgency_reason in ('immediate_danger', 'risk_mentioned')`))
    .addColumn('consent_to_contact', 'boolean', (col) => col.notNull().check(sql`consent_to_contact`))
    .addColumn('consent_to_contact_text', 'text', (col) => col.notNull())
    .addColumn('consent_to_health_data', 'boolean', (col) => col.notNull())
    .addColumn('consent_to_health_data_text', 'text', (col) => col.notNull())
    .addColumn('requested_at', 'timestamptz', (col) => col.notNull())
    .addColumn('status', 'text', (col) =>
      col
        .notNull()
        .defaultTo('open')
        .check(sql`status in ('open', 'answered', 'case_opened', 'unreachable', 'wrong_number', 'declined')`),
    )
    .addColumn('due_at', 'timestamptz', (col) => col.notNull())
    .addColumn('attempt_count', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('unanswered_count', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('first_attempt_at', 'timestamptz')
    .addColumn('first_attempt_due_at', 'timestamptz', (col) => col.notNull())
    .addColumn('claimed_by', 'uuid', (col) => col.references('users.id'))
    .addColumn('claim_expires_at', 'timestamptz')
    .addColumn('case_id', 'uuid', (col) => col.references('cases.id'))
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('callback_requests_claim_whole', sql`(claimed_by is null) = (claim_expires_at is null)`)
    .addCheckConstraint('callback_requests_at_given', sql`(best_time_kind = 'at') = (best_time_at is not null)`)
    .execute();
  // The queue: live requests, urgent first, then by due time. Partial, so closed history
  // never slows it down however long it grows.
  await sql`
    create index callback_requests_queue_idx on callback_requests
      ((urgency_reason is not null) desc, due_at)
      where status in ('open', 'answered')
  `.execute(db);
  await db.schema.createIndex('callback_requests_claimed_by_idx').on('callback_requests').column('claimed_by').where(sql.ref('claimed_by'), 'is not', null).execute();
  await db.schema.createIndex('callback_requests_requested_at_idx').on('callback_requests').column('requested_at').execute();

  await db.schema
    .createTable('callback_attempts')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('callback_id', 'uuid', (col) => col.notNull().references('callback_requests.id').onDelete('cascade'))
    .addColumn('adviser_id', 'uuid', (col) => col.notNull().references('users.id'))
    .addColumn('outcome', 'text', (col) =>
      col.notNull().check(sql`outcome in ('answered', 'no_answer', 'voicemail', 'wrong_number', 'call_back_later', 'declined')`),
    )
    .addColumn('notes', 'text', (col) => col.check(sql`length(notes) <= 2000`))
    .addColumn('call_back_at', 'timestamptz')
    .addColumn('attempted_at', 'timestamptz', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('callback_attempts_callback_idx').on('callback_attempts').columns(['callback_id', 'attempted_at']).execute();

  // Counters for the public form's per-address limit: in the database, so every server
  // process counts together and a restart does not reset them.
  await db.schema
    .createTable('rate_limit_counters')
    .addColumn('bucket', 'text', (col) => col.notNull())
    .addColumn('window_start', 'timestamptz', (col) => col.notNull())
    .addColumn('hits', 'integer', (col) => col.notNull())
    .addPrimaryKeyConstraint('rate_limit_counters_pk', ['bucket', 'window_start'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('rate_limit_counters').execute();
  await db.schema.dropTable('callback_attempts').execute();
  await db.schema.dropTable('callback_requests').execute();
}
