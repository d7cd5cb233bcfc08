import { z } from 'zod';
import { caseReferenceSchema } from './cases';
import { pastLondonDaySchema } from './london-day';
import { labelsOf, valuesOf } from './options';

// UK GDPR tools for managers: subject access, erasure and withdrawal of consent to contact.

/** What an erased name reads as everywhere a name is shown. */
export const ERASED_NAME = 'Erased';

/** Years after a case closes before the retention job anonymises it, unless configured. */
export const DEFAULT_RETENTION_YEARS = 6;

const referenceField = caseReferenceSchema.shape.reference;

/** The case a manager starts from, and the other cases of the same person they chose to include. */
export const subjectSchema = z.object({
  reference: referenceField,
  alsoInclude: z.array(referenceField).max(50, 'Choose at most 50 other cases').default([]),
});
export type SubjectInput = z.input<typeof subjectSchema>;

export const findSubjectSchema = z.object({ reference: referenceField });

// The grounds for erasure in UK GDPR Article 17(1) that apply to Harbour, as codes: the audit
// trail keeps the reason without anyone's words in it.
export const erasureReasonOptions = [
  { value: 'person_asked', label: 'The person asked us to erase their details' },
  { value: 'consent_withdrawn', label: 'They withdrew their consent and nothing else lets us keep it' },
  { value: 'no_longer_needed', label: 'We no longer need it for the reason we collected it' },
  { value: 'objection_upheld', label: 'They objected and we have no overriding reason to keep it' },
  { value: 'held_unlawfully', label: 'It should never have been recorded' },
] as const;
export type ErasureReason = (typeof erasureReasonOptions)[number]['value'];
export const erasureReasonLabels = labelsOf(erasureReasonOptions);

export const erasePersonSchema = subjectSchema
  .extend({
    confirmReference: z.string({ error: 'Type the case reference to confirm' }).trim().toUpperCase(),
    reason: z.enum(valuesOf(erasureReasonOptions), { error: 'Choose the reason for erasing' }),
  })
  .refine((input) => input.confirmReference === input.reference, {
    error: 'Type the case reference exactly to confirm',
    path: ['confirmReference'],
  });
export type ErasePersonInput = z.input<typeof erasePersonSchema>;

export const contactWithdrawalChannelOptions = [
  { value: 'phone', label: 'By phone' },
  { value: 'email', label: 'By email' },
  { value: 'letter', label: 'By letter' },
  { value: 'in_person', label: 'In person' },
] as const;
export type ContactWithdrawalChannel = (typeof contactWithdrawalChannelOptions)[number]['value'];
export const contactWithdrawalChannelLabels = labelsOf(contactWithdrawalChannelOptions);

export const withdrawContactConsentSchema = z.object({
  reference: referenceField,
  withdrawnOn: pastLondonDaySchema('Date they told us'),
  via: z.enum(valuesOf(contactWithdrawalChannelOptions), { error: 'Choose how they told us' }),
});
export type WithdrawContactConsentInput = z.input<typeof withdrawContactConsentSchema>;
