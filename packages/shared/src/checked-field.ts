import { z } from 'zod';
import type { Checked } from './sign-in';

/**
 * A zod text field checked by one of sign-in's hand-written checks (sign-in.ts), so a rule and
 * its messages are written once for the sign-in page and for the forms built with zod.
 */
export function checkedField(check: (raw: unknown) => Checked<string>) {
  return z.string({ error: (issue) => check(issue.input).problem }).transform((raw, context) => {
    const checked = check(raw);
    if (checked.problem === undefined) return checked.value;
    context.addIssue({ code: 'custom', message: checked.problem });
    return z.NEVER;
  });
}
