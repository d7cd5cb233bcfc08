import { createHash, randomBytes, randomInt } from 'node:crypto';
import encodeQR from '@paulmillr/qr';
import type { Role } from '@harbour/shared/roles';
import { isAppCode, isTwoStepRequired, normaliseCode, RECOVERY_CODE_COUNT } from '@harbour/shared/two-step';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import { badRequest, conflict, forbidden, notFound, UserFacingError } from '../../trpc/errors';
import { recordAudit } from '../audit/audit.service';
import { failedSignInLimit, hitLimit, isOverLimit } from '../rate-limits/rate-limits.service';
import { endSessionsOfUser, liveSessionCounts } from '../sessions/sessions.service';
import { staffNamesByIds } from '../users/users.service';
import {
  claimStep,
  countPendingFailure,
  countUnusedRecoveryCodes,
  deleteExpiredPendingSignIns,
  deletePendingSignIn,
  deletePendingSignInsOf,
  deleteRecoveryCodes,
  deleteSecret,
  enableWithoutCode,
  findEnabledUserIds,
  findPendingSignIn,
  findSecret,
  insertPendingSignIn,
  replaceRecoveryCodes,
  upsertUnconfirmedSecret,
  useRecoveryCode,
} from './mfa.queries';
import { recoveryCodeHash, seal, unseal } from './secret-key';
import { groupedKey, matchingStep, newTotpKey, otpauthUri } from './totp';

/** Who is acting, for the audit trail and for checks on oneself. */
export interface MfaActor {
  userId: string;
  requestId: string;
  /** For the per-connection limit on wrong codes: a stolen session must not guess its way to switching it off. */
  clientIp?: string | null;
}

export interface TwoStepStatus {
  isEnabled: boolean;
  isRequired: boolean;
  recoveryCodesLeft: number;
}

export const WRONG_CODE = 'That code is wrong. Check your authenticator app and enter the code it shows now.';
export const USED_CODE = 'That code has been used already. Wait for your app to show a new code, then enter it.';
const NO_TWO_STEP = 'Two-step sign-in is not set up on your account';

// The key is bound to its owner: a sealed key copied onto another row will not open.
const boundTo = (userId: string): string => `two-step:${userId}`;

export async function isTwoStepEnabled(db: Kysely<Database>, userId: string): Promise<boolean> {
  return Boolean((await findSecret(db, userId))?.enabledAt);
}

export async function twoStepStatus(db: Kysely<Database>, user: { id: string; role: Role }): Promise<TwoStepStatus> {
  const secret = await findSecret(db, user.id);
  const isEnabled = Boolean(secret?.enabledAt);
  return {
    isEnabled,
    isRequired: isTwoStepRequired(user.role),
    recoveryCodesLeft: isEnabled ? await countUnusedRecoveryCodes(db, user.id) : 0,
  };
}

/** Everyone with two-step sign-in on, for the staff page. */
export async function staffWithTwoStep(db: Kysely<Database>): Promise<Set<string>> {
  return new Set(await findEnabledUserIds(db));
}

