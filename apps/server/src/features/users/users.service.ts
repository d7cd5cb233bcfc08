import type { Role } from '@harbour/shared/roles';
import type { ChangePasswordInput, CreateUserInput, ResetPasswordInput, UpdateUserInput } from '@harbour/shared/users';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import { isUniqueViolation } from '../../db/errors';
import { badRequest, conflict, notFound } from '../../trpc/errors';
import { recordAudit } from '../audit/audit.service';
import { endSessionsOfUser } from '../sessions/sessions.service';
import { hashPassword, isCommonPassword, TOO_COMMON_PASSWORD, verifyAgainstDecoy, verifyPassword } from './users.passwords';
import {
  countUsers,
  findActiveStaff,
  findCredentialsByEmail,
  findIsActive,
  findNamesByIds,
  findPasswordHashById,
  findStaff,
  findStaffById,
  insertUser,
  recordFailedSignIn,
  recordSuccessfulSignIn,
  updatePasswordHash,
  updateUserAccess,
} from './users.queries';

export const LOCK_AFTER_FAILED_SIGN_INS = 5;
export const LOCK_MINUTES = 15;

/** Who is acting, for the audit trail. */
export interface Actor {
  /** null when Harbour itself acts, as when seeding demo data. */
  userId: string | null;
  requestId: string;
}

export type StaffMember = Awaited<ReturnType<typeof findStaff>>[number];

/** Every new password passes here: checked on the server, so the list stays out of the web app. */
function hashNewPassword(password: string, field: string): Promise<string> {
  if (isCommonPassword(password)) throw badRequest(TOO_COMMON_PASSWORD, field);
  return hashPassword(password);
}

export function listStaff(db: Kysely<Database>): Promise<StaffMember[]> {
  return findStaff(db);
}

