import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/database';
import { preparedQuery } from '../../db/prepared-query';

export async function insertSession(
  trx: Kysely<Database>,
  row: { tokenHash: string; userId: string; expiresAt: Date },
): Promise<string> {
  const { id } = await trx
    .insertInto('sessions')
    .values({ token_hash: row.tokenHash, user_id: row.userId, last_seen_at: sql<Date>`now()`, expires_at: row.expiresAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

// Every request asks this: compiled once (db/prepared-query.ts).
const liveSession = preparedQuery((db: Kysely<Database>, tokenHash: string, idleMinutes: number) =>
  db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .leftJoin('two_step_secrets', 'two_step_secrets.user_id', 'sessions.user_id')
    .select([
      sql<boolean>`two_step_secrets.enabled_at is not null`.as('hasTwoStep'),
      'sessions.id as sessionId',
      'sessions.last_seen_at as lastSeenAt',
      'users.id as userId',
      'users.email',
      'users.full_name as fullName',
      'users.role',
    ])
    .where('sessions.token_hash', '=', tokenHash)
    .where('sessions.expires_at', '>', sql<Date>`now()`)
    .where('sessions.last_seen_at', '>', sql<Date>`now() - make_interval(mins => ${idleMinutes})`)
    .where('users.is_active', '=', true),
);

/** A session that is within both its idle and absolute limits, with its active user. */
export async function findLiveSession(db: Kysely<Database>, tokenHash: string, idleMinutes: number) {
  const [row] = await liveSession(db, tokenHash, idleMinutes);
  return row;
}

export async function touchSession(db: Kysely<Database>, sessionId: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: sql<Date>`now()` }).where('id', '=', sessionId).execute();
}

export async function deleteSessionById(trx: Kysely<Database>, sessionId: string): Promise<void> {
  await trx.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

export async function deleteSessionByTokenHash(trx: Kysely<Database>, tokenHash: string): Promise<void> {
  await trx.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

export async function deleteSessionsOfUser(
  trx: Kysely<Database>,
  userId: string,
  exceptSessionId?: string,
): Promise<number> {
  let query = trx.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptSessionId) query = query.where('id', '<>', exceptSessionId);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function deleteExpiredSessions(db: Kysely<Database>, idleMinutes: number): Promise<number> {
  const result = await db
    .deleteFrom('sessions')
    .where((eb) =>
      eb.or([
        eb('expires_at', '<=', sql<Date>`now()`),
        eb('last_seen_at', '<=', sql<Date>`now() - make_interval(mins => ${idleMinutes})`),
      ]),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function countLiveSessionsOf(db: Kysely<Database>, userId: string, idleMinutes: number, exceptSessionId?: string): Promise<number> {
  let query = db
    .selectFrom('sessions')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('user_id', '=', userId)
    .where('expires_at', '>', sql<Date>`now()`)
    .where('last_seen_at', '>', sql<Date>`now() - make_interval(mins => ${idleMinutes})`);
  if (exceptSessionId) query = query.where('id', '<>', exceptSessionId);
  const { count } = await query.executeTakeFirstOrThrow();
  return Number(count);
}

export async function countLiveSessionsByUser(db: Kysely<Database>, idleMinutes: number) {
  const rows = await db
    .selectFrom('sessions')
    .select(['user_id as userId', (eb) => eb.fn.countAll<number>().as('count')])
    .where('expires_at', '>', sql<Date>`now()`)
    .where('last_seen_at', '>', sql<Date>`now() - make_interval(mins => ${idleMinutes})`)
    .groupBy('user_id')
    .execute();
  return rows.map((row) => ({ userId: row.userId, count: Number(row.count) }));
}

export async function countLiveSessionById(db: Kysely<Database>, sessionId: string, idleMinutes: number): Promise<number> {
  const { count } = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('sessions.id', '=', sessionId)
    .where('sessions.expires_at', '>', sql<Date>`now()`)
    .where('sessions.last_seen_at', '>', sql<Date>`now() - make_interval(mins => ${idleMinutes})`)
    .where('users.is_active', '=', true)
    .executeTakeFirstOrThrow();
  return Number(count);
}
