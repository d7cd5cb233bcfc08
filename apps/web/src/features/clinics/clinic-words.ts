import { acceptedFundingRouteOptions, ratingLabels, regulatorShortLabels, serviceLabels, type FeeTerms } from '@harbour/shared/clinics';
import { formatDateTime, formatPence } from '@harbour/shared/format';
import { labelsOf } from '@harbour/shared/options';
import { regionLabel } from '@harbour/shared/regions';
import { substanceLabel } from '@harbour/shared/substances';
import type { RouterOutputs } from '../../lib/trpc';

// How a clinic reads on screen, the same on the list and on its own page.

export type Clinic = RouterOutputs['clinics']['byId'];

const STALE_AFTER_MS = 7 * 24 * 3_600_000;
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

/** "3 of 12 free", and who last confirmed it when; a count over a week old is called out. */
export function bedsOf(clinic: Pick<Clinic, 'bedsTotal' | 'bedsAvailable' | 'bedsConfirmedAt' | 'bedsConfirmedByName'>, now: Date) {
  if (clinic.bedsTotal === 0) return { count: 'No beds: day programmes only', confirmed: null, isStale: false };
  const count = `${clinic.bedsAvailable} of ${clinic.bedsTotal} free`;
  if (!clinic.bedsConfirmedAt) return { count, confirmed: 'never confirmed', isStale: true };
  const by = clinic.bedsConfirmedByName ? ` by ${clinic.bedsConfirmedByName}` : '';
  return {
    count,
    confirmed: `confirmed ${formatDateTime(clinic.bedsConfirmedAt)}${by}`,
    isStale: now.getTime() - clinic.bedsConfirmedAt.getTime() > STALE_AFTER_MS,
  };
}