export async function createStaffMember(db: Kysely<Database>, actor: Actor, input: CreateUserInput): Promise<StaffMember> {
  const passwordHash = await hashNewPassword(input.password, 'password');
  try {
    return await db.transaction().execute(async (trx) => {
      const created = await insertUser(trx, {
        email: input.email,
        full_name: input.fullName,
        role: input.role,
        password_hash: passwordHash,
      });
      await recordAudit(trx, {
        actorUserId: actor.userId,
        action: 'users.created',
        entityType: 'user',
        entityId: created.id,
        requestId: actor.requestId,
        details: { role: created.role },
      });
      return created;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('A colleague with this email already has an account', 'email');
    throw error;
  }
}

export async function updateStaffAccess(db: Kysely<Database>, actor: Actor, input: UpdateUserInput): Promise<StaffMember> {
  // A manager demoting or deactivating themselves could leave nobody able to manage staff.
  if (input.id === actor.userId) {
    throw badRequest('You cannot change your own role or deactivate yourself: ask another manager', input.role !== undefined ? 'role' : 'isActive');
  }
  return db.transaction().execute(async (trx) => {
    const before = await findStaffById(trx, input.id);
    if (!before) throw notFound('That staff member no longer exists');
    const after = await updateUserAccess(trx, input.id, { role: input.role, isActive: input.isActive }, input.version);
    if (!after) {
      throw conflict(`${before.fullName}'s account was changed by someone else a moment ago. Check the list and try again.`);
    }
    const sessionsEnded = after.isActive ? 0 : await endSessionsOfUser(trx, after.id);
    await recordAudit(trx, {
      actorUserId: actor.userId,
      action: 'users.updated',
      entityType: 'user',
      entityId: after.id,
      requestId: actor.requestId,
      details: {
        role: before.role === after.role ? undefined : { from: before.role, to: after.role },
        isActive: before.isActive === after.isActive ? undefined : { from: before.isActive, to: after.isActive },
        sessionsEnded,
      },
    });
    return after;
  });
}

/**
 * A manager sets a new password for a colleague who has forgotten theirs or is locked out:
 * the lock lifts and every session of theirs ends, in case someone else was using it.
 */
export async function resetStaffPassword(db: Kysely<Database>, actor: Actor, input: ResetPasswordInput): Promise<StaffMember> {
  if (input.id === actor.userId) throw badRequest('Change your own password under Your account', 'password');
  const newHash = await hashNewPassword(input.password, 'password');
  return db.transaction().execute(async (trx) => {
    const member = await findStaffById(trx, input.id);
    if (!member) throw notFound('That staff member no longer exists');
    await updatePasswordHash(trx, member.id, newHash);
    const sessionsEnded = await endSessionsOfUser(trx, member.id);
    await recordAudit(trx, {
      actorUserId: actor.userId,
      action: 'users.password_reset',
      entityType: 'user',
      entityId: member.id,
      requestId: actor.requestId,
      details: { sessionsEnded },
    });
    return member;
  });
}

export type CredentialCheck =
  | { ok: true; user: { id: string; email: string; fullName: string; role: Role } }
  | { ok: false; userId: string | null; reason: 'unknown_email' | 'wrong_password' | 'locked' | 'inactive' };

/** Checks a password without writing anything; the caller records the outcome in its transaction. */
export async function checkCredentials(db: Kysely<Database>, email: string, password: string): Promise<CredentialCheck> {
  const account = await findCredentialsByEmail(db, email);
  if (!account) {
    await verifyAgainstDecoy(password);
    return { ok: false, userId: null, reason: 'unknown_email' };
  }
  const isPasswordRight = await verifyPassword(account.passwordHash, password);
  if (account.isLocked) return { ok: false, userId: account.id, reason: 'locked' };
  if (!isPasswordRight) return { ok: false, userId: account.id, reason: 'wrong_password' };
  if (!account.isActive) return { ok: false, userId: account.id, reason: 'inactive' };
  return { ok: true, user: { id: account.id, email: account.email, fullName: account.fullName, role: account.role } };
}

export function noteFailedSignIn(trx: Kysely<Database>, userId: string): Promise<{ isNowLocked: boolean }> {
  return recordFailedSignIn(trx, userId, LOCK_AFTER_FAILED_SIGN_INS, LOCK_MINUTES);
}

export function noteSuccessfulSignIn(trx: Kysely<Database>, userId: string): Promise<void> {
  return recordSuccessfulSignIn(trx, userId);
}

/** Changing your password signs you out everywhere else: the old one may be why you changed it. */
export async function changeOwnPassword(
  db: Kysely<Database>,
  actor: { userId: string; requestId: string; sessionId: string | null },
  input: ChangePasswordInput,
): Promise<{ otherSessionsEnded: number }> {
  const current = await findPasswordHashById(db, actor.userId);
  if (!current || !(await verifyPassword(current.passwordHash, input.currentPassword))) {
    throw badRequest('Your current password is wrong', 'currentPassword');
  }
  const newHash = await hashNewPassword(input.newPassword, 'newPassword');
  return db.transaction().execute(async (trx) => {
    await updatePasswordHash(trx, actor.userId, newHash);
    const otherSessionsEnded = await endSessionsOfUser(trx, actor.userId, actor.sessionId ?? undefined);
    await recordAudit(trx, {
      actorUserId: actor.userId,
      action: 'auth.password_changed',
      entityType: 'user',
      entityId: actor.userId,
      requestId: actor.requestId,
      details: { otherSessionsEnded },
    });
    return { otherSessionsEnded };
  });
}

export function hasAnyUser(db: Kysely<Database>): Promise<boolean> {
  return countUsers(db).then((count) => count > 0);
}

/** Who can take work: every active member of staff, by name. */
export function listActiveStaff(db: Kysely<Database>) {
  return findActiveStaff(db);
}

export function isActiveStaffMember(db: Kysely<Database>, id: string): Promise<boolean> {
  return findIsActive(db, id);
}

/** Staff names by id, for history that stores who by id. */
export async function staffNamesByIds(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, string>> {
  const found = await findNamesByIds(db, [...new Set(ids)]);
  return new Map(found.map((member) => [member.id, member.fullName]));
}
