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
      // Left empty so the manager states them: a guessed count or fee would go unnoticed.
      bedsTotal: undefined as unknown as number,
      bedsAvailable: undefined as unknown as number,
      feeTerms: { kind: 'percentage', percent: undefined as unknown as number },
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

/** A number typed into a box; empty becomes NaN, so the schema asks for it rather than taking 0. */
export const numberFromText = (typed: unknown) => (String(typed ?? '').trim() === '' ? Number.NaN : Number(typed));
