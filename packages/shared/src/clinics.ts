import { z } from 'zod';
import { fundingRouteOptions, type FundingRoute } from './assessment';
import { optionalEmailSchema, phoneSchema } from './callbacks';
import { caseIdSchema } from './case-ids';
import { labelsOf, valuesOf } from './options';
import { postcodeSchema } from './postcode';
import { recordIdSchema, recordVersionSchema } from './record-ids';
import { regionValues, type Region } from './regions';
import { substanceIds } from './substances';
import { optionalPlainText, plainText } from './text';

// The clinic directory: partner clinics across England and Wales, what they treat, what they
// cost, whether a bed is free and what they pay the service for an admission.

export const regulatorOptions = [
  { value: 'cqc', label: 'Care Quality Commission (CQC)' },
  { value: 'hiw', label: 'Healthcare Inspectorate Wales (HIW)' },
] as const;
export type Regulator = (typeof regulatorOptions)[number]['value'];
export const regulatorLabels = labelsOf(regulatorOptions);
export const regulatorShortLabels: Record<Regulator, string> = { cqc: 'CQC', hiw: 'HIW' };

/** Health care in Wales is registered with HIW, in England with the CQC. */
export function regulatorFor(region: Region): Regulator {
  return region === 'wales' ? 'hiw' : 'cqc';
}

export const ratingOptions = [
  { value: 'outstanding', label: 'Outstanding' },
  { value: 'good', label: 'Good' },
  { value: 'requires_improvement', label: 'Requires improvement' },
  { value: 'inadequate', label: 'Inadequate' },
  { value: 'not_yet_rated', label: 'Not yet rated' },
] as const;
export type Rating = (typeof ratingOptions)[number]['value'];
export const ratingLabels = labelsOf(ratingOptions);

export const serviceOptions = [
  { value: 'medically_managed_detox', label: 'Medically managed detox' },
  { value: 'residential_rehab', label: 'Residential rehab' },
  { value: 'outpatient', label: 'Outpatient treatment' },
  { value: 'partial_hospitalisation', label: 'Partial hospitalisation' },
  { value: 'intensive_outpatient', label: 'Intensive outpatient treatment' },
  { value: 'aftercare', label: 'Aftercare' },
] as const;
export type Service = (typeof serviceOptions)[number]['value'];
export const serviceValues = valuesOf(serviceOptions);
export const serviceLabels = labelsOf(serviceOptions);

export const programmeSchema = z.enum(serviceValues, { error: 'Choose a programme from the list' });

/** The programmes a person sleeps at the clinic for, so a free bed matters. */
export const residentialServices: readonly Service[] = ['medically_managed_detox', 'residential_rehab'];

// "Undecided" is a case's answer, not something a clinic can accept.
export type AcceptedFundingRoute = Exclude<FundingRoute, 'undecided'>;
export const acceptedFundingRouteOptions = fundingRouteOptions.filter((option) => option.value !== 'undecided') as ReadonlyArray<{
  value: AcceptedFundingRoute;
  label: string;
}>;

export const MAX_PROGRAMME_DAYS = 365;
// £100,000 a week is beyond any clinic's price and keeps any programme's pence inside a Postgres integer.
const MAX_WEEKLY_PENCE = 10_000_000;
const MAX_BEDS = 500;

/** Whole pence from 0 to `max`; `name` starts each message. */
function penceSchema(name: string, max: number, maxInWords: string) {
  return z
    .number({ error: `${name} must be an amount in pounds` })
    .int(`${name} must be in whole pence`)
    .min(0, `${name} cannot be negative`)
    .max(max, `${name} must be at most ${maxInWords}`);
}

export const weeklyPriceSchema = (name: string) => penceSchema(name, MAX_WEEKLY_PENCE, '£100,000');

