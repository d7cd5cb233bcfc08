import { z } from 'zod';
import type { Role } from './roles';

/** Managers can change anyone's access and read every case: a password alone is not enough for them. */
export function isTwoStepRequired(role: Role): boolean {
  return role === 'manager';
}

export const TWO_STEP_REQUIRED_MESSAGE =
  'Managers must set up two-step sign-in before using Harbour. Set it up under Your account.';

export const RECOVERY_CODE_COUNT = 10;

// A code from the app is six digits; a recovery code is letters and digits in groups. People
// type spaces and hyphens in both, so they are dropped before checking.
export function normaliseCode(raw: string): string {
  return raw.replace(/[\s-]/g, '').toLowerCase();
}

export const isAppCode = (normalised: string): boolean => /^\d{6}$/.test(normalised);

const codeText = z
  .string({ error: 'Enter the code' })
  .trim()
  .min(1, 'Enter the code')
  .max(40, 'Enter the 6-digit code from your app, or a recovery code');

/** A 6-digit code from the authenticator app (used where a recovery code would make no sense). */
export const appCodeSchema = codeText.refine((value) => isAppCode(normaliseCode(value)), {
  error: 'Enter the 6-digit code from your authenticator app',
});

/** Either a 6-digit code from the app or one of the recovery codes. */
export const anyCodeSchema = codeText.refine((value) => /^[a-z0-9]{6,24}$/.test(normaliseCode(value)), {
  error: 'Enter the 6-digit code from your app, or a recovery code',
});

export const verifySignInCodeSchema = z.object({
  pendingToken: z
    .string({ error: 'Your sign-in has ended. Enter your email and password again.' })
    .min(20, 'Your sign-in has ended. Enter your email and password again.')
    .max(100, 'Your sign-in has ended. Enter your email and password again.'),
  code: anyCodeSchema,
});
export type VerifySignInCodeInput = z.infer<typeof verifySignInCodeSchema>;

export const confirmEnrolmentSchema = z.object({ code: appCodeSchema });
export type ConfirmEnrolmentInput = z.infer<typeof confirmEnrolmentSchema>;

/** Turning two-step sign-in off or making new recovery codes needs a current code. */
export const currentCodeSchema = z.object({ code: anyCodeSchema });
export type CurrentCodeInput = z.infer<typeof currentCodeSchema>;

export const staffMemberSchema = z.object({ id: z.uuid({ error: 'Unknown user' }) });
export type StaffMemberInput = z.infer<typeof staffMemberSchema>;
