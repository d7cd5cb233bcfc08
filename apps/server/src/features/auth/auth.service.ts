import type { VerifySignInCodeInput } from '@harbour/shared/two-step';
import type { LoginInput } from '@harbour/shared/users';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import { badRequest, unauthorized, UserFacingError } from '../../trpc/errors';
import { recordAudit } from '../audit/audit.service';
import { failedSignInLimit, hitLimit, isOverLimit } from '../rate-limits/rate-limits.service';
import {
  beginPendingSignIn,
  endPendingSignIn,
  endPendingSignInsOf,
  findPending,
  isTwoStepEnabled,
  notePendingFailure,
  recoveryCodesLeft,
  USED_CODE,
  useSignInCode,
  WRONG_CODE,
} from '../mfa/mfa.service';
import { endSession, endSessionByToken, resolveSession, startSession } from '../sessions/sessions.service';
import { checkCredentials, noteFailedSignIn, noteSuccessfulSignIn } from '../users/users.service';

// One answer for every failure, so the form never tells anyone which emails have accounts
// or which are locked.
export const SIGN_IN_FAILED = 'Email or password is wrong';

export interface SignedInUser {
  id: string;
  email: string;
  fullName: string;
  role: Database['users']['role'];
  mustSetUpTwoStep: boolean;
}

/** Either a session, or (with two-step sign-in on) a short-lived pending sign-in waiting for a code. */
export type SignInResult =
  | { status: 'signed_in'; user: SignedInUser; token: string; expiresAt: Date }
  | { status: 'code_needed'; pendingToken: string; expiresAt: Date };

export const SIGN_IN_CODE_STEP_ENDED = 'Your sign-in has ended. Enter your email and password again.';
const TOO_MANY_WRONG_CODES = 'Too many wrong codes. Enter your email and password again.';

type SignInRequest = { requestId: string; previousToken?: string; clientIp: string | null; now: Date };

export const TOO_MANY_FAILED_SIGN_INS = 'Too many failed sign-ins from your connection. Wait 10 minutes and try again, or ask a manager on shift.';

export async function signIn(
  db: Kysely<Database>,
  input: LoginInput,
  request: SignInRequest,
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
      await auditSignInFailure(trx, check.userId, request.requestId, check.reason, lock?.isNowLocked ?? false);
    });
    throw unauthorized(SIGN_IN_FAILED);
  }

  if (await isTwoStepEnabled(db, check.user.id)) {
    // The password was right, but nothing is signed in until the code is: the second step
    // carries this token, never the password again.
    return db.transaction().execute(async (trx) => {
      const pending = await beginPendingSignIn(trx, check.user.id, request.now);
      await recordAudit(trx, {
        actorUserId: check.user.id,
        action: 'auth.sign_in_code_requested',
        entityType: 'user',
        entityId: check.user.id,
        requestId: request.requestId,
      });
      return { status: 'code_needed' as const, ...pending };
    });
  }
  return startSignedInSession(db, check.user.id, 'password', request);
}

async function startSignedInSession(
  db: Kysely<Database>,
  userId: string,
  method: 'password' | 'password+totp' | 'password+recovery_code',
  request: SignInRequest,
  beforeSession?: (trx: Kysely<Database>) => Promise<Record<string, unknown>>,
): Promise<SignInResult> {
  return db.transaction().execute(async (trx) => {
    const extraDetails = beforeSession ? await beforeSession(trx) : {};
    // A fresh token at every sign-in: a token planted before sign-in is never promoted.
    if (request.previousToken) await endSessionByToken(trx, request.previousToken);
    await noteSuccessfulSignIn(trx, userId);
    const session = await startSession(trx, userId);
    const resolved = await resolveSession(trx, session.token, { isActivity: false, allowTwoStepSetUp: true });
    // Deactivated between the password and the code.
    if (!resolved) throw unauthorized(SIGN_IN_CODE_STEP_ENDED);
    await recordAudit(trx, {
      actorUserId: userId,
      action: 'auth.signed_in',
      entityType: 'user',
      entityId: userId,
      requestId: request.requestId,
      details: { method, ...(resolved.user.mustSetUpTwoStep ? { mustSetUpTwoStep: true } : {}), ...extraDetails },
    });
    return { status: 'signed_in' as const, user: resolved.user, ...session };
  });
}

/**
 * The second step: a code from the app or a recovery code for a pending sign-in. Wrong codes
 * count like wrong passwords: towards the connection's limit and the account's lock.
 */
export async function verifySignInCode(db: Kysely<Database>, input: VerifySignInCodeInput, request: SignInRequest): Promise<SignInResult> {
  if (await isOverLimit(db, failedSignInLimit, request.clientIp, request.now)) {
    throw new UserFacingError('TOO_MANY_REQUESTS', TOO_MANY_FAILED_SIGN_INS);
  }
  const pending = await findPending(db, input.pendingToken, request.now);
  if (!pending) throw unauthorized(SIGN_IN_CODE_STEP_ENDED);
  if (pending.isExpired) {
    await db.transaction().execute(async (trx) => {
      await endPendingSignIn(trx, pending.id);
      await auditSignInFailure(trx, pending.userId, request.requestId, 'code_step_expired');
    });
    throw unauthorized(SIGN_IN_CODE_STEP_ENDED);
  }

  let refusal: { reason: string } | undefined;
  try {
    return await startSignedInSession(db, pending.userId, 'password+totp', request, async (trx) => {
      const check = await useSignInCode(trx, pending.userId, input.code, request.now);
      if (!check.ok) {
        refusal = check;
        // Rolls back: nothing of a refused code is kept but the failure counted below.
        throw new CodeRefused();
      }
      await endPendingSignIn(trx, pending.id);
      return check.method === 'recovery_code' ? { method: 'password+recovery_code', recoveryCodesLeft: await recoveryCodesLeft(trx, pending.userId) } : {};
    });
  } catch (error) {
    if (!(error instanceof CodeRefused) || !refusal) throw error;
  }

  const { triesLeft, isNowLocked } = await db.transaction().execute(async (trx) => {
    await hitLimit(trx, failedSignInLimit, request.clientIp, request.now);
    const lock = await noteFailedSignIn(trx, pending.userId);
    const left = lock.isNowLocked ? 0 : await notePendingFailure(trx, pending.id);
    if (lock.isNowLocked) await endPendingSignInsOf(trx, pending.userId);
    await auditSignInFailure(trx, pending.userId, request.requestId, refusal!.reason, lock.isNowLocked);
    return { triesLeft: left, isNowLocked: lock.isNowLocked };
  });
  if (isNowLocked || triesLeft === 0) throw unauthorized(TOO_MANY_WRONG_CODES);
  throw badRequest(refusal!.reason === 'code_reused' ? USED_CODE : WRONG_CODE, 'code');
}

class CodeRefused extends Error {}

/** Every failed sign-in is audited with its real reason, though the person is told less. */
function auditSignInFailure(trx: Kysely<Database>, userId: string | null, requestId: string, reason: string, isNowLocked = false) {
  return recordAudit(trx, {
    actorUserId: userId,
    action: 'auth.sign_in_failed',
    entityType: userId ? 'user' : undefined,
    entityId: userId ?? undefined,
    requestId,
    details: { reason, ...(isNowLocked ? { lockedNow: true } : {}) },
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
