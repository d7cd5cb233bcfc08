import { z } from 'zod';
import { forWhomOptions, optionalEmailSchema, phoneSchema, type ForWhom } from './callbacks';
import { substanceIds } from './substances';
import { hasControlCharacters, optionalPlainText, plainText } from './text';

// Kept importable from here; screens on the first download import case-stages.ts directly.
export { caseStages, stageLabels, type CaseStage } from './case-stages';

const forWhomValues = forWhomOptions.map((option) => option.value) as [ForWhom, ...ForWhom[]];

/** An enquiry opened from a call that came in to the helpline, not from a callback request. */
export const inboundCallSchema = z.object({
  callerName: plainText('Caller name', 120).min(1, "Enter the caller's name"),
  phone: phoneSchema,
  email: optionalEmailSchema,
  forWhom: z.enum(forWhomValues, { error: 'Choose who the call is about' }),
  clientName: optionalPlainText('Client name', 120),
  substances: z.array(z.enum(substanceIds, { error: 'Choose from the list' })).max(substanceIds.length).optional(),
  immediateDanger: z.boolean({ error: 'Answer whether anyone is in immediate danger' }),
  consentToContact: z.literal(true, { error: 'The caller must agree to be contacted before an enquiry can be opened' }),
  consentToHealthData: z.boolean(),
  notes: optionalPlainText('Notes', 2000),
  existingCaseId: z.uuid().optional(),
});
export type InboundCallInput = z.input<typeof inboundCallSchema>;

export const previousContactsSchema = z
  .object({
    // What was typed so far, matched loosely; only control characters are refused, as
    // PostgreSQL cannot compare text holding NUL (a 500, found by fuzzing).
    phone: z.string().max(40).refine((phone) => !hasControlCharacters(phone), 'Phone must not contain control characters').optional(),
    email: z.string().max(254).refine((email) => !hasControlCharacters(email), 'Email must not contain control characters').optional(),
  })
  .refine((input) => Boolean(input.phone?.trim() || input.email?.trim()), { error: 'Enter a phone number or email', path: ['phone'] });

export const caseReferenceSchema = z.object({
  reference: z.string().trim().toUpperCase().regex(/^H-\d{4}-\d{5,}$/, 'Case references look like H-2026-00042'),
});
