import type { Role } from '@harbour/shared/roles';
import { describe, expect, it } from 'vitest';
import { TWO_STEP_REQUIRED_MESSAGE } from '@harbour/shared/two-step';
import { turnOnTwoStep } from '../../test/two-step';
import { callerFor, createUser, DEFAULT_PASSWORD, nextRequest, recordingCookie, signInAs } from '../../test/factories';
import { useTestDatabase } from '../../test/test-database';
import { rejectionOf } from '../../test/trpc-errors';
import { resolveSession } from '../sessions/sessions.service';

const db = useTestDatabase();

const newColleague = {
  email: 'Priya.Natarajan@Harbour.test',
  fullName: 'Priya Natarajan',
  role: 'adviser',
  password: 'a long enough password',
} as const;

function usersTableSnapshot() {
  return db().selectFrom('users').select(['id', 'email', 'role', 'is_active', 'version', 'password_hash']).orderBy('email').execute();
}

function auditRows(action: string) {
  return db()
    .selectFrom('audit_events')
    .select(['actor_user_id', 'entity_id', 'details'])
    .where('action', '=', action)
    .orderBy('id')
    .execute();
}

describe('who may manage staff', () => {
  const nonManagers: Role[] = ['adviser', 'team_lead'];

  it.each(nonManagers)('a %s is FORBIDDEN to list, create or update staff', async (role) => {
    const colleague = await createUser(db());
    const caller = callerFor(db(), await createUser(db(), { role }));
    const before = await usersTableSnapshot();

    const rejections = [
      await rejectionOf(caller.users.list()),
      await rejectionOf(caller.users.create(newColleague)),
      await rejectionOf(caller.users.update({ id: colleague.id, role: 'manager' })),
    ];

    for (const rejection of rejections) {
      expect(rejection).toMatchObject({ code: 'FORBIDDEN', message: 'You do not have permission to do that' });
    }
    expect(await usersTableSnapshot()).toEqual(before);
  });

  it('nobody signed in is UNAUTHORIZED', async () => {
    const colleague = await createUser(db());
    const caller = callerFor(db(), null);

    const rejections = [
      await rejectionOf(caller.users.list()),
      await rejectionOf(caller.users.create(newColleague)),
      await rejectionOf(caller.users.update({ id: colleague.id, role: 'manager' })),
    ];

    expect(rejections.map((rejection) => rejection.code)).toEqual(['UNAUTHORIZED', 'UNAUTHORIZED', 'UNAUTHORIZED']);
  });
});

describe('users.list', () => {
  it('shows a manager every member of staff, active first, without password hashes', async () => {
    const manager = await createUser(db(), { role: 'manager', fullName: 'Grace Owusu' });
    const leaver = await createUser(db(), { fullName: 'Aaron Leaver' });
    const adviser = await createUser(db(), { fullName: 'Amira Shah' });
    await db().updateTable('users').set({ is_active: false }).where('id', '=', leaver.id).execute();

    const staff = await callerFor(db(), manager).users.list();

    expect(staff.map((member) => [member.fullName, member.isActive])).toEqual([
      ['Amira Shah', true],
      ['Grace Owusu', true],
      ['Aaron Leaver', false],
    ]);
    expect(staff.find((member) => member.id === adviser.id)).toEqual({
      id: adviser.id,
      email: adviser.email,
      fullName: 'Amira Shah',
      role: 'adviser',
      isActive: true,
      lastLoginAt: null,
      createdAt: expect.any(Date),
      version: 1,
    });
    expect(JSON.stringify(staff)).not.toContain('argon2');
  });
});

