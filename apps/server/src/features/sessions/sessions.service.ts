import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '@harbour/shared/roles';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import {
  deleteExpiredSessions,
  deleteSessionById,
  deleteSessionByTokenHash,
  deleteSessionsOfUser,
  findLiveSession,
  insertSession,
  touchSession,
} from './sessions.queries';

export const SESSION_IDLE_MINUTES = 30;
export const SESSION_ABSOLUTE_HOURS = 12;
// Writing last_seen_at on every request would double the writes of a busy screen; a minute
// of slack on a 30-minute idle limit is harmless.
const TOUCH_AFTER_MS = 60_000;

export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function startSession(trx: Kysely<Database>, userId: string): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + SESSION_ABSOLUTE_HOURS * 3_600_000);
  await insertSession(trx, { tokenHash: hashSessionToken(token), userId, expiresAt });
  return { token, expiresAt };
}

export interface ResolvedSession {
  sessionId: string;
  user: { id: string; email: string; fullName: string; role: Role };
}

export async function resolveSession(
  db: Kysely<Database>,
  token: string,
  options: { isActivity: boolean } = { isActivity: true },
): Promise<ResolvedSession | null> {
  const row = await findLiveSession(db, hashSessionToken(token), SESSION_IDLE_MINUTES);
  if (!row) return null;
  if (options.isActivity && Date.now() - row.lastSeenAt.getTime() > TOUCH_AFTER_MS) await touchSession(db, row.sessionId);
  return {
    sessionId: row.sessionId,
    user: { id: row.userId, email: row.email, fullName: row.fullName, role: row.role },
  };
}

export async function endSession(trx: Kysely<Database>, sessionId: string): Promise<void> {
  await deleteSessionById(trx, sessionId);
}

export async function endSessionByToken(trx: Kysely<Database>, token: string): Promise<void> {
  await deleteSessionByTokenHash(trx, hashSessionToken(token));
}

export async function endSessionsOfUser(trx: Kysely<Database>, userId: string, exceptSessionId?: string): Promise<number> {
  return deleteSessionsOfUser(trx, userId, exceptSessionId);
}

export async function purgeExpiredSessions(db: Kysely<Database>): Promise<number> {
  return deleteExpiredSessions(db, SESSION_IDLE_MINUTES);
}
