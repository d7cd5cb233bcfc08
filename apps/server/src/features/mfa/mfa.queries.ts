import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/database';

export async function findSecret(db: Kysely<Database>, userId: string) {
  return db
    .selectFrom('two_step_secrets')
    .select(['secret_sealed as secretSealed', 'enabled_at as enabledAt', 'last_used_step as lastUsedStep'])
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

/** A new key replaces one not yet confirmed; an enabled one is never overwritten here. */
export async function upsertUnconfirmedSecret(trx: Kysely<Database>, userId: string, secretSealed: string): Promise<boolean> {
  const row = await trx
    .insertInto('two_step_secrets')
    .values({ user_id: userId, secret_sealed: secretSealed })
    .onConflict((conflict) =>
      conflict.column('user_id').doUpdateSet({ secret_sealed: secretSealed, last_used_step: null }).where('two_step_secrets.enabled_at', 'is', null),
    )
    .returning('user_id')
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Accepts the code's step only if it is later than the last accepted one, in one atomic
 * update: two requests racing with the same code cannot both win.
 */
export async function claimStep(trx: Kysely<Database>, userId: string, step: number, options: { isEnabling: boolean }): Promise<boolean> {
  const result = await trx
    .updateTable('two_step_secrets')
    .set({ last_used_step: step, ...(options.isEnabling ? { enabled_at: sql<Date>`now()` } : {}) })
    .where('user_id', '=', userId)
    .where('enabled_at', options.isEnabling ? 'is' : 'is not', null)
    .where((eb) => eb.or([eb('last_used_step', 'is', null), eb('last_used_step', '<', step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteSecret(trx: Kysely<Database>, userId: string): Promise<boolean> {
  const result = await trx.deleteFrom('two_step_secrets').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function replaceRecoveryCodes(trx: Kysely<Database>, userId: string, codeHashes: string[]): Promise<void> {
  await trx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  if (codeHashes.length > 0) {
    await trx.insertInto('recovery_codes').values(codeHashes.map((codeHash) => ({ user_id: userId, code_hash: codeHash }))).execute();
  }
}

export async function deleteRecoveryCodes(trx: Kysely<Database>, userId: string): Promise<void> {
  await trx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
}

/** Uses a code up, atomically: the same code sent twice at once is accepted once. */
export async function useRecoveryCode(trx: Kysely<Database>, userId: string, codeHash: string): Promise<boolean> {
  const result = await trx
    .updateTable('recovery_codes')
    .set({ used_at: sql<Date>`now()` })
    .where('user_id', '=', userId)
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function countUnusedRecoveryCodes(db: Kysely<Database>, userId: string): Promise<number> {
  const { count } = await db
    .selectFrom('recovery_codes')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(count);
}

export async function findEnabledUserIds(db: Kysely<Database>): Promise<string[]> {
  const rows = await db.selectFrom('two_step_secrets').select('user_id').where('enabled_at', 'is not', null).execute();
  return rows.map((row) => row.user_id);
}

export async function insertPendingSignIn(trx: Kysely<Database>, row: { tokenHash: string; userId: string; expiresAt: Date }): Promise<void> {
  await trx.insertInto('pending_sign_ins').values({ token_hash: row.tokenHash, user_id: row.userId, expires_at: row.expiresAt }).execute();
}

export async function findPendingSignIn(db: Kysely<Database>, tokenHash: string) {
  return db
    .selectFrom('pending_sign_ins')
    .select(['id', 'user_id as userId', 'failed_attempts as failedAttempts', 'expires_at as expiresAt'])
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export async function countPendingFailure(trx: Kysely<Database>, id: string): Promise<number> {
  const row = await trx
    .updateTable('pending_sign_ins')
    .set((eb) => ({ failed_attempts: eb('failed_attempts', '+', 1) }))
    .where('id', '=', id)
    .returning('failed_attempts')
    .executeTakeFirst();
  return row?.failed_attempts ?? Number.POSITIVE_INFINITY;
}

export async function deletePendingSignIn(trx: Kysely<Database>, id: string): Promise<void> {
  await trx.deleteFrom('pending_sign_ins').where('id', '=', id).execute();
}

export async function deletePendingSignInsOf(trx: Kysely<Database>, userId: string): Promise<void> {
  await trx.deleteFrom('pending_sign_ins').where('user_id', '=', userId).execute();
}

export async function deleteExpiredPendingSignIns(db: Kysely<Database>, now: Date): Promise<void> {
  await db.deleteFrom('pending_sign_ins').where('expires_at', '<=', now).execute();
}

export async function enableWithoutCode(trx: Kysely<Database>, userId: string): Promise<void> {
  await trx.updateTable('two_step_secrets').set({ enabled_at: sql<Date>`now()` }).where('user_id', '=', userId).execute();
}