describe('users.create', () => {
  it('adds a colleague who can then sign in, and records who added them', async () => {
    const manager = await createUser(db(), { role: 'manager' });

    const created = await callerFor(db(), manager).users.create(newColleague);

    expect(created).toMatchObject({ email: 'priya.natarajan@harbour.test', fullName: 'Priya Natarajan', role: 'adviser', isActive: true, version: 1 });
    await expect(signInAs(db(), { email: newColleague.email, password: newColleague.password })).resolves.toMatchObject({
      token: expect.any(String),
    });
    expect(await auditRows('users.created')).toContainEqual({
      actor_user_id: manager.id,
      entity_id: created.id,
      details: { role: 'adviser' },
    });
  });

  it('refuses a password shorter than 12 characters, naming the field, and stores nothing', async () => {
    const manager = await createUser(db(), { role: 'manager' });
    const before = await usersTableSnapshot();
    const auditBefore = await auditRows('users.created');

    const rejection = await rejectionOf(callerFor(db(), manager).users.create({ ...newColleague, password: 'elevenchars' }));

    expect(rejection.code).toBe('BAD_REQUEST');
    expect(rejection.fieldErrors).toEqual({ password: 'Password must be at least 12 characters' });
    expect(rejection.message).toBe('Password must be at least 12 characters');
    expect(await usersTableSnapshot()).toEqual(before);
    expect(await auditRows('users.created')).toEqual(auditBefore);
  });

  it('refuses an email already in use whatever its case, and leaves no audit entry', async () => {
    const manager = await createUser(db(), { role: 'manager' });
    await createUser(db(), { email: 'priya.natarajan@harbour.test' });
    const before = await usersTableSnapshot();
    const auditBefore = await auditRows('users.created');

    const rejection = await rejectionOf(callerFor(db(), manager).users.create(newColleague));

    expect(rejection.code).toBe('CONFLICT');
    expect(rejection.fieldErrors).toEqual({ email: 'A colleague with this email already has an account' });
    expect(await usersTableSnapshot()).toEqual(before);
    expect(await auditRows('users.created')).toEqual(auditBefore);
  });
});

describe('users.update', () => {
  it('changes a role, bumps the version and records the change', async () => {
    const manager = await createUser(db(), { role: 'manager' });
    const adviser = await createUser(db());

    const updated = await callerFor(db(), manager).users.update({ id: adviser.id, role: 'team_lead', version: adviser.version });

    expect(updated).toMatchObject({ id: adviser.id, role: 'team_lead', isActive: true, version: adviser.version + 1 });
    expect(await auditRows('users.updated')).toEqual([
      { actor_user_id: manager.id, entity_id: adviser.id, details: { role: { from: 'adviser', to: 'team_lead' }, sessionsEnded: 0 } },
    ]);
  });

  it('applies a new role on the very next request of a signed-in colleague', async () => {
    const manager = await createUser(db(), { role: 'manager' });
    const adviser = await createUser(db());
    const { caller: before, token } = await signInAs(db(), adviser);
    expect((await rejectionOf(before.users.list())).code).toBe('FORBIDDEN');

    await callerFor(db(), manager).users.update({ id: adviser.id, role: 'manager' });

    // A manager must have two-step sign-in: until they set it up, the same session may only do that.
    const { caller: after } = await nextRequest(db(), token);
    await expect(after.auth.me()).resolves.toMatchObject({ role: 'manager', mustSetUpTwoStep: true });
    expect(await rejectionOf(after.users.list())).toMatchObject({ code: 'FORBIDDEN', message: TWO_STEP_REQUIRED_MESSAGE });

    await turnOnTwoStep(db(), adviser.id);
    const { caller: enrolled } = await nextRequest(db(), token);
    await expect(enrolled.users.list()).resolves.toHaveLength(2);
  });

  it('deactivating someone ends their sessions at once and stops them signing in', async () => {
    const manager = await createUser(db(), { role: 'manager' });
    const adviser = await createUser(db());
    const onDesk = await signInAs(db(), adviser);
    const onLaptop = await signInAs(db(), adviser);

    const updated = await callerFor(db(), manager).users.update({ id: adviser.id, isActive: false });

    expect(updated.isActive).toBe(false);
    expect(await resolveSession(db(), onDesk.token)).toBeNull();
    expect(await resolveSession(db(), onLaptop.token)).toBeNull();
    const rejection = await rejectionOf(
      callerFor(db(), null, { sessionCookie: recordingCookie() }).auth.login({ email: adviser.email, password: DEFAULT_PASSWORD }),
    );
    expect(rejection).toMatchObject({ code: 'UNAUTHORIZED', message: 'Email or password is wrong' });
    expect(await auditRows('users.updated')).toEqual([
      { actor_user_id: manager.id, entity_id: adviser.id, details: { isActive: { from: true, to: false }, sessionsEnded: 2 } },
    ]);
  });

  it('refuses a change made against a stale version and changes nothing', async () => {
    const manager = await createUser(db(), { role: 'manager' });
    const otherManager = await createUser(db(), { role: 'manager' });
    const adviser = await createUser(db(), { fullName: 'Amira Shah' });
    await callerFor(db(), otherManager).users.update({ id: adviser.id, role: 'team_lead', version: adviser.version });
    const before = await usersTableSnapshot();

    const rejection = await rejectionOf(
      callerFor(db(), manager).users.update({ id: adviser.id, isActive: false, version: adviser.version }),
    );

    expect(rejection.code).toBe('CONFLICT');
    expect(rejection.message).toBe("Amira Shah's account was changed by someone else a moment ago. Check the list and try again.");
    expect(await usersTableSnapshot()).toEqual(before);
    expect(await auditRows('users.updated')).toHaveLength(1);
  });

  it('says so when the staff member does not exist', async () => {
    const manager = await createUser(db(), { role: 'manager' });

    const rejection = await rejectionOf(
      callerFor(db(), manager).users.update({ id: '00000000-0000-4000-8000-000000000000', role: 'manager' }),
    );

    expect(rejection).toMatchObject({ code: 'NOT_FOUND', message: 'That staff member no longer exists' });
  });

  it('will not let a manager demote or deactivate themselves', async () => {
    const manager = await createUser(db(), { role: 'manager' });
    const caller = callerFor(db(), manager);
    const before = await usersTableSnapshot();

    const demotion = await rejectionOf(caller.users.update({ id: manager.id, role: 'adviser' }));
    const deactivation = await rejectionOf(caller.users.update({ id: manager.id, isActive: false }));

    expect(demotion.code).toBe('BAD_REQUEST');
    expect(Object.keys(demotion.fieldErrors ?? {})).toEqual(['role']);
    expect(deactivation.code).toBe('BAD_REQUEST');
    expect(Object.keys(deactivation.fieldErrors ?? {})).toEqual(['isActive']);
    expect(await usersTableSnapshot()).toEqual(before);
    expect(await auditRows('users.updated')).toEqual([]);
  });

  it('asks for something to change', async () => {
    const manager = await createUser(db(), { role: 'manager' });
    const adviser = await createUser(db());

    const rejection = await rejectionOf(callerFor(db(), manager).users.update({ id: adviser.id }));

    expect(rejection).toMatchObject({ code: 'BAD_REQUEST', fieldErrors: { role: 'Choose a role or an account status to change' } });
  });
});

