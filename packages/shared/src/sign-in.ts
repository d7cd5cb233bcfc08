// What the sign-in page checks: email and password, then the code from the app or a recovery
// code. Checked by hand, without zod, so that arriving at sign-in does not download zod (24 KB
// gzipped; even zod/mini shares a 15 KB chunk of zod's core with the other pages' schemas). The
// server takes these same schemas as its procedures' input (tRPC accepts any Standard Schema),
// and the zod schemas elsewhere build their email and code fields on the same checks
// (checked-field.ts), so each rule and message is written once. This module must not import zod (docs/decisions/017).

// argon2 hashes whatever it is given; the cap stops a megabyte "password" from costing CPU.
export const MAX_PASSWORD_LENGTH = 200;

/** The value a field holds once checked, or the message saying what is wrong with it. */
export type Checked<Value> = { value: Value; problem?: undefined } | { problem: string };

// zod's own email pattern (z.email()), so sign-in accepts the addresses staff accounts were made with.
const EMAIL_PATTERN = /^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;

/** An email address, trimmed and lower-cased. */
export function checkEmail(raw: unknown): Checked<string> {
  const email = typeof raw === 'string' ? raw.trim() : '';
  if (email === '') return { problem: 'Enter an email address' };
  if (email.length > 254) return { problem: 'Email must be at most 254 characters' };
  if (!EMAIL_PATTERN.test(email)) return { problem: 'Enter an email address like name@example.org' };
  return { value: email.toLowerCase() };
}

// Sign-in checks only presence: the rules for new passwords must not lock out old ones.
function checkPassword(raw: unknown): Checked<string> {
  if (typeof raw !== 'string' || raw === '') return { problem: 'Enter your password' };
  if (raw.length > MAX_PASSWORD_LENGTH) return { problem: 'Email or password is wrong' };
  return { value: raw };
}

// A code from the app is six digits; a recovery code is letters and digits in groups. People
// type spaces and hyphens in both, so they are dropped before checking.
export function normaliseCode(raw: string): string {
  return raw.replace(/[\s-]/g, '').toLowerCase();
}

export const isAppCode = (normalised: string): boolean => /^\d{6}$/.test(normalised);

const ANY_CODE_MESSAGE = 'Enter the 6-digit code from your app, or a recovery code';

/**
 * A code as typed (trimmed, not yet normalised): `app` takes only a 6-digit code from the
 * authenticator app (where a recovery code would make no sense), `any` a recovery code too.
 */
export function checkCode(raw: unknown, kind: 'app' | 'any'): Checked<string> {
  const code = typeof raw === 'string' ? raw.trim() : '';
  if (code === '') return { problem: 'Enter the code' };
  if (code.length > 40) return { problem: ANY_CODE_MESSAGE };
  if (kind === 'app' && !isAppCode(normaliseCode(code))) return { problem: 'Enter the 6-digit code from your authenticator app' };
  if (kind === 'any' && !/^[a-z0-9]{6,24}$/.test(normaliseCode(code))) return { problem: ANY_CODE_MESSAGE };
  return { value: code };
}

function checkPendingToken(raw: unknown): Checked<string> {
  const isWellFormed = typeof raw === 'string' && raw.length >= 20 && raw.length <= 100;
  return isWellFormed ? { value: raw } : { problem: 'Your sign-in has ended. Enter your email and password again.' };
}

/**
 * An object schema in the shape of the Standard Schema interface (standardschema.dev, copied
 * here as its authors intend), which tRPC takes as input and react-hook-form's
 * standardSchemaResolver takes in the browser.
 */
export interface FieldsSchema<Values> {
  readonly '~standard': {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (
      input: unknown,
    ) => { readonly value: Values; readonly issues?: undefined } | { readonly issues: ReadonlyArray<{ readonly message: string; readonly path: readonly string[] }> };
    readonly types?: { readonly input: Values; readonly output: Values };
  };
}

function fieldsSchema<Values extends Record<string, unknown>>(checks: { [Field in keyof Values]: (raw: unknown) => Checked<Values[Field]> }): FieldsSchema<Values> {
  const validate = (input: unknown) => {
    const fields: Record<string, unknown> = typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
    const value: Record<string, unknown> = {};
    const issues: Array<{ message: string; path: string[] }> = [];
    for (const [field, check] of Object.entries(checks) as Array<[string, (raw: unknown) => Checked<unknown>]>) {
      const checked = check(fields[field]);
      if (checked.problem === undefined) value[field] = checked.value;
      else issues.push({ message: checked.problem, path: [field] });
    }
    return issues.length > 0 ? { issues } : { value: value as Values };
  };
  return { '~standard': { version: 1, vendor: 'harbour', validate } };
}

export const loginSchema = fieldsSchema<{ email: string; password: string }>({ email: checkEmail, password: checkPassword });
export type LoginInput = { email: string; password: string };

const checkAnyCode = (raw: unknown) => checkCode(raw, 'any');

export const verifySignInCodeSchema = fieldsSchema<VerifySignInCodeInput>({ pendingToken: checkPendingToken, code: checkAnyCode });
export type VerifySignInCodeInput = { pendingToken: string; code: string };

/** The code step of the sign-in form; the server takes it with the pending token above. */
export const signInCodeSchema = fieldsSchema<{ code: string }>({ code: checkAnyCode });
