import { z } from 'zod';
import { fundingRouteOptions, riskLevels } from './assessment';
import { caseStages, type CaseStage } from './cases';
import { valuesOf } from './options';
import { regionValues } from './regions';
import { substanceIds } from './substances';
import { fromUkDate } from './uk-date';

// The team lead's board: one column per stage, filtered the same way in every column, each
// column read a page at a time so 5,000 open cases stay smooth.

export const BOARD_PAGE_SIZE = 50;

/** Closed cases stay on the board this long, so a team lead sees what closed on their shift. */
export const CLOSED_SHOWN_FOR_DAYS = 30;

export const boardFiltersSchema = z.object({
  adviserId: z.union([z.uuid({ error: 'Choose an adviser' }), z.literal('unassigned')]).optional(),
  region: z.enum(regionValues, { error: 'Choose a region from the list' }).optional(),
  substance: z.enum(substanceIds, { error: 'Choose a substance from the list' }).optional(),
  risk: z.enum(riskLevels, { error: 'Choose a risk level from the list' }).optional(),
  fundingRoute: z.enum(valuesOf(fundingRouteOptions), { error: 'Choose a funding route from the list' }).optional(),
  minDaysInStage: z
    .number({ error: 'Days in stage must be a number' })
    .int('Days in stage must be a whole number')
    .min(1, 'Days in stage must be at least 1')
    .max(3650, 'Days in stage must be at most 3650')
    .optional(),
  noNextAction: z.boolean().optional(),
  nextActionOverdue: z.boolean().optional(),
});
export type BoardFilters = z.output<typeof boardFiltersSchema>;
export type BoardFiltersInput = z.input<typeof boardFiltersSchema>;

export const boardColumnSchema = z.object({
  stage: z.enum(caseStages, { error: 'Choose a stage' }),
  filters: boardFiltersSchema.default({}),
  page: z.number().int().min(1).max(1_000).default(1),
});
export type BoardColumnInput = z.input<typeof boardColumnSchema>;

/** How long a case may sit in a stage before the board calls it stale. */
export const STALE_AFTER_DAYS: Record<Exclude<CaseStage, 'closed'>, number> = {
  // A first conversation should lead to an assessment within a couple of days.
  enquiry: 2,
  // An assessed person waiting a week for a clinic is losing their moment.
  assessment: 7,
  // Residential programmes run up to twelve weeks; longer than that, ask the clinic.
  placement: 90,
  // Aftercare runs a year from discharge; its check-ins say whether it is on track.
  aftercare: 400,
};

/** Whether a case in `stage` since `stageChangedAt` has been there too long, at `now`. */
export function isStale(stage: CaseStage, stageChangedAt: Date, now: Date): boolean {
  if (stage === 'closed') return false;
  return now.getTime() - stageChangedAt.getTime() > STALE_AFTER_DAYS[stage] * 24 * 3_600_000;
}

/** A calendar day typed the UK way ("01/11/2026") or stored ("2026-11-01"). */
const periodDay = (name: string) =>
  z.preprocess((value) => (typeof value === 'string' ? fromUkDate(value) : value), z.iso.date({ error: `Enter the ${name} as day/month/year, like 01/11/2026` }));

/** The period the metrics cover: London days, both ends included, at most a year and a day. */
export const metricsSchema = z
  .object({ from: periodDay('first day'), to: periodDay('last day') })
  .refine((period) => period.from <= period.to, { error: 'The last day must not be before the first day', path: ['to'] })
  .refine((period) => Date.parse(period.to) - Date.parse(period.from) <= 366 * 24 * 3_600_000, {
    error: 'Choose a period of at most a year',
    path: ['to'],
  });
export type MetricsInput = z.input<typeof metricsSchema>;
