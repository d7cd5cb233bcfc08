import { fundingRouteOptions } from '@harbour/shared/assessment';
import { ratingLabels, regulatorShortLabels, serviceLabels, serviceOptions, type FeeTerms, type Service } from '@harbour/shared/clinics';
import { formatDateTime, formatPence } from '@harbour/shared/format';
import { labelsOf } from '@harbour/shared/options';
import { regionLabel } from '@harbour/shared/regions';
import type { RouterOutputs } from '../../../lib/trpc';

// The words the placement screens share, so a clinic reads the same on its card, in the
// comparison and in the propose form.

export type CaseRecord = RouterOutputs['cases']['byReference'];
export type Placement = CaseRecord['placements'][number];
export type ClinicMatch = RouterOutputs['clinics']['match']['matches'][number];
export type MatchedClinic = ClinicMatch['clinic'];
/** Told to the adviser at the top of the section once a step has gone through. */
export type Announce = (message: string) => void;

/**
 * What a person can be placed on. A clinic's aftercare is what it offers after a programme,
 * not something anyone is admitted to, so it is never proposed or matched on.
 */
export const placeableServiceOptions: ReadonlyArray<{ value: Service; label: string }> = serviceOptions.filter((option) => option.value !== 'aftercare');

export const fundingRouteLabels = labelsOf(fundingRouteOptions);

/** "Leeds, Yorkshire and the Humber". */
export const placeOf = (town: string, region: string) => `${town}, ${regionLabel(region)}`;

/** "Residential rehab" as it reads inside a sentence. */
export const programmeInSentence = (programme: Service) => serviceLabels[programme].toLowerCase();

/** "£3,200.00 to £4,500.00 a week", or the one price a clinic charges. */
export function weeklyRangeOf(clinic: Pick<MatchedClinic, 'weeklyPriceMinPence' | 'weeklyPriceMaxPence'>): string {
  const { weeklyPriceMinPence: low, weeklyPriceMaxPence: high } = clinic;
  return `${high > low ? `${formatPence(low)} to ${formatPence(high)}` : formatPence(low)} a week`;
}

/** "14, 28 or 56 days". */
export function lengthsOf(days: readonly number[]): string {
  const list = days.map(String);
  return `${list.length > 1 ? `${list.slice(0, -1).join(', ')} or ${list[list.length - 1]}` : list.join('')} days`;
}

/** "3 of 18 free, confirmed 28/11/2026 14:05": a stale count is a reason to ring before proposing. */
export function bedsOf(clinic: Pick<MatchedClinic, 'bedsAvailable' | 'bedsTotal' | 'bedsConfirmedAt'>): string {
  const count = `${clinic.bedsAvailable} of ${clinic.bedsTotal} free`;
  return clinic.bedsConfirmedAt ? `${count}, confirmed ${formatDateTime(clinic.bedsConfirmedAt)}` : `${count}, not confirmed yet`;
}

export const ratingOf = (clinic: Pick<MatchedClinic, 'rating' | 'regulator'>) => `${ratingLabels[clinic.rating]} (${regulatorShortLabels[clinic.regulator]})`;

/** "12% of the programme price" or "a fixed £1,500.00". */
export function feeTermsOf(terms: FeeTerms): string {
  return terms.kind === 'fixed' ? `a fixed ${formatPence(terms.pence)}` : `${terms.percent}% of the programme price`;
}