/** A whole number of days, as a programme is booked. */
export const lengthDaysSchema = z
  .number({ error: 'Programme length must be a number of days' })
  .int('Programme length must be a whole number of days')
  .min(1, 'Programme length must be at least 1 day')
  .max(MAX_PROGRAMME_DAYS, `Programme length must be at most ${MAX_PROGRAMME_DAYS} days`);

const bedCount = (name: string) =>
  z
    .number({ error: `${name} must be a number` })
    .int(`${name} must be a whole number`)
    .min(0, `${name} cannot be negative`)
    .max(MAX_BEDS, `${name} must be at most ${MAX_BEDS}`);

/** A ticked list: at least one, each once. `what` is singular ("service"). */
function choices<T extends string>(values: readonly [T, ...T[]], what: string) {
  const once = `Choose each ${what} only once`;
  return z
    .array(z.enum(values, { error: `Choose a ${what} from the list` }), { error: `Choose at least one ${what}` })
    .min(1, `Choose at least one ${what}`)
    .max(values.length, once)
    .refine((list) => new Set(list).size === list.length, once);
}

const programmeLengthsSchema = z
  .array(lengthDaysSchema, { error: 'Enter at least one programme length' })
  .min(1, 'Enter at least one programme length')
  .max(20, 'Enter at most 20 programme lengths')
  .refine((days) => new Set(days).size === days.length, 'Enter each programme length only once')
  .transform((days) => [...days].sort((a, b) => a - b));

// A CQC location ID is "1-" and digits, as in the address of its page on cqc.org.uk.
const CQC_LOCATION_ID = /^1-\d{5,12}$/;

export const feeKindOptions = [
  { value: 'percentage', label: 'A percentage of the programme price' },
  { value: 'fixed', label: 'A fixed fee per admission' },
] as const;
export type FeeKind = (typeof feeKindOptions)[number]['value'];

export const feeTermsSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({
      kind: z.literal('percentage'),
      percent: z
        .number({ error: 'Fee percentage must be a number' })
        .min(0, 'Fee percentage cannot be negative')
        .max(100, 'Fee percentage must be at most 100')
        // Hundredths of a percent are the finest a contract states; serviceFeeOf counts in them.
        .refine((percent) => Math.abs(percent * 100 - Math.round(percent * 100)) < 1e-6, 'Fee percentage must have at most 2 decimal places'),
    }),
    z.object({ kind: z.literal('fixed'), pence: penceSchema('Fixed fee', MAX_WEEKLY_PENCE, '£100,000') }),
  ],
  { error: 'Choose how the clinic pays its fee' },
);
export type FeeTerms = z.output<typeof feeTermsSchema>;

export const clinicInputSchema = z
  .object({
    name: plainText('Clinic name', 120).min(1, 'Enter the clinic name'),
    regulator: z.enum(valuesOf(regulatorOptions), { error: 'Choose the regulator' }),
    locationId: plainText('Location ID', 40).min(1, "Enter the regulator's location ID"),
    rating: z.enum(valuesOf(ratingOptions), { error: 'Choose the latest rating' }),
    region: z.enum(regionValues, { error: 'Choose a region from the list' }),
    town: plainText('Town', 80).min(1, 'Enter the town'),
    postcode: postcodeSchema,
    phone: phoneSchema,
    email: optionalEmailSchema,
    services: choices(serviceValues, 'service'),
    substances: choices(substanceIds, 'substance'),
    isDualDiagnosisCapable: z.boolean({ error: 'Answer whether the clinic can treat a dual diagnosis' }),
    programmeLengthsDays: programmeLengthsSchema,
    weeklyPriceMinPence: weeklyPriceSchema('Lowest weekly price'),
    weeklyPriceMaxPence: weeklyPriceSchema('Highest weekly price'),
    fundingRoutes: choices(valuesOf(acceptedFundingRouteOptions), 'funding route'),
    bedsTotal: bedCount('Beds in total'),
    bedsAvailable: bedCount('Beds available'),
    feeTerms: feeTermsSchema,
    isActive: z.boolean({ error: 'Answer whether the clinic is active' }),
  })
  .refine((clinic) => clinic.region !== 'wales' || clinic.regulator === 'hiw', { error: 'A clinic in Wales is regulated by HIW', path: ['regulator'] })
  .refine((clinic) => clinic.region === 'wales' || clinic.regulator === 'cqc', {
    error: 'A clinic in England is regulated by the CQC',
    path: ['regulator'],
  })
  .refine((clinic) => clinic.regulator !== 'cqc' || CQC_LOCATION_ID.test(clinic.locationId), {
    error: 'Enter the CQC location ID, like 1-101681479',
    path: ['locationId'],
  })
  .refine((clinic) => clinic.weeklyPriceMinPence <= clinic.weeklyPriceMaxPence, {
    error: 'Highest weekly price must be at least the lowest weekly price',
    path: ['weeklyPriceMaxPence'],
  })
  .refine((clinic) => clinic.bedsAvailable <= clinic.bedsTotal, {
    error: 'Beds available cannot be more than beds in total',
    path: ['bedsAvailable'],
  });
