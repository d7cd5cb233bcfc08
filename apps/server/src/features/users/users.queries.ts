import { sql, type Kysely } from 'kysely';
import type { Database, NewUserRow } from '../../db/database';

const staffColumns = [
  'id',
  'email',
  'full_name as fullName',
  'role',
  'is_active as isActive',
  'last_login_at as lastLoginAt',
  'created_at as createdAt',
  'version',
] as const;

export async function findStaff(db: Kysely<Database>) {
  return db.selectFrom('users').select(staffColumns).orderBy('is_active', 'desc').orderBy('full_name').execute();
}

export async function findStaffById(db: Kysely<Database>, id: string) {
  return db.selectFrom('users').select(staffColumns).where('id', '=', id).executeTakeFirst();
}

export async function findCredentialsByEmail(db: Kysely<Database>, email: string) {
  return db
    .selectFrom('users')
    .select([
      'id',
      'email',
      'full_name as fullName',
      'role',
      'password_hash as passwordHash',
      'is_active as isActive',
      sql<boolean>`coalesce(locked_until > now(), false)`.as('isLocked'),
    ])
    .where('email', '=', email)
    .executeTakeFirst();
}

export async function findPasswordHashById(db: Kysely<Database>, id: string) {
  return db.selectFrom('users').select('password_hash as passwordHash').where('id', '=', id).executeTakeFirst();
}

export async function insertUser(trx: Kysely<Database>, row: NewUserRow) {
  return trx.insertInto('users').values(row).returning(staffColumns).executeTakeFirstOrThrow();
}

/** Applies the change only if the row is still at expectedVersion (when given). */
export async function updateUserAccess(
  trx: Kysely<Database>,
  id: string,
  changes: { role?: NewUserRow['role']; isActive?: boolean },
  expectedVersion?: number,
) {
  let query = trx
    .updateTable('users')
    .set((eb) => ({
      ...(changes.role !== undefined ? { role: changes.role } : {}),
      ...(changes.isActive !== undefined ? { is_active: changes.isActive } : {}),
      version: eb('version', '+', 1),
      updated_at: sql<Date>`now()`,
    }))
    .where('id', '=', id);
  if (expectedVersion !== undefined) query = query.where('version', '=', expectedVersion);
  return query.returning(staffColumns).executeTakeFirst();
}

/** A new password is a fresh start: any lock from failed sign-ins lifts with it. */
export async function updatePasswordHash(trx: Kysely<Database>, id: string, passwordHash: string): Promise<void> {
  await trx
    .updateTable('users')
    .set((eb) => ({
      password_hash: passwordHash,
      failed_login_count: 0,
      locked_until: null,
      version: eb('version', '+', 1),
      updated_at: sql<Date>`now()`,
    }))
    .where('id', '=', id)
    .execute();
}

/** One atomic step, so parallel guesses cannot slip past the count. */
export async function recordFailedSignIn(
  trx: Kysely<Database>,
  id: string,
  lockAfter: number,
  lockMinutes: number,
): Promise<{ isNowLocked: boolean }> {
  const row = await trx
    .updateTable('users')
    .set({
      failed_login_count: sql<number>`case when failed_login_count + 1 >= ${lockAfter} then 0 else failed_login_count + 1 end`,
      locked_until: sql<Date | null>`case when failed_login_count + 1 >= ${lockAfter} then now() + make_interval(mins => ${lockMinutes}) else locked_until end`,
    })
    .where('id', '=', id)
    .returning(sql<boolean>`coalesce(locked_until > now(), false)`.as('isNowLocked'))
    .executeTakeFirstOrThrow();
  return row;
}

export async function recordSuccessfulSignIn(trx: Kysely<Database>, id: string): Promise<void> {
  await trx
    .updateTable('users')
    .set({ failed_login_count: 0, locked_until: null, last_login_at: sql<Date>`now()` })
    .where('id', '=', id)
    .execute();
}

export async function countUsers(db: Kysely<Database>): Promise<number> {
  const { count } = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
  return Number(count);
}

export async function findActiveStaff(db: Kysely<Database>) {
  return db
    .selectFrom('users')
    .select(['id', 'full_name as fullName', 'role'])
    .where('is_active', '=', true)
    .orderBy('full_name')
    .execute();
}

export async function findIsActive(db: Kysely<Database>, id: string): Promise<boolean> {
  const row = await db.selectFrom('users').select('is_active').where('id', '=', id).executeTakeFirst();
  return row?.is_active === true;
}

export async function findNamesByIds(db: Kysely<Database>, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('users').select(['id', 'full_name as fullName']).where('id', 'in', ids).execute();
}
