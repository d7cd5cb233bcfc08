import { TWO_STEP_REQUIRED_MESSAGE } from '@harbour/shared/two-step';
import { describe, expect, it } from 'vitest';
import { auditRows } from '../../test/callbacks';
import { callerFor, createUser, nextRequest, recordingCookie, signInAs, type TestUser } from '../../test/factories';
import { useTestDatabase } from '../../test/test-database';
import { rejectionOf } from '../../test/trpc-errors';
import { turnOnTwoStep, unusedCode } from '../../test/two-step';
import { appRouter } from '../../trpc/router';
import { SIGN_IN_CODE_STEP_ENDED } from '../auth/auth.service';
import { resolveSession } from '../sessions/sessions.service';
import { failedSignInLimit } from '../rate-limits/rate-limits.service';
import { PENDING_SIGN_IN_MINUTES, TOO_MANY_WRONG_CODES, USED_CODE, WRONG_CODE } from './mfa.service';
import { base32Decode, codeAt, codeForStep, stepAt } from './totp';

const db = useTestDatabase();

/** The key an authenticator app would read from the enrolment screen's text. */
const keyFromScreen = (grouped: string) => base32Decode(grouped.replaceAll(' ', ''));

function wrongCodeFor(code: string): string {
  return code === '000000' ? '111111' : '000000';
}

async function enrolThroughScreens(user: TestUser) {
  const { caller, token } = await signInAs(db(), user, { setUpTwoStepForManager: false });
  const started = await caller.mfa.startEnrolment();
  const key = keyFromScreen(started.key);
  const { recoveryCodes } = await caller.mfa.confirmEnrolment({ code: codeAt(key, new Date()) });
  return { caller, token, key, recoveryCodes };
}

function login(user: TestUser, options: { now?: Date; clientIp?: string } = {}) {
  const cookie = recordingCookie();
  const caller = callerFor(db(), null, { sessionCookie: cookie, ...options });
  return { cookie, caller, answer: caller.auth.login({ email: user.email, password: user.password }) };
}

describe('setting up two-step sign-in', () => {
  it('shows a QR code and the key as text, and switches on only after a right code from the app', async () => {
    const adviser = await createUser(db());
    const { caller } = await signInAs(db(), adviser);

    const started = await caller.mfa.startEnrolment();
    expect(started.qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(started.qrCode.split(',')[1]!, 'base64').toString()).toContain('<svg');
    expect(started.key).toMatch(/^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/);
    const key = keyFromScreen(started.key);

    const wrong = await rejectionOf(caller.mfa.confirmEnrolment({ code: wrongCodeFor(codeAt(key, new Date())) }));
    expect(wrong).toMatchObject({ code: 'BAD_REQUEST', fieldErrors: { code: WRONG_CODE } });
    await expect(caller.mfa.status()).resolves.toMatchObject({ isEnabled: false });

    const { recoveryCodes } = await caller.mfa.confirmEnrolment({ code: codeAt(key, new Date()) });
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const code of recoveryCodes) expect(code).toMatch(/^[a-z0-9]{5}(-[a-z0-9]{5}){3}$/);
    await expect(caller.mfa.status()).resolves.toEqual({ isEnabled: true, isRequired: false, recoveryCodesLeft: 10 });
    expect(await auditRows(db(), 'mfa.enabled')).toEqual([{ actorUserId: adviser.id, entityId: adviser.id, details: {} }]);
  });

  it('stores the key sealed and the recovery codes hashed, never as they were shown', async () => {
    const adviser = await createUser(db());
    const { recoveryCodes, caller } = await enrolThroughScreens(adviser);

    const secret = await db().selectFrom('two_step_secrets').selectAll().where('user_id', '=', adviser.id).executeTakeFirstOrThrow();
    const stored = await db().selectFrom('recovery_codes').select('code_hash').where('user_id', '=', adviser.id).execute();
    const everything = JSON.stringify({ secret, stored });
    for (const code of recoveryCodes) {
      expect(everything).not.toContain(code);
      expect(everything).not.toContain(code.replaceAll('-', ''));
    }
    expect(secret.secret_sealed).toMatch(/^v1\./);
    // A second start cannot replace a key that is on.
    expect(await rejectionOf(caller.mfa.startEnrolment())).toMatchObject({ code: 'CONFLICT' });
  });
});

