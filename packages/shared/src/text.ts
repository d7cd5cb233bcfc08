import { z } from 'zod';

// Free text is stored and shown as typed; markup is refused rather than silently escaped,
// so what an adviser reads is exactly what the person wrote.
// A tag opens with '<' straight before a letter, '/', '!' or '?'; "a < b" and "<3" are fine.
const MARKUP = /<[a-z!/?]/i;
// Control characters are never typed; PostgreSQL cannot store NUL at all, so one sent by a
// script would otherwise fail the whole request. Tabs and line breaks are kept.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Whether text holds a control character other than a tab or line break. */
export const hasControlCharacters = (value: string): boolean => CONTROL.test(value);

/** Trimmed text of at most `max` characters without markup; `name` starts each message. */
export function plainText(name: string, max: number) {
  return z
    .string({ error: `Enter ${name.toLowerCase()}` })
    .trim()
    .max(max, `${name} must be at most ${max.toLocaleString('en-GB')} characters`)
    .refine((value) => !MARKUP.test(value), `${name} must not contain HTML or other markup`)
    .refine((value) => !hasControlCharacters(value), `${name} must not contain control characters`);
}

/** As plainText, but optional: empty means not given. */
export function optionalPlainText(name: string, max: number) {
  return z
    .string()
    .optional()
    .transform((value) => (value?.trim() ? value.trim() : undefined))
    .pipe(plainText(name, max).optional());
}
