import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '@harbour/shared/roles';
import { isTwoStepRequired } from '@harbour/shared/two-step';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import { badRequest, notFound } from '../../trpc/errors';
import { recordAudit } from '../audit/audit.service';
import { purgeExpiredPendingSignIns } from '../mfa/mfa.service';
import { staffNamesByIds } from '../users/users.service';
import {
  countLiveSessionById,
  countLiveSessionsByUser,
  countLiveSessionsOf,
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
  user: {
    id: string;
    email: string;
    fullName: string;
    role: Role;
    /** A manager without two-step sign-in: the session may only set it up, ask who it is and sign out. */
    mustSetUpTwoStep: boolean;
  };
}

export async function resolveSession(
  db: Kysely<Database>,
  token: string,
  options: {
    isActivity?: boolean;
    /**
     * The tRPC context passes true and each procedure decides; anywhere else, a manager who
     * has yet to set up two-step sign-in is not signed in at all.
     */
    allowTwoStepSetUp?: boolean;
  } = {},
): Promise<ResolvedSession | null> {
  const { isActivity = true, allowTwoStepSetUp = false } = options;
  const row = await findLiveSession(db, hashSessionToken(token), SESSION_IDLE_MINUTES);
  if (!row) return null;
  const mustSetUpTwoStep = isTwoStepRequired(row.role) && !row.hasTwoStep;
  if (mustSetUpTwoStep && !allowTwoStepSetUp) return null;
  if (isActivity && Date.now() - row.lastSeenAt.getTime() > TOUCH_AFTER_MS) await touchSession(db, row.sessionId);
  return {
    sessionId: row.sessionId,
    user: {
      id: row.userId,
      email: row.email,
      fullName: row.fullName,
      role: row.role,
      // Read at every request, not fixed at sign-in: promoting someone to manager restricts them
      // at once, and setting it up frees the same session.
      mustSetUpTwoStep,
    },
  };
}

/** Whether a session is still within its limits, for streams that outlast their request. */
export async function isSessionLive(db: Kysely<Database>, sessionId: string): Promise<boolean> {
  return (await countLiveSessionById(db, sessionId, SESSION_IDLE_MINUTES)) > 0;
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
  await purgeExpiredPendingSignIns(db, new Date());
  return deleteExpiredSessions(db, SESSION_IDLE_MINUTES);
}

/** How many other live sessions the person has: other browsers, phones, a forgotten shared PC. */
export async function countOtherSessions(db: Kysely<Database>, self: { userId: string; sessionId: string | null }): Promise<{ otherSessions: number }> {
  return { otherSessions: await countLiveSessionsOf(db, self.userId, SESSION_IDLE_MINUTES, self.sessionId ?? undefined) };
}

export async function signOutOtherSessions(
  db: Kysely<Database>,
  self: { userId: string; sessionId: string | null; requestId: string },
): Promise<{ sessionsEnded: number }> {
  return db.transaction().execute(async (trx) => {
    const sessionsEnded = await deleteSessionsOfUser(trx, self.userId, self.sessionId ?? undefined);
    await recordAudit(trx, {
      actorUserId: self.userId,
      action: 'auth.other_sessions_ended',
      entityType: 'user',
      entityId: self.userId,
      requestId: self.requestId,
      details: { sessionsEnded },
    });
    return { sessionsEnded };
  });
}

/** A manager signs a colleague out everywhere (a lost laptop, someone leaving in a hurry). */
export async function endStaffSessions(
  db: Kysely<Database>,
  actor: { userId: string; requestId: string },
  input: { id: string },
): Promise<{ sessionsEnded: number }> {
  if (input.id === actor.userId) throw badRequest('To sign yourself out elsewhere, use "Sign out other sessions" under Your account', 'id');
  if (!(await staffNamesByIds(db, [input.id])).has(input.id)) throw notFound('That staff member no longer exists');
  return db.transaction().execute(async (trx) => {
    const sessionsEnded = await deleteSessionsOfUser(trx, input.id);
    await recordAudit(trx, {
      actorUserId: actor.userId,
      action: 'users.sessions_ended',
      entityType: 'user',
      entityId: input.id,
      requestId: actor.requestId,
      details: { sessionsEnded },
    });
    return { sessionsEnded };
  });
}

/** Live sessions per member of staff, for the staff page. */
export async function liveSessionCounts(db: Kysely<Database>): Promise<Map<string, number>> {
  return new Map((await countLiveSessionsByUser(db, SESSION_IDLE_MINUTES)).map((row) => [row.userId, row.count]));
}
