import { z } from 'zod';

// A UK postcode in its usual written form ("SW1A 1AA"), whatever spacing or case was typed.
const POSTCODE = /^([A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9][A-Z]{2})$/;
const MESSAGE = 'Enter a UK postcode, like SW1A 1AA';

/** A postcode that may be left empty (a caller's): empty or spaces mean not given. */
export const optionalPostcodeSchema = z
  .string()
  .optional()
  .transform((value) => value?.trim().toUpperCase().replace(/\s+/g, ' ') || undefined)
  .refine((value) => value === undefined || POSTCODE.test(value), MESSAGE)
  .transform((value) => value?.replace(POSTCODE, '$1 $2'));

/** A postcode that must be given (a clinic's). */
export const postcodeSchema = optionalPostcodeSchema.pipe(z.string({ error: 'Enter the postcode' }));
