import { z } from 'zod';
import { callWindows, latestBookableAt } from './callback-rules';
import { toUkE164 } from './phone';
import { substanceIds } from './substances';
import { optionalPlainText, plainText } from './text';
import { forWhomOptions, type ForWhom } from './for-whom';

// Kept importable from here; screens on the first download import for-whom.ts directly.
export { callerForWhomOptions, forWhomLabels, forWhomOptions, forWhomShortLabels, type ForWhom } from './for-whom';
const forWhomValues = forWhomOptions.map((option) => option.value) as [ForWhom, ...ForWhom[]];

// The exact words the person agreed to. Stored with their answer and its time, so what was
// consented to can always be shown later, even after this wording changes.
export const CONSENT_TO_CONTACT_TEXT =
  'I agree to Harbour Referrals calling me, and leaving a message if I miss the call, about this request.';
export const CONSENT_TO_HEALTH_DATA_TEXT =
  'I agree to Harbour Referrals recording what I share about health, substance use and wellbeing, so an adviser can assess what help is needed. I can withdraw this at any time.';

export const phoneSchema = z
  .string({ error: 'Enter a phone number' })
  .trim()
  .min(1, 'Enter a phone number')
  .max(40, 'Enter a UK phone number, like 07400 123456 or 020 7946 0000')
  .transform((value, context) => {
    const e164 = toUkE164(value);
    if (!e164) {
      context.addIssue({ code: 'custom', message: 'Enter a UK phone number, like 07400 123456 or 020 7946 0000' });
      return z.NEVER;
    }
    return e164;
  });

export const optionalEmailSchema = z
  .string()
  .optional()
  .transform((value) => (value?.trim() ? value.trim().toLowerCase() : undefined))
  .pipe(z.email({ error: 'Enter an email address like name@example.org, or leave it empty' }).max(254).optional());

const bestTimeSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.enum(['asap', ...(Object.keys(callWindows) as Array<keyof typeof callWindows>)]) }),
    z.object({
      kind: z.literal('at'),
      at: z
        .date({ error: 'Enter a date and time for us to call' })
        .refine((at) => at.getTime() > Date.now() - 5 * 60_000, 'Choose a time in the future')
        .refine((at) => at <= latestBookableAt(new Date()), 'Choose a time within the next 7 days'),
    }),
  ],
  { error: 'Choose when we should call' },
);

export const callbackRequestSchema = z.object({
  fullName: plainText('Full name', 120).min(1, 'Enter your name'),
  phone: phoneSchema,
  email: optionalEmailSchema,
  forWhom: z.enum(forWhomValues, { error: 'Choose who needs help' }),
  bestTime: bestTimeSchema,
  substances: z.array(z.enum(substanceIds, { error: 'Choose from the list' })).max(substanceIds.length).optional(),
  message: optionalPlainText('Message', 1000),
  immediateDanger: z.boolean({ error: 'Answer whether anyone is in immediate danger' }),
  consentToContact: z.literal(true, { error: 'Tick this box so that we can call you back' }),
  consentToHealthData: z.boolean(),
  idempotencyKey: z.string().regex(/^[A-Za-z0-9-]{16,100}$/, 'Reload the page and try again'),
  // A field people never see; only form-filling robots put anything in it.
  website: z.string().max(500).optional(),
});
export type CallbackRequestInput = z.input<typeof callbackRequestSchema>;
export type CallbackRequest = z.output<typeof callbackRequestSchema>;

export const callbackStatuses = ['open', 'answered', 'case_opened', 'unreachable', 'wrong_number', 'declined'] as const;
export type CallbackStatus = (typeof callbackStatuses)[number];

export const attemptOutcomes = [
  { value: 'answered', label: 'Answered' },
  { value: 'no_answer', label: 'No answer' },
  { value: 'voicemail', label: 'Left voicemail' },
  { value: 'wrong_number', label: 'Wrong number' },
  { value: 'call_back_later', label: 'Asked to call later' },
  { value: 'declined', label: 'Declined help' },
] as const;
export type AttemptOutcome = (typeof attemptOutcomes)[number]['value'];
export function attemptOutcomeLabel(outcome: string): string {
  return attemptOutcomes.find((candidate) => candidate.value === outcome)?.label ?? outcome;
}
const outcomeValues = attemptOutcomes.map((outcome) => outcome.value) as [AttemptOutcome, ...AttemptOutcome[]];

export const callbackIdSchema = z.object({ id: z.uuid({ error: 'Unknown callback request' }) });

export const logAttemptSchema = z
  .object({
    id: z.uuid({ error: 'Unknown callback request' }),
    outcome: z.enum(outcomeValues, { error: 'Choose what happened on the call' }),
    notes: optionalPlainText('Notes', 2000),
    callBackAt: z.date({ error: 'Enter when to call back' }).optional(),
  })
  .refine((input) => input.outcome !== 'call_back_later' || input.callBackAt !== undefined, {
    error: 'Enter when they asked us to call back',
    path: ['callBackAt'],
  })
  .refine((input) => input.outcome !== 'call_back_later' || !input.callBackAt || input.callBackAt.getTime() > Date.now() - 60_000, {
    error: 'Choose a time in the future',
    path: ['callBackAt'],
  })
  .refine((input) => input.outcome !== 'call_back_later' || !input.callBackAt || input.callBackAt <= latestBookableAt(new Date()), {
    error: 'Choose a time within the next 7 days',
    path: ['callBackAt'],
  })
  // A time typed and then left behind when another outcome was chosen is not part of the call.
  .transform((input) => (input.outcome === 'call_back_later' ? input : { ...input, callBackAt: undefined }));
export type LogAttemptInput = z.input<typeof logAttemptSchema>;

export const assignCallbackSchema = z.object({
  id: z.uuid({ error: 'Unknown callback request' }),
  adviserId: z.uuid({ error: 'Choose an adviser' }),
});

export const openCaseFromCallbackSchema = z.object({
  id: z.uuid({ error: 'Unknown callback request' }),
  existingCaseId: z.uuid().optional(),
});
