import { regulatorFor, type ClinicInput } from '@harbour/shared/clinics';
import { formatUkPhone } from '@harbour/shared/phone';
import type { Clinic } from './clinic-words';

/** What the form starts from: a clinic's saved answers, or a blank one for a new clinic. */
export function clinicValuesOf(clinic: Clinic | undefined): ClinicInput {
  if (!clinic) {
    return {
      name: '',
      regulator: regulatorFor('london'),
      locationId: '',
      rating: 'not_yet_rated',
      region: undefined as unknown as ClinicInput['region'],
      town: '',
      postcode: '',
      phone: '',
      email: '',
      services: [],
      substances: [],
      isDualDiagnosisCapable: undefined as unknown as boolean,
      programmeLengthsDays: [],
      weeklyPriceMinPence: undefined as unknown as number,
      weeklyPriceMaxPence: undefined as unknown as number,
      fundingRoutes: [],
      bedsTotal: 0,
      bedsAvailable: 0,
      feeTerms: { kind: 'percentage', percent: 10 },
      isActive: true,
    };
  }
  return {
    name: clinic.name,
    regulator: clinic.regulator,
    locationId: clinic.locationId,
    rating: clinic.rating,
    region: clinic.region,
    town: clinic.town,
    postcode: clinic.postcode,
    phone: formatUkPhone(clinic.phone),
    email: clinic.email ?? '',
    services: clinic.services,
    substances: clinic.substances,
    isDualDiagnosisCapable: clinic.isDualDiagnosisCapable,
    programmeLengthsDays: clinic.programmeLengthsDays,
    weeklyPriceMinPence: clinic.weeklyPriceMinPence,
    weeklyPriceMaxPence: clinic.weeklyPriceMaxPence,
    fundingRoutes: clinic.fundingRoutes,
    bedsTotal: clinic.bedsTotal,
    bedsAvailable: clinic.bedsAvailable,
    feeTerms: clinic.feeTerms,
    isActive: clinic.isActive,
  };
}

/** "28, 42 56" as [28, 42, 56]; anything not a number stays NaN so the schema names it. */
export function daysFromText(typed: unknown): number[] {
  if (Array.isArray(typed)) return typed as number[];
  return String(typed ?? '')
    .split(/[,\s]+/)
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : Number.NaN));
}
