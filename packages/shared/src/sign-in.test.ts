import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkEmail, loginSchema, signInCodeSchema, verifySignInCodeSchema } from './sign-in';
import { confirmEnrolmentSchema, currentCodeSchema } from './two-step';
import { createUserSchema } from './users';

const check = (schema: typeof loginSchema | typeof signInCodeSchema | typeof verifySignInCodeSchema, input: unknown) =>
  schema['~standard'].validate(input);

describe('sign-in schemas', () => {
  it('trims and lower-cases the email, and keeps the password as typed', () => {
    expect(check(loginSchema, { email: ' Sam.Okafor@Harbour.Test ', password: ' pass ' })).toEqual({
      value: { email: 'sam.okafor@harbour.test', password: ' pass ' },
    });
  });

  it('names the field in every message, one issue per field', () => {
    expect(check(loginSchema, { email: '  ', password: '' })).toEqual({
      issues: [
        { message: 'Enter an email address', path: ['email'] },
        { message: 'Enter your password', path: ['password'] },
      ],
    });
    expect(check(loginSchema, { email: 'not-an-email', password: 'x' })).toEqual({
      issues: [{ message: 'Enter an email address like name@example.org', path: ['email'] }],
    });
    expect(check(loginSchema, { email: `${'a'.repeat(250)}@b.co`, password: 'x'.repeat(201) })).toEqual({
      issues: [
        { message: 'Email must be at most 254 characters', path: ['email'] },
        { message: 'Email or password is wrong', path: ['password'] },
      ],
    });
    expect(check(loginSchema, null)).toMatchObject({ issues: [{ path: ['email'] }, { path: ['password'] }] });
  });

  it('does not apply new-password rules at sign-in', () => {
    expect(check(loginSchema, { email: 'a@b.co', password: 'short' })).toEqual({ value: { email: 'a@b.co', password: 'short' } });
  });

  it('accepts the email addresses zod accepts, as staff accounts are made with zod', () => {
    const addresses = ['a@b.co', "o'neil+help@nhs.net", 'first.last@sub.example.org', 'a..b@c.org', '.a@b.co', 'a@b', 'a@-b.co', 'a b@c.org', 'ä@b.co', 'a@b.c'];
    for (const address of addresses) {
      expect(checkEmail(address).problem === undefined, address).toBe(z.email().safeParse(address).success);
    }
  });

  it('takes a 6-digit code or a recovery code, spaces and hyphens allowed', () => {
    expect(check(signInCodeSchema, { code: ' 123 456 ' })).toEqual({ value: { code: '123 456' } });
    expect(check(signInCodeSchema, { code: 'abcd-efgh-ijkl' })).toEqual({ value: { code: 'abcd-efgh-ijkl' } });
    expect(check(signInCodeSchema, { code: '' })).toEqual({ issues: [{ message: 'Enter the code', path: ['code'] }] });
    expect(check(signInCodeSchema, { code: '12' })).toEqual({
      issues: [{ message: 'Enter the 6-digit code from your app, or a recovery code', path: ['code'] }],
    });
    expect(check(verifySignInCodeSchema, { pendingToken: 'short', code: '123456' })).toEqual({
      issues: [{ message: 'Your sign-in has ended. Enter your email and password again.', path: ['pendingToken'] }],
    });
  });

  it('gives the zod schemas built on the same checks the same messages', () => {
    expect(createUserSchema.safeParse({ email: 'nope', fullName: 'Sam', role: 'adviser', password: 'twelve chars!' }).error?.issues[0]?.message).toBe(
      'Enter an email address like name@example.org',
    );
    expect(createUserSchema.safeParse({ email: 42, fullName: 'Sam', role: 'adviser', password: 'twelve chars!' }).error?.issues[0]?.message).toBe(
      'Enter an email address',
    );
    expect(currentCodeSchema.safeParse({ code: '12' }).error?.issues[0]?.message).toBe('Enter the 6-digit code from your app, or a recovery code');
    expect(currentCodeSchema.parse({ code: ' abcd-efgh ' })).toEqual({ code: 'abcd-efgh' });
    expect(confirmEnrolmentSchema.safeParse({ code: 'abcdefgh' }).error?.issues[0]?.message).toBe('Enter the 6-digit code from your authenticator app');
  });
});