describe('a manager setting a colleague a new password', () => {
  it('lets them sign in with it, lifts a lock and ends their sessions', async () => {
    const managerUser = await createUser(db(), { role: 'manager' });
    const manager = await signInAs(db(), managerUser);
    const colleague = await createUser(db());
    const colleagueSession = await signInAs(db(), colleague);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await rejectionOf(callerFor(db(), null).auth.login({ email: colleague.email, password: 'wrong guess' }));
    }

    await manager.caller.users.resetPassword({ id: colleague.id, password: 'a fresh start password' });

    expect(await resolveSession(db(), colleagueSession.token)).toBeNull();
    const signedIn = await callerFor(db(), null).auth.login({ email: colleague.email, password: 'a fresh start password' });
    expect(signedIn).toMatchObject({ status: 'signed_in', user: { id: colleague.id } });
    expect(await rejectionOf(callerFor(db(), null).auth.login({ email: colleague.email, password: colleague.password }))).toMatchObject({
      code: 'UNAUTHORIZED',
    });
    expect(await auditRows('users.password_reset')).toEqual([
      { actor_user_id: managerUser.id, entity_id: colleague.id, details: { sessionsEnded: 1 } },
    ]);
  });

  it('refuses a short password on the password field and changes nothing', async () => {
    const manager = await signInAs(db(), await createUser(db(), { role: 'manager' }));
    const colleague = await createUser(db());
    const before = await usersTableSnapshot();

    const rejection = await rejectionOf(manager.caller.users.resetPassword({ id: colleague.id, password: 'too short' }));

    expect(rejection).toMatchObject({ code: 'BAD_REQUEST', fieldErrors: { password: 'Password must be at least 12 characters' } });
    expect(await usersTableSnapshot()).toEqual(before);
  });

  it('is for managers only, and not for their own password', async () => {
    const managerUser = await createUser(db(), { role: 'manager' });
    const manager = await signInAs(db(), managerUser);
    const lead = callerFor(db(), await createUser(db(), { role: 'team_lead' }));

    expect(await rejectionOf(lead.users.resetPassword({ id: managerUser.id, password: 'a fresh start password' }))).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await rejectionOf(manager.caller.users.resetPassword({ id: managerUser.id, password: 'a fresh start password' }))).toMatchObject({
      code: 'BAD_REQUEST',
      fieldErrors: { password: 'Change your own password under Your account' },
    });
  });
});
