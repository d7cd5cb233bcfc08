import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';

/** Counts one more hit in the window and returns the window's total. */
export async function countHit(trx: Kysely<Database>, bucket: string, windowStart: Date): Promise<number> {
  const { hits } = await trx
    .insertInto('rate_limit_counters')
    .values({ bucket, window_start: windowStart, hits: 1 })
    .onConflict((conflict) => conflict.columns(['bucket', 'window_start']).doUpdateSet((eb) => ({ hits: eb('rate_limit_counters.hits', '+', 1) })))
    .returning('hits')
    .executeTakeFirstOrThrow();
  return hits;
}

export async function findHits(db: Kysely<Database>, bucket: string, windowStart: Date): Promise<number> {
  const row = await db.selectFrom('rate_limit_counters').select('hits').where('bucket', '=', bucket).where('window_start', '=', windowStart).executeTakeFirst();
  return row?.hits ?? 0;
}

export async function deleteWindowsBefore(db: Kysely<Database>, before: Date): Promise<void> {
  await db.deleteFrom('rate_limit_counters').where('window_start', '<', before).execute();
}
