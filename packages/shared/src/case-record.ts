import { z } from 'zod';
import { forWhomOptions, optionalEmailSchema, phoneSchema, type ForWhom } from './callbacks';
import { caseIdSchema, caseVersionSchema } from './case-ids';
import { caseStages } from './cases';
import { riskLevels } from './assessment';
import { optionalPostcodeSchema } from './postcode';
import { regionValues } from './regions';
import { hasControlCharacters, optionalPlainText, plainText } from './text';
import { fromUkDate } from './uk-date';

// The parts of a case other than the assessment and finances: who the person is and how to
// reach them safely, notes, the next action, the adviser, and the crisis record.

const forWhomValues = forWhomOptions.map((option) => option.value) as [ForWhom, ...ForWhom[]];

/** Not answered yet: absent, or null from a cleared field. */
const unanswered = <T extends z.ZodType>(schema: T) => schema.nullish().transform((value) => value ?? undefined);

const todayInLondon = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());

// Typed the UK way ("17/05/1990") on the form, stored as "1990-05-17"; either is accepted.
const dateOfBirthSchema = z.preprocess(
  (value) => (typeof value === 'string' ? fromUkDate(value) || undefined : value),
  unanswered(
    z.iso
      .date({ error: 'Enter a real date of birth as day/month/year, like 17/05/1990' })
      .refine((day) => day <= todayInLondon(), 'Date of birth cannot be in the future')
      .refine((day) => day >= '1910-01-01', 'Date of birth must be after 1910'),
  ),
);

/** Whole years between a date of birth ("1990-05-17") and a London calendar day. */
export function ageOn(dateOfBirth: string, today: string = todayInLondon()): number {
  const [birthYear, birthMonthDay] = [Number(dateOfBirth.slice(0, 4)), dateOfBirth.slice(5)];
  const [year, monthDay] = [Number(today.slice(0, 4)), today.slice(5)];
  return year - birthYear - (monthDay < birthMonthDay ? 1 : 0);
}

export const contactDetailsSchema = z.object({
  clientName: optionalPlainText('Client name', 120),
  dateOfBirth: dateOfBirthSchema,
  callerName: plainText('Caller name', 120).min(1, "Enter the caller's name"),
  callerRelation: z.enum(forWhomValues, { error: 'Choose who the caller is to the client' }),
  relationDetail: optionalPlainText('Relation to the client', 80),
  phone: phoneSchema,
  email: optionalEmailSchema,
  postcode: optionalPostcodeSchema,
  region: unanswered(z.enum(regionValues, { error: 'Choose a region from the list' })),
  preferredContactTimes: optionalPlainText('Preferred contact times', 200),
  // People hide treatment from those they live with; a wrong voicemail can put someone at risk.
  safeToLeaveVoicemail: unanswered(z.boolean({ error: 'Answer whether a voicemail is safe' })),
  safeToSayWhoWeAre: unanswered(z.boolean({ error: 'Answer whether we may say who we are' })),
});
export type ContactDetailsInput = z.input<typeof contactDetailsSchema>;

export const updateContactSchema = z.object({ id: caseIdSchema, version: caseVersionSchema, contact: contactDetailsSchema });

/** Health details may be recorded only with this consent; asked on the call when the web form did not. */
export const recordHealthDataConsentSchema = z.object({ id: caseIdSchema, version: caseVersionSchema, given: z.boolean() });

export const addNoteSchema = z.object({
  id: caseIdSchema,
  body: plainText('Note', 5000).min(1, 'Write the note before adding it'),
  isPinned: z.boolean().optional(),
});

export const pinNoteSchema = z.object({ noteId: z.uuid({ error: 'Unknown note' }), isPinned: z.boolean() });

export const setNextActionSchema = z.object({
  id: caseIdSchema,
  version: caseVersionSchema,
  what: plainText('Next action', 200).min(1, 'Enter what should happen next'),
  dueAt: z.date({ error: 'Enter when the next action is due' }),
});

export const assignCaseSchema = z.object({
  id: caseIdSchema,
  version: caseVersionSchema,
  // null gives the case back to the team.
  adviserId: z.uuid({ error: 'Choose an adviser' }).nullable(),
});

export const caseListSorts = [
  { value: 'recently_updated', label: 'Recently updated' },
  { value: 'longest_in_stage', label: 'Longest in stage' },
  { value: 'highest_risk', label: 'Highest risk' },
  { value: 'next_action_due', label: 'Next action due' },
  { value: 'newest', label: 'Newest' },
] as const;
export type CaseListSort = (typeof caseListSorts)[number]['value'];

export const CASE_LIST_PAGE_SIZE = 25;

export const caseListSchema = z.object({
  scope: z.enum(['mine', 'all']).default('all'),
  stage: z.enum(caseStages, { error: 'Choose a stage from the list' }).optional(),
  risk: z.enum(riskLevels, { error: 'Choose a risk level from the list' }).optional(),
  adviserId: z.union([z.uuid({ error: 'Choose an adviser' }), z.literal('unassigned')]).optional(),
  sort: z.enum(caseListSorts.map((sort) => sort.value) as [CaseListSort, ...CaseListSort[]]).default('recently_updated'),
  page: z.number().int().min(1).max(10_000).default(1),
});
export type CaseListInput = z.input<typeof caseListSchema>;

export const caseSearchSchema = z.object({
  query: z
    .string()
    .trim()
    .min(2, 'Type at least 2 characters to search')
    .max(120, 'Search for at most 120 characters')
    // PostgreSQL cannot compare text holding NUL: the search failed with a 500 (found by fuzzing).
    .refine((query) => !hasControlCharacters(query), 'Search must not contain control characters'),
});

export const crisisActions = [
  { value: 'called_999', label: 'We called 999' },
  { value: 'caller_called_999', label: 'The caller or someone with them called 999' },
  { value: 'stayed_on_line', label: 'Stayed on the line until help arrived' },
  { value: 'nhs_111', label: 'Put them through to NHS 111, option 2' },
  { value: 'samaritans', label: 'Gave the Samaritans number, 116 123' },
  { value: 'safety_plan', label: 'Agreed a safety plan and a time to call back' },
  { value: 'call_lost', label: 'The call ended; a welfare check was requested' },
  { value: 'chosen_by_mistake', label: 'The answer was a mistake: they have no plan or intent' },
  { value: 'other', label: 'Something else (describe below)' },
] as const;
export type CrisisAction = (typeof crisisActions)[number]['value'];

export const recordCrisisActionSchema = z
  .object({
    id: caseIdSchema,
    actions: z
      .array(z.enum(crisisActions.map((action) => action.value) as [CrisisAction, ...CrisisAction[]]), { error: 'Tick what was done' })
      .min(1, 'Tick at least one action taken')
      .max(crisisActions.length),
    details: optionalPlainText('What happened', 2000),
  })
  .refine((input) => !input.actions.includes('other') || input.details !== undefined, {
    error: 'Describe what was done',
    path: ['details'],
  });
export type RecordCrisisActionInput = z.input<typeof recordCrisisActionSchema>;