describe('signing in with two-step sign-in on', () => {
  it('asks for a code after the password, starts no session until it is right, and records the method', async () => {
    const adviser = await createUser(db());
    const { key } = await enrolThroughScreens(adviser);
    const { cookie, caller, answer } = login(adviser);

    const first = await answer;
    expect(first).toMatchObject({ status: 'code_needed' });
    expect(cookie.sets).toEqual([]);
    if (first.status !== 'code_needed') throw new Error('unreachable');
    expect(first.pendingToken).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const wrong = await rejectionOf(caller.auth.verifyCode({ pendingToken: first.pendingToken, code: wrongCodeFor(await unusedCode(db(), adviser.id, key)) }));
    expect(wrong).toMatchObject({ code: 'BAD_REQUEST', fieldErrors: { code: WRONG_CODE } });
    expect(cookie.sets).toEqual([]);

    const signedIn = await caller.auth.verifyCode({ pendingToken: first.pendingToken, code: await unusedCode(db(), adviser.id, key) });
    expect(signedIn).toMatchObject({ status: 'signed_in', user: { id: adviser.id, mustSetUpTwoStep: false } });
    expect(cookie.sets).toHaveLength(1);
    expect(await resolveSession(db(), cookie.sets[0]!.token)).toMatchObject({ user: { id: adviser.id } });

    // The pending sign-in is used up with its session.
    expect(await rejectionOf(caller.auth.verifyCode({ pendingToken: first.pendingToken, code: '123456' }))).toMatchObject({
      code: 'UNAUTHORIZED',
      message: SIGN_IN_CODE_STEP_ENDED,
    });
    const signIns = await auditRows(db(), 'auth.signed_in');
    expect(signIns.at(-1)).toMatchObject({ actorUserId: adviser.id, details: { method: 'password+totp' } });
    expect((await auditRows(db(), 'auth.sign_in_failed')).map((row) => row.details)).toEqual([{ reason: 'wrong_code' }]);
  });

  it('refuses a code that was already used, even within its 30 seconds', async () => {
    const adviser = await createUser(db());
    const { key } = await enrolThroughScreens(adviser);
    const now = new Date();
    const code = codeForStep(key, stepAt(now) + 1);

    const first = await login(adviser).answer;
    if (first.status !== 'code_needed') throw new Error('expected the code step');
    await callerFor(db(), null).auth.verifyCode({ pendingToken: first.pendingToken, code });

    const second = await login(adviser).answer;
    if (second.status !== 'code_needed') throw new Error('expected the code step');
    expect(await rejectionOf(callerFor(db(), null).auth.verifyCode({ pendingToken: second.pendingToken, code }))).toMatchObject({
      code: 'BAD_REQUEST',
      fieldErrors: { code: USED_CODE },
    });
    expect((await auditRows(db(), 'auth.sign_in_failed')).map((row) => row.details)).toEqual([{ reason: 'code_reused' }]);
  });

  it(`ends the code step after ${PENDING_SIGN_IN_MINUTES} minutes`, async () => {
    const adviser = await createUser(db());
    const { key } = await enrolThroughScreens(adviser);
    const started = new Date();
    const first = await login(adviser, { now: started }).answer;
    if (first.status !== 'code_needed') throw new Error('expected the code step');

    const later = new Date(started.getTime() + PENDING_SIGN_IN_MINUTES * 60_000 + 1_000);
    const late = callerFor(db(), null, { now: later }).auth.verifyCode({ pendingToken: first.pendingToken, code: codeAt(key, later) });

    expect(await rejectionOf(late)).toMatchObject({ code: 'UNAUTHORIZED', message: SIGN_IN_CODE_STEP_ENDED });
    expect((await auditRows(db(), 'auth.sign_in_failed')).map((row) => row.details)).toEqual([{ reason: 'code_step_expired' }]);
    expect(await db().selectFrom('pending_sign_ins').select('id').execute()).toEqual([]);
  });

  it('allows five tries: wrong codes count as failed sign-ins, lock the account and end the code step', async () => {
    const adviser = await createUser(db());
    const { key } = await enrolThroughScreens(adviser);
    const first = await login(adviser, { clientIp: '198.51.100.20' }).answer;
    if (first.status !== 'code_needed') throw new Error('expected the code step');
    const guess = () => callerFor(db(), null, { clientIp: '198.51.100.20' }).auth.verifyCode({ pendingToken: first.pendingToken, code: wrongCodeFor(codeAt(key, new Date())) });

    for (let attempt = 1; attempt < 5; attempt += 1) expect(await rejectionOf(guess())).toMatchObject({ code: 'BAD_REQUEST' });
    expect(await rejectionOf(guess())).toMatchObject({ code: 'UNAUTHORIZED', message: 'Too many wrong codes. Enter your email and password again.' });

    // The right code is too late now, and the password alone no longer gets anywhere.
    const right = callerFor(db(), null).auth.verifyCode({ pendingToken: first.pendingToken, code: await unusedCode(db(), adviser.id, key) });
    expect(await rejectionOf(right)).toMatchObject({ code: 'UNAUTHORIZED', message: SIGN_IN_CODE_STEP_ENDED });
    expect(await rejectionOf(login(adviser).answer)).toMatchObject({ code: 'UNAUTHORIZED' });
    const failures = await auditRows(db(), 'auth.sign_in_failed');
    expect(failures.filter((row) => (row.details as { reason: string }).reason === 'wrong_code')).toHaveLength(5);
    expect(failures.some((row) => (row.details as { lockedNow?: boolean }).lockedNow)).toBe(true);
    const counted = await db().selectFrom('rate_limit_counters').select('hits').where('bucket', 'like', 'sign-in-failures:%').execute();
    expect(counted.reduce((sum, row) => sum + row.hits, 0)).toBeGreaterThanOrEqual(5);
  });

  it('accepts each recovery code once; new codes void the old ones', async () => {
    const adviser = await createUser(db());
    const { recoveryCodes, key, caller } = await enrolThroughScreens(adviser);
    const [first, second] = recoveryCodes as [string, string];

    const pending = await login(adviser).answer;
    if (pending.status !== 'code_needed') throw new Error('expected the code step');
    // Typed in capitals without the hyphens, as people do.
    const signedIn = await callerFor(db(), null).auth.verifyCode({ pendingToken: pending.pendingToken, code: first.replaceAll('-', ' ').toUpperCase() });
    expect(signedIn).toMatchObject({ status: 'signed_in' });
    expect((await auditRows(db(), 'auth.signed_in')).at(-1)).toMatchObject({ details: { method: 'password+recovery_code', recoveryCodesLeft: 9 } });

    const again = await login(adviser).answer;
    if (again.status !== 'code_needed') throw new Error('expected the code step');
    expect(await rejectionOf(callerFor(db(), null).auth.verifyCode({ pendingToken: again.pendingToken, code: first }))).toMatchObject({
      fieldErrors: { code: WRONG_CODE },
    });
    await expect(caller.mfa.status()).resolves.toMatchObject({ recoveryCodesLeft: 9 });

    expect(await rejectionOf(caller.mfa.regenerateRecoveryCodes({ code: wrongCodeFor(codeAt(key, new Date())) }))).toMatchObject({ fieldErrors: { code: WRONG_CODE } });
    const renewed = await caller.mfa.regenerateRecoveryCodes({ code: codeForStep(key, stepAt(new Date()) + 1) });
    expect(renewed.recoveryCodes).toHaveLength(10);
    await expect(caller.mfa.status()).resolves.toMatchObject({ recoveryCodesLeft: 10 });
    expect(await auditRows(db(), 'mfa.recovery_codes_replaced')).toHaveLength(1);

    const withOld = await login(adviser).answer;
    if (withOld.status !== 'code_needed') throw new Error('expected the code step');
    expect(await rejectionOf(callerFor(db(), null).auth.verifyCode({ pendingToken: withOld.pendingToken, code: second }))).toMatchObject({
      fieldErrors: { code: WRONG_CODE },
    });
    await expect(callerFor(db(), null).auth.verifyCode({ pendingToken: withOld.pendingToken, code: renewed.recoveryCodes[0]! })).resolves.toMatchObject({
      status: 'signed_in',
    });
  });
});

