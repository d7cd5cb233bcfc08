import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import { countHit, deleteWindowsBefore, findHits } from './rate-limits.queries';

// Counters live in the database, so every server process counts together and a restart
// does not reset them. Addresses are stored only as hashes.

export interface RateLimit {
  name: string;
  limit: number;
  windowMs: number;
}

const TEN_MINUTES = 10 * 60_000;

/** Per connection: enough for a family sharing one broadband line, not for a script. */
export const callbackRequestLimit: RateLimit = { name: 'callbacks', limit: 5, windowMs: TEN_MINUTES };

/** Failed sign-ins per connection: an office behind one address signs in freely; guessing does not. */
export const failedSignInLimit: RateLimit = { name: 'sign-in-failures', limit: 30, windowMs: TEN_MINUTES };

function keyOf(limit: RateLimit, clientAddress: string | null, now: Date) {
  return {
    bucket: `${limit.name}:${createHash('sha256').update(clientAddress ?? 'unknown').digest('hex')}`,
    windowStart: new Date(Math.floor(now.getTime() / limit.windowMs) * limit.windowMs),
  };
}

/** Counts one hit (in the caller's transaction) and says whether it was still within the limit. */
export async function hitLimit(trx: Kysely<Database>, limit: RateLimit, clientAddress: string | null, now: Date): Promise<boolean> {
  const { bucket, windowStart } = keyOf(limit, clientAddress, now);
  return (await countHit(trx, bucket, windowStart)) <= limit.limit;
}

/** Whether this connection has used up the limit already, without counting a hit. */
export async function isOverLimit(db: Kysely<Database>, limit: RateLimit, clientAddress: string | null, now: Date): Promise<boolean> {
  const { bucket, windowStart } = keyOf(limit, clientAddress, now);
  return (await findHits(db, bucket, windowStart)) >= limit.limit;
}

export async function purgeOldRateLimitWindows(db: Kysely<Database>, now: Date): Promise<void> {
  const longest = Math.max(callbackRequestLimit.windowMs, failedSignInLimit.windowMs);
  await deleteWindowsBefore(db, new Date(now.getTime() - 2 * longest));
}