function qrCodeDataUrl(text: string): string {
  // Drawn here, not by the browser: the key never goes to a third-party QR service, and an SVG
  // data: URL is allowed by the page's img-src.
  const svg = encodeQR(text, 'svg', { ecc: 'medium', border: 4, scale: 1 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

/**
 * A fresh key to add to an authenticator app. Nothing changes for sign-in until a code from
 * the app is confirmed; starting again replaces the unconfirmed key.
 */
export async function startEnrolment(
  db: Kysely<Database>,
  user: { id: string; email: string },
): Promise<{ qrCode: string; key: string; accountName: string }> {
  const key = newTotpKey();
  const isStarted = await upsertUnconfirmedSecret(db, user.id, seal(key, boundTo(user.id)));
  if (!isStarted) throw conflict('Two-step sign-in is already on for your account');
  return { qrCode: qrCodeDataUrl(otpauthUri(key, user.email)), key: groupedKey(key), accountName: user.email };
}

function newRecoveryCodes(): string[] {
  // 20 characters from 32 with no look-alikes (no i, l, o, u): 100 bits each, shown in four groups.
  const alphabet = 'abcdefghjkmnpqrstvwxyz0123456789';
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const characters = Array.from({ length: 20 }, () => alphabet[randomInt(alphabet.length)]).join('');
    return characters.match(/.{5}/g)!.join('-');
  });
}

async function issueRecoveryCodes(trx: Kysely<Database>, userId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  await replaceRecoveryCodes(trx, userId, codes.map((code) => recoveryCodeHash(normaliseCode(code))));
  return codes;
}

/** Switches two-step sign-in on once the app's code proves the key was added, and hands out recovery codes. */
export async function confirmEnrolment(db: Kysely<Database>, actor: MfaActor, input: { code: string }, now: Date): Promise<{ recoveryCodes: string[] }> {
  const secret = await findSecret(db, actor.userId);
  if (!secret) throw badRequest('Start setting up two-step sign-in first: scan the QR code, then enter the code', 'code');
  if (secret.enabledAt) throw conflict('Two-step sign-in is already on for your account', 'code');
  const step = matchingStep(unseal(secret.secretSealed, boundTo(actor.userId)), normaliseCode(input.code), now);
  if (step === null) throw badRequest(WRONG_CODE, 'code');
  return db.transaction().execute(async (trx) => {
    if (!(await claimStep(trx, actor.userId, step, { isEnabling: true }))) throw conflict('Two-step sign-in is already on for your account', 'code');
    const recoveryCodes = await issueRecoveryCodes(trx, actor.userId);
    await recordAudit(trx, { actorUserId: actor.userId, action: 'mfa.enabled', entityType: 'user', entityId: actor.userId, requestId: actor.requestId });
    return { recoveryCodes };
  });
}

export type CodeCheck = { ok: true; method: 'totp' | 'recovery_code' } | { ok: false; reason: 'wrong_code' | 'code_reused' | 'no_two_step' };

/**
 * Checks a code from the app or a recovery code and uses it up, in the caller's transaction:
 * an app code's step can never be accepted again, a recovery code only once.
 */
export async function useSignInCode(trx: Kysely<Database>, userId: string, rawCode: string, now: Date): Promise<CodeCheck> {
  const secret = await findSecret(trx, userId);
  if (!secret?.enabledAt) return { ok: false, reason: 'no_two_step' };
  const code = normaliseCode(rawCode);
  if (isAppCode(code)) {
    const step = matchingStep(unseal(secret.secretSealed, boundTo(userId)), code, now);
    if (step === null) return { ok: false, reason: 'wrong_code' };
    return (await claimStep(trx, userId, step, { isEnabling: false })) ? { ok: true, method: 'totp' } : { ok: false, reason: 'code_reused' };
  }
  return (await useRecoveryCode(trx, userId, recoveryCodeHash(code))) ? { ok: true, method: 'recovery_code' } : { ok: false, reason: 'wrong_code' };
}

export function recoveryCodesLeft(db: Kysely<Database>, userId: string): Promise<number> {
  return countUnusedRecoveryCodes(db, userId);
}

const refusalOf = (check: Exclude<CodeCheck, { ok: true }>) =>
  check.reason === 'no_two_step' ? badRequest(NO_TWO_STEP, 'code') : badRequest(check.reason === 'code_reused' ? USED_CODE : WRONG_CODE, 'code');

export const TOO_MANY_WRONG_CODES = 'Too many wrong codes from your connection. Wait 10 minutes and try again.';

/**
 * Changing two-step sign-in asks for a current code; wrong ones count with failed sign-ins
 * from the same connection, so the code cannot be guessed by trying every number.
 */
async function withCurrentCode<T>(
  db: Kysely<Database>,
  actor: MfaActor,
  code: string,
  now: Date,
  change: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  if (await isOverLimit(db, failedSignInLimit, actor.clientIp ?? null, now)) throw new UserFacingError('TOO_MANY_REQUESTS', TOO_MANY_WRONG_CODES);
  const outcome = await db.transaction().execute(async (trx) => {
    const check = await useSignInCode(trx, actor.userId, code, now);
    if (!check.ok) return check;
    return { ok: true as const, value: await change(trx) };
  });
  if (outcome.ok) return outcome.value;
  await hitLimit(db, failedSignInLimit, actor.clientIp ?? null, now);
  throw refusalOf(outcome);
}

/** New recovery codes void the old ones; a current code proves it is the owner asking. */
export async function regenerateRecoveryCodes(db: Kysely<Database>, actor: MfaActor, input: { code: string }, now: Date): Promise<{ recoveryCodes: string[] }> {
  return withCurrentCode(db, actor, input.code, now, async (trx) => {
    const recoveryCodes = await issueRecoveryCodes(trx, actor.userId);
    await recordAudit(trx, { actorUserId: actor.userId, action: 'mfa.recovery_codes_replaced', entityType: 'user', entityId: actor.userId, requestId: actor.requestId });
    return { recoveryCodes };
  });
}

/** Staff may turn their own two-step sign-in off with a current code; managers may not. */
export async function turnOffTwoStep(db: Kysely<Database>, actor: MfaActor & { role: Role }, input: { code: string }, now: Date): Promise<{ isEnabled: false }> {
  if (isTwoStepRequired(actor.role)) throw forbidden('Managers must keep two-step sign-in on. To move it to a new phone, ask another manager to reset it.');
  return withCurrentCode(db, actor, input.code, now, async (trx) => {
    await deleteSecret(trx, actor.userId);
    await deleteRecoveryCodes(trx, actor.userId);
    await recordAudit(trx, { actorUserId: actor.userId, action: 'mfa.disabled', entityType: 'user', entityId: actor.userId, requestId: actor.requestId });
    return { isEnabled: false as const };
  });
}

/**
 * A manager clears a colleague's two-step sign-in (a lost or replaced phone). Their sessions
 * end too: whoever has the phone may be signed in as them. A manager colleague must set it up
 * again at their next sign-in.
 */
export async function resetStaffTwoStep(db: Kysely<Database>, actor: MfaActor, input: { id: string }): Promise<{ sessionsEnded: number }> {
  if (input.id === actor.userId) throw badRequest('Ask another manager to reset your own two-step sign-in', 'id');
  if (!(await staffNamesByIds(db, [input.id])).has(input.id)) throw notFound('That staff member no longer exists');
  return db.transaction().execute(async (trx) => {
    const hadTwoStep = await deleteSecret(trx, input.id);
    if (!hadTwoStep) throw conflict('Two-step sign-in is not set up for that colleague: there is nothing to reset');
    await deleteRecoveryCodes(trx, input.id);
    await deletePendingSignInsOf(trx, input.id);
    const sessionsEnded = await endSessionsOfUser(trx, input.id);
    await recordAudit(trx, { actorUserId: actor.userId, action: 'mfa.reset', entityType: 'user', entityId: input.id, requestId: actor.requestId, details: { sessionsEnded } });
    return { sessionsEnded };
  });
}

export const PENDING_SIGN_IN_MINUTES = 5;
export const PENDING_SIGN_IN_TRIES = 5;

const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** A right password waiting for its code. Only the token's hash is stored, like a session's. */
export async function beginPendingSignIn(trx: Kysely<Database>, userId: string, now: Date): Promise<{ pendingToken: string; expiresAt: Date }> {
  const pendingToken = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + PENDING_SIGN_IN_MINUTES * 60_000);
  await insertPendingSignIn(trx, { tokenHash: hashToken(pendingToken), userId, expiresAt });
  return { pendingToken, expiresAt };
}