describe('a manager without two-step sign-in', () => {
  it('can set it up, ask who they are and sign out, and nothing else, until it is on', async () => {
    const manager = await createUser(db(), { role: 'manager' });
    const { caller, token } = await signInAs(db(), manager, { setUpTwoStepForManager: false });
    await expect(caller.auth.me()).resolves.toMatchObject({ role: 'manager', mustSetUpTwoStep: true });
    // Outside tRPC (report and subject-access downloads) the session does not count at all.
    expect(await resolveSession(db(), token)).toBeNull();

    const open = new Set(['auth.me', 'auth.logout', 'auth.login', 'auth.verifyCode', 'mfa.status', 'mfa.startEnrolment', 'mfa.confirmEnrolment']);
    const anyone = callerFor(db(), null) as unknown as Record<string, Record<string, (input?: unknown) => Promise<unknown>>>;
    const restricted = caller as unknown as typeof anyone;
    const paths = Object.keys((appRouter as unknown as { _def: { procedures: Record<string, unknown> } })._def.procedures);
    const unexpected: string[] = [];
    for (const path of paths) {
      const [group, name] = path.split('.') as [string, string];
      // Procedures open to the public (the callback form) stay open to everyone.
      const asAnyone = await rejectionOf(anyone[group]![name]!(undefined)).catch(() => null);
      if (open.has(path) || asAnyone?.code !== 'UNAUTHORIZED') continue;
      const answer = await rejectionOf(restricted[group]![name]!(undefined)).catch(() => null);
      if (answer?.code !== 'FORBIDDEN' || answer.message !== TWO_STEP_REQUIRED_MESSAGE) unexpected.push(`${path}: ${answer?.code ?? 'served'}`);
    }
    expect(unexpected).toEqual([]);
    expect(paths.length).toBeGreaterThan(50);

    const started = await caller.mfa.startEnrolment();
    await caller.mfa.confirmEnrolment({ code: codeAt(keyFromScreen(started.key), new Date()) });
    const { caller: freed } = await nextRequest(db(), token);
    await expect(freed.users.list()).resolves.toHaveLength(1);
    await expect(freed.auth.me()).resolves.toMatchObject({ mustSetUpTwoStep: false });
  }, 60_000);

  it('signs in with a session that is marked in the audit trail', async () => {
    const manager = await createUser(db(), { role: 'manager' });
    const { answer } = login(manager);
    expect(await answer).toMatchObject({ status: 'signed_in', user: { mustSetUpTwoStep: true } });
    expect(await auditRows(db(), 'auth.signed_in')).toEqual([
      { actorUserId: manager.id, entityId: manager.id, details: { method: 'password', mustSetUpTwoStep: true } },
    ]);
  });
});

