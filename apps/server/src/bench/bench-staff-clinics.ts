import { clinicInputSchema, serviceFeeOf, type ClinicFields, type ClinicInput, type Rating, type Service } from '@harbour/shared/clinics';
import { regionValues, type Region } from '@harbour/shared/regions';
import type { SubstanceId } from '@harbour/shared/substances';
import type { Role } from '@harbour/shared/roles';
import { copyArray, copyBool, copyText, NULL } from './copy-text';
import { benchId, Dice, IdKind, weightsOf } from './bench-dice';
import { FIRST_NAMES, SURNAMES } from './bench-people';

// ---- Staff: 240 advisers, 50 team leads, 10 managers, all signing in with one password ----

/** Every benchmark account's password (one argon2 hash shared by all, made once per load). */
export const BENCH_PASSWORD = 'harbour-bench-password';

export const STAFF_COUNTS = { adviser: 240, team_lead: 50, manager: 10 } as const satisfies Record<Role, number>;
const EMAIL_WORD: Record<Role, string> = { adviser: 'adviser', team_lead: 'lead', manager: 'manager' };

export const STAFF_TOTAL = STAFF_COUNTS.adviser + STAFF_COUNTS.team_lead + STAFF_COUNTS.manager;

/** bench-adviser-001@harbour.test and so on; `number` counts from 1 within the role. */
export const benchStaffEmail = (role: Role, number: number) => `bench-${EMAIL_WORD[role]}-${String(number).padStart(3, '0')}@harbour.test`;

/** Staff row `index`: advisers first, then team leads, then managers. */
export function staffMember(index: number): { id: string; role: Role; email: string } {
  const role: Role = index < STAFF_COUNTS.adviser ? 'adviser' : index < STAFF_COUNTS.adviser + STAFF_COUNTS.team_lead ? 'team_lead' : 'manager';
  const numberInRole = role === 'adviser' ? index + 1 : role === 'team_lead' ? index - STAFF_COUNTS.adviser + 1 : index - STAFF_COUNTS.adviser - STAFF_COUNTS.team_lead + 1;
  return { id: benchId(IdKind.staff, index), role, email: benchStaffEmail(role, numberInRole) };
}

export const STAFF_COLUMNS = ['id', 'email', 'full_name', 'role', 'password_hash'] as const;

export function staffRow(index: number, passwordHash: string): string {
  const { id, role, email } = staffMember(index);
  const first = FIRST_NAMES[(index * 7) % FIRST_NAMES.length]!;
  const surname = SURNAMES[(index * 13 + 5) % SURNAMES.length]!;
  return [id, email, copyText(`${first} ${surname}`), role, copyText(passwordHash)].join('\t');
}

// ---- Clinics: forty in each region, checked with the form's own schema ----

export const CLINIC_COUNT = 400;

const TOWNS: Record<Region, ReadonlyArray<readonly [town: string, postcodeArea: string]>> = {
  north_east: [['Newcastle upon Tyne', 'NE'], ['Durham', 'DH'], ['Sunderland', 'SR'], ['Middlesbrough', 'TS']],
  north_west: [['Manchester', 'M'], ['Liverpool', 'L'], ['Preston', 'PR'], ['Bolton', 'BL'], ['Warrington', 'WA']],
  yorkshire_and_the_humber: [['Leeds', 'LS'], ['Sheffield', 'S'], ['York', 'YO'], ['Hull', 'HU'], ['Bradford', 'BD']],
  east_midlands: [['Nottingham', 'NG'], ['Leicester', 'LE'], ['Derby', 'DE'], ['Lincoln', 'LN']],
  west_midlands: [['Birmingham', 'B'], ['Coventry', 'CV'], ['Wolverhampton', 'WV'], ['Worcester', 'WR'], ['Stoke-on-Trent', 'ST']],
  east_of_england: [['Norwich', 'NR'], ['Cambridge', 'CB'], ['Ipswich', 'IP'], ['Colchester', 'CO'], ['Peterborough', 'PE']],
  london: [['London', 'E'], ['London', 'N'], ['London', 'SE'], ['London', 'SW'], ['London', 'W']],
  south_east: [['Brighton', 'BN'], ['Canterbury', 'CT'], ['Oxford', 'OX'], ['Reading', 'RG'], ['Guildford', 'GU']],
  south_west: [['Bristol', 'BS'], ['Exeter', 'EX'], ['Bath', 'BA'], ['Plymouth', 'PL'], ['Truro', 'TR']],
  wales: [['Cardiff', 'CF'], ['Swansea', 'SA'], ['Llandudno', 'LL'], ['Newport', 'NP']],
};
const NAME_WORDS = ['House', 'Lodge', 'Recovery', 'Manor', 'Clinic', 'Centre', 'Hall', 'Court'];
const PLACE_WORDS = ['Oak', 'Willow', 'River', 'Hill', 'Meadow', 'Cedar', 'Harbour', 'Brook', 'Ash', 'Heath'];
const MOST: SubstanceId[] = ['alcohol', 'cocaine', 'crack_cocaine', 'heroin', 'other_opioids', 'cannabis', 'benzodiazepines', 'amphetamines', 'ketamine', 'prescription_medicines'];
const RATINGS = weightsOf<Rating>([['outstanding', 10], ['good', 65], ['requires_improvement', 18], ['inadequate', 2], ['not_yet_rated', 5]]);

