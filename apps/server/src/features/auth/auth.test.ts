import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { callerFor, createUser, nextRequest, recordingCookie, signInAs } from '../../test/factories';
import { useTestDatabase } from '../../test/test-database';
import { rejectionOf } from '../../test/trpc-errors';
import { resolveSession, SESSION_ABSOLUTE_HOURS } from '../sessions/sessions.service';
import { LOCK_AFTER_FAILED_SIGN_INS } from '../users/users.service';
import { SIGN_IN_FAILED, TOO_MANY_FAILED_SIGN_INS } from './auth.service';
import { failedSignInLimit } from '../rate-limits/rate-limits.service';

const db = useTestDatabase();

function attemptLogin(email: string, password: string, currentToken: string | null = null) {
  const cookie = recordingCookie(currentToken);
  const result = callerFor(db(), null, { sessionCookie: cookie }).auth.login({ email, password });
  return { cookie, result };
}

function auditActions() {
  return db().selectFrom('audit_events').select(['action', 'actor_user_id', 'entity_id', 'details']).orderBy('id').execute();
}

describe('auth.login', () => {
  it('returns who signed in and sets a session cookie that lasts the absolute limit', async () => {
    const user = await createUser(db(), { email: 'amira@harbour.test', fullName: 'Amira Shah', role: 'team_lead' });
    const { cookie, result } = attemptLogin('Amira@Harbour.test', user.password);

    expect(await result).toEqual({
      status: 'signed_in',
      user: { id: user.id, email: 'amira@harbour.test', fullName: 'Amira Shah', role: 'team_lead', mustSetUpTwoStep: false },
    });
    expect(cookie.sets).toHaveLength(1);
    const [set] = cookie.sets;
    expect(set?.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const lifetimeMs = (set?.expiresAt.getTime() ?? 0) - Date.now();
    expect(lifetimeMs).toBeGreaterThan(SESSION_ABSOLUTE_HOURS * 3_600_000 - 60_000);
    expect(lifetimeMs).toBeLessThanOrEqual(SESSION_ABSOLUTE_HOURS * 3_600_000);
    expect(await resolveSession(db(), set?.token ?? '')).toMatchObject({ user: { id: user.id } });
  });

  it('gives the same answer for a wrong password and an unknown email, and sets no cookie', async () => {
    const user = await createUser(db());

    for (const [email, password] of [
      [user.email, 'not the password at all'],
      ['nobody@harbour.test', user.password],
    ] as const) {
      const attempt = attemptLogin(email, password);
      const rejection = await rejectionOf(attempt.result);
      expect(rejection.code).toBe('UNAUTHORIZED');
      expect(rejection.message).toBe(SIGN_IN_FAILED);
      expect(rejection.message).toBe('Email or password is wrong');
      expect(attempt.cookie.sets).toHaveLength(0);
    }
    expect(await db().selectFrom('sessions').select('id').execute()).toHaveLength(0);
  });

  it('refuses a blank or malformed form field by field, with the messages the sign-in page shows', async () => {
    expect(await rejectionOf(attemptLogin(' ', '').result)).toMatchObject({
      code: 'BAD_REQUEST',
      message: 'Enter an email address',
      fieldErrors: { email: 'Enter an email address', password: 'Enter your password' },
    });
    expect(await rejectionOf(attemptLogin('not-an-email', 'x').result)).toMatchObject({
      code: 'BAD_REQUEST',
      fieldErrors: { email: 'Enter an email address like name@example.org' },
    });
  });

  it('refuses a deactivated account with the same message', async () => {
    const user = await createUser(db());
    await db().updateTable('users').set({ is_active: false }).where('id', '=', user.id).execute();

    const rejection = await rejectionOf(attemptLogin(user.email, user.password).result);

    expect(rejection).toMatchObject({ code: 'UNAUTHORIZED', message: SIGN_IN_FAILED });
  });

  it(`locks the account for 15 minutes after ${LOCK_AFTER_FAILED_SIGN_INS} wrong passwords, even against the right one`, async () => {
    const user = await createUser(db());
    for (let attempt = 0; attempt < LOCK_AFTER_FAILED_SIGN_INS - 1; attempt += 1) {
      await rejectionOf(attemptLogin(user.email, 'a wrong guess').result);
    }
    // Four misses leave the account open.
    expect((await db().selectFrom('users').select('locked_until').where('id', '=', user.id).executeTakeFirstOrThrow()).locked_until).toBeNull();

    await rejectionOf(attemptLogin(user.email, 'a wrong guess').result);
    const rejection = await rejectionOf(attemptLogin(user.email, user.password).result);

    expect(rejection).toMatchObject({ code: 'UNAUTHORIZED', message: SIGN_IN_FAILED });
    const { locked_until } = await db().selectFrom('users').select('locked_until').where('id', '=', user.id).executeTakeFirstOrThrow();
    const lockMs = (locked_until?.getTime() ?? 0) - Date.now();
    expect(lockMs).toBeGreaterThan(14 * 60_000);
    expect(lockMs).toBeLessThanOrEqual(15 * 60_000);
    const failures = (await auditActions()).filter((row) => row.action === 'auth.sign_in_failed');
    expect(failures.map((row) => row.details.reason)).toEqual([...Array(LOCK_AFTER_FAILED_SIGN_INS).fill('wrong_password'), 'locked']);
    expect(failures[LOCK_AFTER_FAILED_SIGN_INS - 1]?.details.lockedNow).toBe(true);
  });

  it('lets the right password in once the lock has run out', async () => {
    const user = await createUser(db());
    for (let attempt = 0; attempt < LOCK_AFTER_FAILED_SIGN_INS; attempt += 1) {
      await rejectionOf(attemptLogin(user.email, 'a wrong guess').result);
    }
    await sql`update users set locked_until = now() - interval '1 second' where id = ${user.id}`.execute(db());

    const { result } = attemptLogin(user.email, user.password);

    await expect(result).resolves.toMatchObject({ status: 'signed_in', user: { id: user.id } });
  });

  it('issues a new token at each sign-in and ends the session of the token the browser already had', async () => {
    const user = await createUser(db());
    const first = await signInAs(db(), user);

    const second = attemptLogin(user.email, user.password, first.token);
    await second.result;
    const secondToken = second.cookie.sets[0]?.token ?? '';

    expect(secondToken).not.toBe('');
    expect(secondToken).not.toBe(first.token);
    expect(await resolveSession(db(), first.token)).toBeNull();
    expect(await resolveSession(db(), secondToken)).toMatchObject({ user: { id: user.id } });
  });

  it('stores only the SHA-256 of the token', async () => {
    const user = await createUser(db());
    const { token } = await signInAs(db(), user);

    const rows = await db().selectFrom('sessions').select('token_hash').execute();

    expect(rows).toEqual([{ token_hash: createHash('sha256').update(token).digest('hex') }]);
    expect(rows[0]?.token_hash).not.toContain(token);
  });

  it('stores passwords as argon2id with the OWASP parameters', async () => {
    const user = await createUser(db());

    const { password_hash } = await db().selectFrom('users').select('password_hash').where('id', '=', user.id).executeTakeFirstOrThrow();

    expect(password_hash.startsWith('$argon2id$v=19$m=19456,t=2,p=1$')).toBe(true);
    expect(password_hash).not.toContain(user.password);
  });
});

describe('auth.logout', () => {
  it('ends the session on the server and clears the cookie', async () => {
    const user = await createUser(db());
    const { caller, token, cookie } = await signInAs(db(), user);

    await expect(caller.auth.logout()).resolves.toEqual({ signedOut: true });

    expect(cookie.clearCount).toBe(1);
    expect(await resolveSession(db(), token)).toBeNull();
  });

  it('clears the cookie even without a live session', async () => {
    const cookie = recordingCookie('a token from a session that has ended');

    await callerFor(db(), null, { sessionCookie: cookie }).auth.logout();

    expect(cookie.clearCount).toBe(1);
  });
});

describe('sessions', () => {
  it('ends after 30 idle minutes', async () => {
    const user = await createUser(db());
    const { token } = await signInAs(db(), user);

    await sql`update sessions set last_seen_at = now() - interval '29 minutes'`.execute(db());
    expect(await resolveSession(db(), token)).not.toBeNull();

    await sql`update sessions set last_seen_at = now() - interval '31 minutes'`.execute(db());
    expect(await resolveSession(db(), token)).toBeNull();
  });

  it('keeps a session alive while it is used', async () => {
    const user = await createUser(db());
    const { token } = await signInAs(db(), user);
    await sql`update sessions set last_seen_at = now() - interval '20 minutes'`.execute(db());

    await resolveSession(db(), token);
    await sql`update sessions set last_seen_at = last_seen_at - interval '20 minutes'`.execute(db());

    expect(await resolveSession(db(), token)).not.toBeNull();
  });

  it('ends at its absolute expiry however busy it is', async () => {
    const user = await createUser(db());
    const { token } = await signInAs(db(), user);

    await sql`update sessions set expires_at = now() - interval '1 second'`.execute(db());

    expect(await resolveSession(db(), token)).toBeNull();
  });

  it('no longer resolves once the account is deactivated', async () => {
    const user = await createUser(db());
    const { token } = await signInAs(db(), user);

    await db().updateTable('users').set({ is_active: false }).where('id', '=', user.id).execute();

    expect(await resolveSession(db(), token)).toBeNull();
  });
});

describe('auth.me', () => {
  it('answers who is signed in', async () => {
    const user = await createUser(db(), { role: 'manager' });
    const { token } = await signInAs(db(), user);
    const { caller } = await nextRequest(db(), token);

    await expect(caller.auth.me()).resolves.toEqual({ id: user.id, email: user.email, fullName: user.fullName, role: 'manager', mustSetUpTwoStep: false });
  });

  it('is UNAUTHORIZED when nobody is signed in', async () => {
    const rejection = await rejectionOf(callerFor(db(), null).auth.me());

    expect(rejection).toMatchObject({ code: 'UNAUTHORIZED', message: 'Please sign in to continue', sessionExpired: false });
  });

  it('says the session has ended when the cookie outlived it', async () => {
    const rejection = await rejectionOf(callerFor(db(), null, { sessionExpired: true }).auth.me());

    expect(rejection).toMatchObject({
      code: 'UNAUTHORIZED',
      message: 'Your session has ended. Please sign in again.',
      sessionExpired: true,
    });
  });
});

describe('audit trail', () => {
  it('records sign-in, failed sign-in with its reason, and sign-out', async () => {
    const user = await createUser(db());
    await rejectionOf(attemptLogin(user.email, 'a wrong guess').result);
    await rejectionOf(attemptLogin('nobody@harbour.test', 'a wrong guess').result);
    const { caller } = await signInAs(db(), user);
    await caller.auth.logout();

    const rows = (await auditActions()).filter((row) => row.action.startsWith('auth.'));

    expect(rows).toEqual([
      { action: 'auth.sign_in_failed', actor_user_id: user.id, entity_id: user.id, details: { reason: 'wrong_password' } },
      { action: 'auth.sign_in_failed', actor_user_id: null, entity_id: null, details: { reason: 'unknown_email' } },
      { action: 'auth.signed_in', actor_user_id: user.id, entity_id: user.id, details: { method: 'password' } },
      { action: 'auth.signed_out', actor_user_id: user.id, entity_id: user.id, details: {} },
    ]);
  });
});

describe('failed sign-ins from one connection', () => {
  it('are limited, before any password is checked, without touching other connections', async () => {
    const colleague = await createUser(db());
    const fromOneAddress = (email: string, password: string) =>
      rejectionOf(callerFor(db(), null, { clientIp: '198.51.100.77' }).auth.login({ email, password }));

    for (let attempt = 0; attempt < failedSignInLimit.limit; attempt += 1) {
      expect(await fromOneAddress(`guess${attempt}@harbour.test`, 'a guess')).toMatchObject({ code: 'UNAUTHORIZED' });
    }

    expect(await fromOneAddress(colleague.email, colleague.password)).toMatchObject({ code: 'TOO_MANY_REQUESTS', message: TOO_MANY_FAILED_SIGN_INS });
    const elsewhere = await callerFor(db(), null, { clientIp: '198.51.100.78' }).auth.login({ email: colleague.email, password: colleague.password });
    expect(elsewhere).toMatchObject({ status: 'signed_in', user: { id: colleague.id } });
  });
});