describe('turning two-step sign-in off', () => {
  it('is open to staff with a current code, and not to managers', async () => {
    const adviser = await createUser(db());
    const { caller, key } = await enrolThroughScreens(adviser);
    expect(await rejectionOf(caller.mfa.turnOff({ code: wrongCodeFor(codeAt(key, new Date())) }))).toMatchObject({ fieldErrors: { code: WRONG_CODE } });
    await caller.mfa.turnOff({ code: codeForStep(key, stepAt(new Date()) + 1) });
    await expect(caller.mfa.status()).resolves.toEqual({ isEnabled: false, isRequired: false, recoveryCodesLeft: 0 });
    expect(await db().selectFrom('recovery_codes').select('id').where('user_id', '=', adviser.id).execute()).toEqual([]);
    await expect(login(adviser).answer).resolves.toMatchObject({ status: 'signed_in' });

    const manager = await createUser(db(), { role: 'manager' });
    const signedIn = await signInAs(db(), manager);
    const refusal = await rejectionOf(signedIn.caller.mfa.turnOff({ code: await unusedCode(db(), manager.id) }));
    expect(refusal).toMatchObject({ code: 'FORBIDDEN' });
    expect(refusal.message).toContain('Managers must keep two-step sign-in on');
    expect(await auditRows(db(), 'mfa.disabled')).toEqual([{ actorUserId: adviser.id, entityId: adviser.id, details: {} }]);
  });
});