export type ClinicInput = z.input<typeof clinicInputSchema>;
export type ClinicFields = z.output<typeof clinicInputSchema>;

export const clinicIdSchema = recordIdSchema('clinic');
export const clinicVersionSchema = recordVersionSchema('clinic');

export const updateClinicSchema = z.object({ id: clinicIdSchema, version: clinicVersionSchema, clinic: clinicInputSchema });
export type UpdateClinicInput = z.input<typeof updateClinicSchema>;

/** Anyone may confirm the free beds; the server stamps who and when. */
export const confirmBedsSchema = z.object({ id: clinicIdSchema, available: bedCount('Beds available') });

export const clinicListSchema = z.object({
  region: z.enum(regionValues, { error: 'Choose a region from the list' }).optional(),
  service: z.enum(serviceValues, { error: 'Choose a service from the list' }).optional(),
  search: optionalPlainText('Search', 120),
});
export type ClinicListInput = z.input<typeof clinicListSchema>;

export const travelOptions = [
  { value: 'region', label: 'Only their own region' },
  { value: 'neighbouring', label: 'Their region or a neighbouring one' },
  { value: 'anywhere', label: 'Anywhere in England and Wales' },
] as const;
export type Travel = (typeof travelOptions)[number]['value'];
export const travelLabels = labelsOf(travelOptions);

export const matchSchema = z.object({
  caseId: caseIdSchema,
  travel: z.enum(valuesOf(travelOptions), { error: 'Choose how far the client can travel' }),
  programme: programmeSchema.optional(),
  lengthDays: lengthDaysSchema.optional(),
});
export type MatchInput = z.input<typeof matchSchema>;

/** `numerator ÷ divisor` to the nearest whole number, halves up; exact for whole numbers below 2^53. */
function roundedDivision(numerator: number, divisor: number): number {
  return Math.floor((2 * numerator + divisor) / (2 * divisor));
}

/** The price of a programme of `lengthDays` days at a weekly price, in whole pence. */
export function programmePriceOf(weeklyPricePence: number, lengthDays: number): number {
  return roundedDivision(weeklyPricePence * lengthDays, 7);
}

/**
 * The service's fee for one admission, in whole pence. A percentage is of the whole programme's
 * price (the weekly price for `lengthDays` days), worked in whole numbers (pence, days,
 * hundredths of a percent) and rounded once, at the end, half a penny up: rounding the price
 * first and then the fee could be a penny out. A fixed fee is the fee, whatever price and length.
 */
export function serviceFeeOf(terms: FeeTerms, weeklyPricePence: number, lengthDays: number): number {
  if (terms.kind === 'fixed') return terms.pence;
  const hundredthsOfPercent = Math.round(terms.percent * 100);
  return roundedDivision(weeklyPricePence * lengthDays * hundredthsOfPercent, 7 * 100 * 100);
}
