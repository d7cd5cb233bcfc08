import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // One row per member of staff who has started or finished setting up two-step sign-in.
  await db.schema
    .createTable('two_step_secrets')
    .addColumn('user_id', 'uuid', (col) => col.primaryKey().references('users.id').onDelete('cascade'))
    // The TOTP key sealed with AES-256-GCM under HARBOUR_SECRET_KEY: a copy of the database
    // alone cannot make codes.
    .addColumn('secret_sealed', 'text', (col) => col.notNull())
    // Null until the person proves their app works by entering a code.
    .addColumn('enabled_at', 'timestamptz')
    // The 30-second step of the last code accepted: a code, once used, is never accepted again.
    .addColumn('last_used_step', 'integer')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('recovery_codes')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('user_id', 'uuid', (col) => col.notNull().references('users.id').onDelete('cascade'))
    // A keyed hash (HMAC-SHA-256) of the code, never the code.
    .addColumn('code_hash', 'text', (col) => col.notNull())
    .addColumn('used_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('recovery_codes_user_code_unique', ['user_id', 'code_hash'])
    .execute();

  // A password that was right, waiting for its code: no session exists until the code is given.
  await db.schema
    .createTable('pending_sign_ins')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('token_hash', 'text', (col) => col.notNull().unique())
    .addColumn('user_id', 'uuid', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('failed_attempts', 'integer', (col) => col.notNull().defaultTo(0).check(sql`failed_attempts >= 0`))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('pending_sign_ins_user_id_idx').on('pending_sign_ins').column('user_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('pending_sign_ins').execute();
  await db.schema.dropTable('recovery_codes').execute();
  await db.schema.dropTable('two_step_secrets').execute();
}
