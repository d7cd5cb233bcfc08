import { z } from 'zod';
import { checkedField } from './checked-field';
import type { Role } from './roles';
import { checkCode } from './sign-in';

// The codes typed at sign-in are checked in sign-in.ts, without zod, for the sign-in page's first load.
export { isAppCode, normaliseCode, verifySignInCodeSchema, type VerifySignInCodeInput } from './sign-in';

/** Managers can change anyone's access and read every case: a password alone is not enough for them. */
export function isTwoStepRequired(role: Role): boolean {
  return role === 'manager';
}

export const TWO_STEP_REQUIRED_MESSAGE =
  'Managers must set up two-step sign-in before using Harbour. Set it up under Your account.';

export const RECOVERY_CODE_COUNT = 10;

const appCodeSchema = checkedField((raw) => checkCode(raw, 'app'));
const anyCodeSchema = checkedField((raw) => checkCode(raw, 'any'));

export const confirmEnrolmentSchema = z.object({ code: appCodeSchema });
export type ConfirmEnrolmentInput = z.infer<typeof confirmEnrolmentSchema>;

/** Turning two-step sign-in off or making new recovery codes needs a current code. */
export const currentCodeSchema = z.object({ code: anyCodeSchema });
export type CurrentCodeInput = z.infer<typeof currentCodeSchema>;

export const staffMemberSchema = z.object({ id: z.uuid({ error: 'Unknown user' }) });
export type StaffMemberInput = z.infer<typeof staffMemberSchema>;
