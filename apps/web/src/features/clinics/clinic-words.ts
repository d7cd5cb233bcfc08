import { STALE_BEDS_AFTER_DAYS } from '@harbour/shared/clinic-matching';
import { acceptedFundingRouteOptions, ratingLabels, regulatorShortLabels, serviceLabels, type FeeTerms } from '@harbour/shared/clinics';
import { formatDateTime, formatPence } from '@harbour/shared/format';
import { labelsOf } from '@harbour/shared/options';
import { regionLabel } from '@harbour/shared/regions';
import { substanceLabel } from '@harbour/shared/substances';
import type { RouterOutputs } from '../../lib/trpc';

// How a clinic reads on screen, the same on the list and on its own page.

export type Clinic = RouterOutputs['clinics']['byId'];

const fundingLabels = labelsOf(acceptedFundingRouteOptions);

export const placeOf = (clinic: Pick<Clinic, 'town' | 'region'>) => `${clinic.town}, ${regionLabel(clinic.region)}`;

export const ratingOf = (clinic: Pick<Clinic, 'regulator' | 'rating'>) => `${regulatorShortLabels[clinic.regulator]}: ${ratingLabels[clinic.rating]}`;

export const weeklyPriceOf = (clinic: Pick<Clinic, 'weeklyPriceMinPence' | 'weeklyPriceMaxPence'>) =>
  clinic.weeklyPriceMinPence === clinic.weeklyPriceMaxPence
    ? `${formatPence(clinic.weeklyPriceMinPence)} a week`
    : `${formatPence(clinic.weeklyPriceMinPence)} to ${formatPence(clinic.weeklyPriceMaxPence)} a week`;

export const servicesOf = (clinic: Pick<Clinic, 'services'>) => clinic.services.map((service) => serviceLabels[service]).join(', ');
export const substancesOf = (clinic: Pick<Clinic, 'substances'>) => clinic.substances.map(substanceLabel).join(', ');
export const fundingOf = (clinic: Pick<Clinic, 'fundingRoutes'>) => clinic.fundingRoutes.map((route) => fundingLabels[route]).join(', ');
export const lengthsOf = (clinic: Pick<Clinic, 'programmeLengthsDays'>) => `${clinic.programmeLengthsDays.join(', ')} days`;

export function feeTermsOf(terms: FeeTerms): string {
  return terms.kind === 'percentage' ? `${terms.percent}% of the programme price` : `${formatPence(terms.pence)} per admission`;
}

const MINUTE = 60_000;

/** "just now", "12 minutes ago", "2 hours ago", "10 days ago". */
export function timeAgo(then: Date, now: Date): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - then.getTime()) / MINUTE));
  const ago = (count: number, unit: string) => `${count} ${unit}${count === 1 ? '' : 's'} ago`;
  if (minutes < 1) return 'just now';
  if (minutes < 60) return ago(minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  return hours < 24 ? ago(hours, 'hour') : ago(Math.floor(hours / 24), 'day');
}

type BedFacts = Pick<Clinic, 'bedsTotal' | 'bedsAvailable' | 'bedsConfirmedAt' | 'bedsConfirmedByName'>;

/**
 * "3 of 12 free", and when and by whom it was last confirmed. A count never confirmed, or
 * confirmed longer ago than matching trusts, is stale: someone should ring the clinic.
 */
export function bedsOf(clinic: BedFacts, now: Date) {
  if (clinic.bedsTotal === 0) return { count: 'No beds: day programmes only', confirmed: null, isStale: false };
  const count = `${clinic.bedsAvailable} of ${clinic.bedsTotal} free`;
  const at = clinic.bedsConfirmedAt;
  if (!at) return { count, confirmed: null, isStale: true };
  return {
    count,
    confirmed: { at, ago: timeAgo(at, now), by: clinic.bedsConfirmedByName },
    isStale: now.getTime() - at.getTime() > STALE_BEDS_AFTER_DAYS * 24 * 60 * MINUTE,
  };
}

/** "28/11/2026 14:05 by Grace Owusu", for where the exact moment matters. */
export function confirmationOf(clinic: Pick<Clinic, 'bedsConfirmedAt' | 'bedsConfirmedByName'>): string | null {
  if (!clinic.bedsConfirmedAt) return null;
  return `${formatDateTime(clinic.bedsConfirmedAt)}${clinic.bedsConfirmedByName ? ` by ${clinic.bedsConfirmedByName}` : ''}`;
}
