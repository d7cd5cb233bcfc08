import { describe, expect, it } from 'vitest';
import { createUser, signInAs } from '../../test/factories';
import { useTestDatabase } from '../../test/test-database';
import { rejectionOf } from '../../test/trpc-errors';
import { resolveSession } from '../sessions/sessions.service';

const db = useTestDatabase();

const NEW_PASSWORD = 'a brand new passphrase';

function passwordHashOf(userId: string) {
  return db().selectFrom('users').select('password_hash').where('id', '=', userId).executeTakeFirstOrThrow();
}

describe('users.changeOwnPassword', () => {
  it('refuses a wrong current password on that field and keeps the old password', async () => {
    const user = await createUser(db());
    const { caller } = await signInAs(db(), user);
    const hashBefore = await passwordHashOf(user.id);

    const rejection = await rejectionOf(
      caller.users.changeOwnPassword({ currentPassword: 'not my password', newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }),
    );

    expect(rejection.code).toBe('BAD_REQUEST');
    expect(rejection.fieldErrors).toEqual({ currentPassword: 'Your current password is wrong' });
    expect(await passwordHashOf(user.id)).toEqual(hashBefore);
  });

  it('refuses new passwords that do not match', async () => {
    const user = await createUser(db());
    const { caller } = await signInAs(db(), user);

    const rejection = await rejectionOf(
      caller.users.changeOwnPassword({ currentPassword: user.password, newPassword: NEW_PASSWORD, confirmPassword: `${NEW_PASSWORD}!` }),
    );

    expect(rejection.fieldErrors).toEqual({ confirmPassword: 'The two new passwords do not match' });
  });

  it('signs the person out everywhere else but keeps this session, and the new password works', async () => {
    const user = await createUser(db());
    const elsewhere = await signInAs(db(), user);
    const here = await signInAs(db(), user);

    const result = await here.caller.users.changeOwnPassword({
      currentPassword: user.password,
      newPassword: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
    });

    expect(result).toEqual({ otherSessionsEnded: 1 });
    expect(await resolveSession(db(), here.token)).toMatchObject({ sessionId: here.sessionId });
    expect(await resolveSession(db(), elsewhere.token)).toBeNull();
    await expect(signInAs(db(), { email: user.email, password: NEW_PASSWORD })).resolves.toBeDefined();
    expect((await rejectionOf(signInAs(db(), user))).code).toBe('UNAUTHORIZED');
    const audit = await db().selectFrom('audit_events').select(['actor_user_id', 'details']).where('action', '=', 'auth.password_changed').execute();
    expect(audit).toEqual([{ actor_user_id: user.id, details: { otherSessionsEnded: 1 } }]);
  });
});