export type PendingSignIn = { id: string; userId: string; isExpired: boolean };

export async function findPending(db: Kysely<Database>, pendingToken: string, now: Date): Promise<PendingSignIn | null> {
  const row = await findPendingSignIn(db, hashToken(pendingToken));
  if (!row) return null;
  return { id: row.id, userId: row.userId, isExpired: row.expiresAt <= now || row.failedAttempts >= PENDING_SIGN_IN_TRIES };
}

/** Counts a wrong code; the pending sign-in ends at its last try. Returns the tries left. */
export async function notePendingFailure(trx: Kysely<Database>, pendingId: string): Promise<number> {
  const failed = await countPendingFailure(trx, pendingId);
  const left = Math.max(0, PENDING_SIGN_IN_TRIES - failed);
  if (left === 0) await deletePendingSignIn(trx, pendingId);
  return left;
}

export function endPendingSignIn(trx: Kysely<Database>, pendingId: string): Promise<void> {
  return deletePendingSignIn(trx, pendingId);
}

export function endPendingSignInsOf(trx: Kysely<Database>, userId: string): Promise<void> {
  return deletePendingSignInsOf(trx, userId);
}

export function purgeExpiredPendingSignIns(db: Kysely<Database>, now: Date): Promise<void> {
  return deleteExpiredPendingSignIns(db, now);
}

/** For the staff page: who has two-step sign-in on, and how many live sessions each has. */
export async function staffSecurityOverview(db: Kysely<Database>): Promise<Array<{ id: string; hasTwoStep: boolean; liveSessions: number }>> {
  const [withTwoStep, sessions] = await Promise.all([staffWithTwoStep(db), liveSessionCounts(db)]);
  const ids = new Set([...withTwoStep, ...sessions.keys()]);
  return [...ids].map((id) => ({ id, hasTwoStep: withTwoStep.has(id), liveSessions: sessions.get(id) ?? 0 }));
}

/** Demo data only: two-step sign-in switched on with a key everyone trying Harbour can read. */
export async function enrolWithKnownKey(db: Kysely<Database>, userId: string, key: Uint8Array): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await upsertUnconfirmedSecret(trx, userId, seal(key, boundTo(userId)));
    await enableWithoutCode(trx, userId);
    await issueRecoveryCodes(trx, userId);
  });
}
