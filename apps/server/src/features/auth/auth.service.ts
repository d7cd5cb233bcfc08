import type { LoginInput } from '@harbour/shared/users';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import { unauthorized, UserFacingError } from '../../trpc/errors';
import { recordAudit } from '../audit/audit.service';
import { failedSignInLimit, hitLimit, isOverLimit } from '../rate-limits/rate-limits.service';
import { endSession, endSessionByToken, startSession } from '../sessions/sessions.service';
import { checkCredentials, noteFailedSignIn, noteSuccessfulSignIn } from '../users/users.service';

// One answer for every failure, so the form never tells anyone which emails have accounts
// or which are locked.
export const SIGN_IN_FAILED = 'Email or password is wrong';

export interface SignInResult {
  user: { id: string; email: string; fullName: string; role: Database['users']['role'] };
  token: string;
  expiresAt: Date;
}

export const TOO_MANY_FAILED_SIGN_INS = 'Too many failed sign-ins from your connection. Wait 10 minutes and try again, or ask a manager on shift.';

export async function signIn(
  db: Kysely<Database>,
  input: LoginInput,
  request: { requestId: string; previousToken?: string; clientIp: string | null; now: Date },
): Promise<SignInResult> {
  // Checked before any password hashing: guessing across many accounts from one place stops
  // here, and costs the server nothing.
  if (await isOverLimit(db, failedSignInLimit, request.clientIp, request.now)) {
    throw new UserFacingError('TOO_MANY_REQUESTS', TOO_MANY_FAILED_SIGN_INS);
  }
  const check = await checkCredentials(db, input.email, input.password);

  if (!check.ok) {
    await db.transaction().execute(async (trx) => {
      await hitLimit(trx, failedSignInLimit, request.clientIp, request.now);
      const lock = check.userId && check.reason === 'wrong_password' ? await noteFailedSignIn(trx, check.userId) : null;
      await recordAudit(trx, {
        actorUserId: check.userId,
        action: 'auth.sign_in_failed',
        entityType: check.userId ? 'user' : undefined,
        entityId: check.userId ?? undefined,
        requestId: request.requestId,
        details: { reason: check.reason, ...(lock?.isNowLocked ? { lockedNow: true } : {}) },
      });
    });
    throw unauthorized(SIGN_IN_FAILED);
  }

  return db.transaction().execute(async (trx) => {
    // A fresh token at every sign-in: a token planted before sign-in is never promoted.
    if (request.previousToken) await endSessionByToken(trx, request.previousToken);
    await noteSuccessfulSignIn(trx, check.user.id);
    const session = await startSession(trx, check.user.id);
    await recordAudit(trx, {
      actorUserId: check.user.id,
      action: 'auth.signed_in',
      entityType: 'user',
      entityId: check.user.id,
      requestId: request.requestId,
    });
    return { user: check.user, ...session };
  });
}

export async function signOut(
  db: Kysely<Database>,
  session: { sessionId: string; userId: string; requestId: string },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await endSession(trx, session.sessionId);
    await recordAudit(trx, {
      actorUserId: session.userId,
      action: 'auth.signed_out',
      entityType: 'user',
      entityId: session.userId,
      requestId: session.requestId,
    });
  });
}
