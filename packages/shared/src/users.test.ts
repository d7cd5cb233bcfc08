import { describe, expect, it } from 'vitest';
import { changePasswordSchema, createUserSchema } from './users';

function firstMessageFor(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }, field: string) {
  return result.error?.issues.find((issue) => issue.path.join('.') === field)?.message;
}

describe('staff schemas', () => {
  const valid = { email: ' New.Person@Harbour.Test ', fullName: ' Sam Okafor ', role: 'adviser', password: 'twelve chars!' };

  it('normalises email to lower case and trims names', () => {
    const parsed = createUserSchema.parse(valid);
    expect(parsed.email).toBe('new.person@harbour.test');
    expect(parsed.fullName).toBe('Sam Okafor');
  });

  it('names the field in every message', () => {
    expect(firstMessageFor(createUserSchema.safeParse({ ...valid, password: 'short' }), 'password')).toBe(
      'Password must be at least 12 characters',
    );
    expect(firstMessageFor(createUserSchema.safeParse({ ...valid, email: 'not-an-email' }), 'email')).toMatch(/email address/);
    expect(firstMessageFor(createUserSchema.safeParse({ ...valid, role: 'admin' }), 'role')).toBe('Choose a role');
    expect(firstMessageFor(createUserSchema.safeParse({ ...valid, fullName: '  ' }), 'fullName')).toBe('Enter a full name');
  });

  it('requires the new password twice, the same', () => {
    const result = changePasswordSchema.safeParse({
      currentPassword: 'old',
      newPassword: 'a long new password',
      confirmPassword: 'a different one!!',
    });
    expect(firstMessageFor(result, 'confirmPassword')).toBe('The two new passwords do not match');
  });
});
