import { z } from 'zod';
import { caseIdSchema } from './case-ids';
import { londonDayOf } from './london-day';
import { labelsOf, valuesOf } from './options';
import { recordIdSchema, recordVersionSchema } from './record-ids';
import { optionalPlainText } from './text';

// Aftercare: the plan agreed at discharge, and the check-in calls that find out whether the
// treatment held: 7, 30, 90, 180 and 365 days after the person left the clinic.

export const supportGroupOptions = [
  { value: 'narcotics_anonymous', label: 'Narcotics Anonymous' },
  { value: 'alcoholics_anonymous', label: 'Alcoholics Anonymous' },
  { value: 'cocaine_anonymous', label: 'Cocaine Anonymous' },
  { value: 'smart_recovery', label: 'SMART Recovery' },
] as const;
export type SupportGroup = (typeof supportGroupOptions)[number]['value'];
export const supportGroupLabels = labelsOf(supportGroupOptions);

export const aftercarePlanSchema = z.object({
  supportGroups: z
    .array(z.enum(valuesOf(supportGroupOptions), { error: 'Choose a support group from the list' }))
    .max(supportGroupOptions.length, 'Choose each support group only once')
    .refine((groups) => new Set(groups).size === groups.length, 'Choose each support group only once'),
  localServices: optionalPlainText('Local services', 1000),
  therapy: optionalPlainText('Therapy', 1000),
  notes: optionalPlainText('Notes', 2000),
});
export type AftercarePlanInput = z.input<typeof aftercarePlanSchema>;
export type AftercarePlan = z.output<typeof aftercarePlanSchema>;

/** `version` is the case's aftercare plan version: 0 when no plan is saved yet. */
export const saveAftercarePlanSchema = z.object({
  caseId: caseIdSchema,
  version: z.number({ error: 'Reload the case and try again' }).int('Reload the case and try again').min(0, 'Reload the case and try again'),
  plan: aftercarePlanSchema,
});
export type SaveAftercarePlanInput = z.input<typeof saveAftercarePlanSchema>;

/** Days after discharge that each check-in is due; the last one decides whether aftercare is done. */
export const CHECK_IN_DAYS = [7, 30, 90, 180, 365] as const;
export const LAST_CHECK_IN_DAYS = CHECK_IN_DAYS[CHECK_IN_DAYS.length - 1]!;

/**
 * The calendar day `days` after `day` ("2027-03-27" + 7 = "2027-04-03"). Counted in calendar
 * days, not in 24-hour periods, so a check-in never moves a day when the clocks change.
 */
export function addDays(day: string, days: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date + days)).toISOString().slice(0, 10);
}

/** Each check-in's due day for a discharge on `dischargedOn` (a London calendar day). */
export function checkInSchedule(dischargedOn: string): Array<{ daysAfter: number; dueOn: string }> {
  return CHECK_IN_DAYS.map((daysAfter) => ({ daysAfter, dueOn: addDays(dischargedOn, daysAfter) }));
}

export type CheckInTiming = 'overdue' | 'due_today' | 'upcoming';

/** Whether a check-in due on `dueOn` is overdue, due today or still to come, on London's calendar. */
export function checkInTiming(dueOn: string, now: Date): CheckInTiming {
  const today = londonDayOf(now);
  if (dueOn < today) return 'overdue';
  return dueOn === today ? 'due_today' : 'upcoming';
}

export const checkInOutcomeOptions = [
  { value: 'well', label: 'Doing well' },
  { value: 'struggling', label: 'Struggling' },
  { value: 'relapsed', label: 'Relapsed' },
  { value: 'unreachable', label: 'Could not reach them' },
] as const;
export type CheckInOutcome = (typeof checkInOutcomeOptions)[number]['value'];
export const checkInOutcomeLabels = labelsOf(checkInOutcomeOptions);

/** The next action a relapse puts on the case; a move out of Aftercare answers it. */
export const RELAPSE_NEXT_ACTION = 'Relapse reported at a check-in: a team lead to decide on reopening for a new assessment';

export const checkInIdSchema = recordIdSchema('check-in');

export const recordCheckInSchema = z.object({
  id: checkInIdSchema,
  version: recordVersionSchema('check-in'),
  outcome: z.enum(valuesOf(checkInOutcomeOptions), { error: 'Choose how the client is doing' }),
  notes: optionalPlainText('Notes', 2000),
});
export type RecordCheckInInput = z.input<typeof recordCheckInSchema>;

export const checkInListSchema = z.object({
  scope: z.enum(['mine', 'all'], { error: 'Choose whose check-ins to show' }),
});
export type CheckInListInput = z.input<typeof checkInListSchema>;