describe('guessing a code from inside a session', () => {
  it('counts wrong codes with failed sign-ins from the connection, and stops them at the limit', async () => {
    const adviser = await createUser(db());
    const { key } = await enrolThroughScreens(adviser);
    const caller = callerFor(db(), adviser, { clientIp: '198.51.100.99' });
    const wrong = wrongCodeFor(codeAt(key, new Date()));

    for (let attempt = 0; attempt < failedSignInLimit.limit; attempt += 1) {
      expect(await rejectionOf(caller.mfa.turnOff({ code: wrong }))).toMatchObject({ code: 'BAD_REQUEST' });
    }
    expect(await rejectionOf(caller.mfa.turnOff({ code: await unusedCode(db(), adviser.id, key) }))).toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      message: TOO_MANY_WRONG_CODES,
    });
    await expect(caller.mfa.status()).resolves.toMatchObject({ isEnabled: true });
  }, 60_000);
});

describe('a manager resetting a colleague\'s two-step sign-in', () => {
  it('clears it, ends their sessions and records it; not for themselves', async () => {
    const manager = await createUser(db(), { role: 'manager' });
    const colleague = await createUser(db());
    await turnOnTwoStep(db(), colleague.id);
    const colleagueSession = await signInAs(db(), colleague);
    const { caller } = await signInAs(db(), manager);

    await expect(caller.users.securityOverview()).resolves.toEqual(
      expect.arrayContaining([
        { id: colleague.id, hasTwoStep: true, liveSessions: 1 },
        { id: manager.id, hasTwoStep: true, liveSessions: 1 },
      ]),
    );
    await expect(caller.users.resetTwoStep({ id: colleague.id })).resolves.toEqual({ sessionsEnded: 1 });

    expect(await resolveSession(db(), colleagueSession.token)).toBeNull();
    await expect(callerFor(db(), colleague).mfa.status()).resolves.toMatchObject({ isEnabled: false });
    await expect(login(colleague).answer).resolves.toMatchObject({ status: 'signed_in' });
    expect(await auditRows(db(), 'mfa.reset')).toEqual([{ actorUserId: manager.id, entityId: colleague.id, details: { sessionsEnded: 1 } }]);

    expect(await rejectionOf(caller.users.resetTwoStep({ id: colleague.id }))).toMatchObject({ code: 'CONFLICT' });
    expect(await rejectionOf(caller.users.resetTwoStep({ id: manager.id }))).toMatchObject({ code: 'BAD_REQUEST', fieldErrors: { id: 'Ask another manager to reset your own two-step sign-in' } });
    expect(await rejectionOf(caller.users.resetTwoStep({ id: '00000000-0000-4000-8000-000000000000' }))).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('sessions', () => {
  it('counts and signs out your other sessions, keeping this one', async () => {
    const adviser = await createUser(db());
    const onLaptop = await signInAs(db(), adviser);
    const onPhone = await signInAs(db(), adviser);
    const here = await signInAs(db(), adviser);

    await expect(here.caller.sessions.mine()).resolves.toEqual({ otherSessions: 2 });
    await expect(here.caller.sessions.endOthers()).resolves.toEqual({ sessionsEnded: 2 });

    expect(await resolveSession(db(), onLaptop.token)).toBeNull();
    expect(await resolveSession(db(), onPhone.token)).toBeNull();
    await expect(here.caller.sessions.mine()).resolves.toEqual({ otherSessions: 0 });
    expect(await auditRows(db(), 'auth.other_sessions_ended')).toEqual([{ actorUserId: adviser.id, entityId: adviser.id, details: { sessionsEnded: 2 } }]);
  });

  it('lets a manager end every session of a colleague, whose next request must sign in again', async () => {
    const manager = await createUser(db(), { role: 'manager' });
    const colleague = await createUser(db(), { role: 'team_lead' });
    const colleagueSession = await signInAs(db(), colleague);
    const { caller } = await signInAs(db(), manager);

    await expect(caller.users.endSessions({ id: colleague.id })).resolves.toEqual({ sessionsEnded: 1 });

    // What app.ts does with the cookie on the next request: no session, so the caller is anonymous.
    expect(await resolveSession(db(), colleagueSession.token, { allowTwoStepSetUp: true })).toBeNull();
    expect(await rejectionOf(callerFor(db(), null, { sessionExpired: true }).cases.list({}))).toMatchObject({ code: 'UNAUTHORIZED', sessionExpired: true });
    expect(await auditRows(db(), 'users.sessions_ended')).toEqual([{ actorUserId: manager.id, entityId: colleague.id, details: { sessionsEnded: 1 } }]);
    expect(await rejectionOf(caller.users.endSessions({ id: manager.id }))).toMatchObject({ code: 'BAD_REQUEST' });
  });
});
