import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { callerFor, createUser, signInAs } from '../../test/factories';
import { useTestDatabase } from '../../test/test-database';
import { rejectionOf } from '../../test/trpc-errors';
import { commonPasswords } from './common-passwords.generated';
import { isCommonPassword, TOO_COMMON_PASSWORD } from './users.passwords';

const db = useTestDatabase();

const STRONG = 'kettle orbit lantern moss';

function passwordHashOf(userId: string) {
  return db().selectFrom('users').select('password_hash').where('id', '=', userId).executeTakeFirstOrThrow();
}

describe('which passwords are too common', () => {
  it.each([
    ['a long password on the list', 'administrator'],
    ['a listed password in other case', '1QAZ2WSX3EDC'],
    ['a listed word padded with digits and symbols', 'Password1234!'],
    ['digits before a listed word', '123456dragon'],
    ['our own name with a year', 'Harbour-2026!'],
    ['a word repeated', 'monkeymonkey'],
    ['a short piece repeated', 'abcabcabcabc'],
    ['one character repeated', 'zzzzzzzzzzzz'],
  ])('refuses %s (%s)', (_what, password) => {
    expect(isCommonPassword(password)).toBe(true);
  });

  it.each([STRONG, 'harbour-demo staff', 'Tr0ub4dour&3 horse', 'dragon fruit at midnight'])('accepts %s', (password) => {
    expect(isCommonPassword(password)).toBe(false);
  });
});

describe('every place a new password is set refuses a common one, naming the field', () => {
  it('a manager adding a colleague', async () => {
    const manager = await createUser(db(), { role: 'manager' });
    const colleague = { email: 'priya.natarajan@harbour.test', fullName: 'Priya Natarajan', role: 'adviser' } as const;

    const rejection = await rejectionOf(callerFor(db(), manager).users.create({ ...colleague, password: 'Password1234' }));
    const created = await callerFor(db(), manager).users.create({ ...colleague, password: STRONG });

    expect(rejection).toMatchObject({ code: 'BAD_REQUEST', fieldErrors: { password: TOO_COMMON_PASSWORD } });
    expect(created.email).toBe('priya.natarajan@harbour.test');
  });

  it('a manager resetting a colleague’s password', async () => {
    const manager = await createUser(db(), { role: 'manager' });
    const adviser = await createUser(db());
    const before = await passwordHashOf(adviser.id);
    const caller = callerFor(db(), manager);

    const rejection = await rejectionOf(caller.users.resetPassword({ id: adviser.id, password: 'qwerty123456789' }));
    const unchanged = await passwordHashOf(adviser.id);
    await caller.users.resetPassword({ id: adviser.id, password: STRONG });

    expect(rejection).toMatchObject({ code: 'BAD_REQUEST', fieldErrors: { password: TOO_COMMON_PASSWORD } });
    expect(unchanged).toEqual(before);
    expect(await passwordHashOf(adviser.id)).not.toEqual(before);
  });

  it('staff changing their own password', async () => {
    const user = await createUser(db());
    const { caller } = await signInAs(db(), user);
    const before = await passwordHashOf(user.id);
    const change = (newPassword: string) => caller.users.changeOwnPassword({ currentPassword: user.password, newPassword, confirmPassword: newPassword });

    const rejection = await rejectionOf(change('HarbourHarbour'));
    const unchanged = await passwordHashOf(user.id);
    await change(STRONG);

    expect(rejection).toMatchObject({ code: 'BAD_REQUEST', fieldErrors: { newPassword: TOO_COMMON_PASSWORD } });
    expect(unchanged).toEqual(before);
    expect(await passwordHashOf(user.id)).not.toEqual(before);
  });
});

describe('the list stays on the server', () => {
  const webRoot = join(import.meta.dirname, '../../../../web');

  function filesUnder(folder: string, pattern: RegExp): string[] {
    return readdirSync(folder, { recursive: true, encoding: 'utf8' })
      .filter((name) => pattern.test(name))
      .map((name) => join(folder, name));
  }

  it('the web app reaches server code only for types', () => {
    const webSources = [...filesUnder(join(webRoot, 'src'), /\.tsx?$/), ...filesUnder(join(webRoot, '../../packages/shared/src'), /\.ts$/)];
    const valueImportsOfServer = webSources.filter((file) => {
      const text = readFileSync(file, 'utf8');
      return /common-passwords|users\.passwords/.test(text) || /import\s+(?!type\b)[^;]*from\s+'@harbour\/server/.test(text);
    });

    expect(webSources.length).toBeGreaterThan(50);
    expect(valueImportsOfServer).toEqual([]);
  });

  // The built bundle is what browsers download; it exists after `pnpm build` (as in CI and e2e).
  it.runIf(existsSync(join(webRoot, 'dist/assets')))('the built web bundle holds none of the list', () => {
    const bundle = filesUnder(join(webRoot, 'dist/assets'), /\.js$/)
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    // Long, distinctive entries: they appear in no ordinary code.
    const distinctive = commonPasswords.split('\n').filter((entry) => entry.length >= 14 && /^[a-z0-9]+$/.test(entry));

    expect(distinctive.length).toBeGreaterThan(20);
    expect(distinctive.filter((entry) => bundle.includes(entry))).toEqual([]);
    // The same search finds them in the server's bundle, so it would find them in the web's.
    const serverBundle = join(webRoot, '../server/dist/main.js');
    if (existsSync(serverBundle)) {
      const server = readFileSync(serverBundle, 'utf8');
      expect(distinctive.filter((entry) => server.includes(entry))).toEqual(distinctive);
    }
  });
});