export interface BenchClinic {
  id: string;
  fields: ClinicFields;
  /** The programmes a placement may book there (aftercare is not booked as a placement). */
  programmes: Service[];
  feeTermsJson: string;
}

function clinicInput(index: number): ClinicInput {
  const dice = new Dice(93, index);
  const region = regionValues[index % regionValues.length]!;
  const [town, area] = dice.pick(TOWNS[region]);
  const isResidential = dice.chance(0.75);
  const services: Service[] = isResidential
    ? dice.chance(0.6) ? ['medically_managed_detox', 'residential_rehab', 'aftercare'] : ['residential_rehab', 'aftercare']
    : ['outpatient', 'intensive_outpatient', 'partial_hospitalisation', 'aftercare'];
  const weeklyFrom = isResidential ? dice.between(18, 45) * 100 : dice.between(3, 9) * 100;
  const bedsTotal = isResidential ? dice.between(8, 60) : 0;
  const isPrivateOnly = dice.chance(0.6);
  return {
    name: `${dice.pick(PLACE_WORDS)} ${dice.pick(NAME_WORDS)} ${town} ${Math.floor(index / regionValues.length) + 1}`,
    regulator: region === 'wales' ? 'hiw' : 'cqc',
    // CQC location ids look like 1-101681479; HIW's here are made up in a form of their own.
    locationId: region === 'wales' ? `HIW-BENCH-${String(index).padStart(4, '0')}` : `1-${String(1_000_000_000 + index * 7_919).padStart(10, '0')}`,
    rating: dice.weighted(RATINGS),
    region,
    town,
    postcode: `${area}${dice.between(1, 19)} ${dice.between(1, 9)}ZZ`,
    // Ofcom's drama numbers: 0113 496 0000 to 0999.
    phone: `0113 496 0${String(index % 1000).padStart(3, '0')}`,
    email: `clinic${index}@example.org`,
    services,
    substances: dice.chance(0.7) ? MOST : ['alcohol', 'cocaine', 'cannabis', 'benzodiazepines'],
    isDualDiagnosisCapable: dice.chance(0.5),
    programmeLengthsDays: isResidential ? (dice.chance(0.5) ? [28, 42, 56] : [14, 28, 84]) : [42, 84],
    weeklyPriceMinPence: weeklyFrom * 100,
    weeklyPriceMaxPence: (weeklyFrom + dice.between(2, 20) * 100) * 100,
    fundingRoutes: isPrivateOnly ? ['self_funded', 'family', 'private_medical_insurance', 'employer'] : ['self_funded', 'family', 'private_medical_insurance', 'employer', 'nhs_or_local_authority'],
    bedsTotal,
    bedsAvailable: bedsTotal === 0 ? 0 : dice.between(0, Math.min(bedsTotal, 6)),
    feeTerms: dice.chance(0.7) ? { kind: 'percentage', percent: dice.between(800, 1500) / 100 } : { kind: 'fixed', pence: dice.between(10, 25) * 10_000 },
    isActive: dice.chance(0.97),
  };
}

let clinics: BenchClinic[] | undefined;

/** The clinics, built and checked once. */
export function benchClinics(): BenchClinic[] {
  clinics ??= Array.from({ length: CLINIC_COUNT }, (_, index) => {
    const fields = clinicInputSchema.parse(clinicInput(index));
    return {
      id: benchId(IdKind.clinic, index),
      fields,
      programmes: fields.services.filter((service) => service !== 'aftercare'),
      feeTermsJson: JSON.stringify(fields.feeTerms),
    };
  });
  return clinics;
}

export const CLINIC_COLUMNS = [
  'id', 'name', 'regulator', 'location_id', 'rating', 'region', 'town', 'postcode', 'phone_e164', 'email', 'services', 'substances',
  'is_dual_diagnosis_capable', 'programme_lengths_days', 'weekly_price_min_pence', 'weekly_price_max_pence', 'funding_routes', 'beds_total',
  'beds_available', 'beds_confirmed_at', 'fee_terms', 'is_active',
] as const;

export function clinicRow(index: number, nowMs: number): string {
  const { id, fields, feeTermsJson } = benchClinics()[index]!;
  return [
    id, copyText(fields.name), fields.regulator, copyText(fields.locationId), fields.rating, fields.region, copyText(fields.town),
    copyText(fields.postcode), fields.phone, copyText(fields.email ?? null), copyArray(fields.services), copyArray(fields.substances),
    copyBool(fields.isDualDiagnosisCapable), copyArray(fields.programmeLengthsDays), String(fields.weeklyPriceMinPence),
    String(fields.weeklyPriceMaxPence), copyArray(fields.fundingRoutes), String(fields.bedsTotal), String(fields.bedsAvailable),
    fields.bedsTotal > 0 ? new Date(nowMs - (index % 48) * 3_600_000).toISOString() : NULL, copyText(feeTermsJson), copyBool(fields.isActive),
  ].join('\t');
}

/** The fee a confirmed placement freezes, as the placements service works it out. */
export const placementFee = (clinic: BenchClinic, weeklyPricePence: number, lengthDays: number) => serviceFeeOf(clinic.fields.feeTerms, weeklyPricePence, lengthDays);
