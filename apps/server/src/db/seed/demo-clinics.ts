import { clinicInputSchema, type ClinicInput, type FeeTerms, type Rating, type Service } from '@harbour/shared/clinics';
import type { Region } from '@harbour/shared/regions';
import type { SubstanceId } from '@harbour/shared/substances';
import type { Kysely } from 'kysely';
import type { StaffActor } from '../../actor';
import { createClinic } from '../../features/clinics/clinics.service';
import type { Database } from '../database';

// Thirty invented partner clinics, three in each region, marked as demo data. The names, IDs and
// addresses are made up; the phone numbers are Ofcom's drama numbers. Between them they cover
// every rule matching applies: substances, dual diagnosis, detox, funding, full, stale, inactive.

type Row = [
  name: string,
  region: Region,
  town: string,
  postcode: string,
  phone: string,
  rating: Rating,
  services: Service[],
  substances: SubstanceId[] | 'most',
  dual: boolean,
  lengths: number[],
  weeklyPounds: [from: number, to: number],
  funding: ClinicInput['fundingRoutes'] | 'private',
  beds: [total: number, free: number, confirmedHoursAgo: number],
  fee: FeeTerms,
  active?: boolean,
];

const MOST: SubstanceId[] = ['alcohol', 'cocaine', 'crack_cocaine', 'heroin', 'other_opioids', 'cannabis', 'benzodiazepines', 'amphetamines', 'ketamine', 'prescription_medicines'];
const PRIVATE: ClinicInput['fundingRoutes'] = ['self_funded', 'family', 'private_medical_insurance', 'employer'];
const RESIDENTIAL: Service[] = ['medically_managed_detox', 'residential_rehab', 'aftercare'];
const DAY: Service[] = ['outpatient', 'intensive_outpatient', 'partial_hospitalisation', 'aftercare'];
const pct = (percent: number): FeeTerms => ({ kind: 'percentage', percent });
const fixed = (pounds: number): FeeTerms => ({ kind: 'fixed', pence: pounds * 100 });

const clinics: Row[] = [
  ['Tyneview House', 'north_east', 'Newcastle upon Tyne', 'NE1 4ST', '0191 498 0201', 'good', RESIDENTIAL, 'most', true, [28, 42, 56], [3200, 4500], PRIVATE, [18, 3, 5], pct(12)],
  ['Wearside Recovery', 'north_east', 'Sunderland', 'SR1 3JD', '0191 498 0202', 'requires_improvement', ['residential_rehab', 'aftercare'], ['alcohol', 'cocaine', 'cannabis'], false, [28], [2400, 2900], [...PRIVATE, 'nhs_or_local_authority'], [12, 0, 30], fixed(1500)],
  ['Prebends Clinic', 'north_east', 'Durham', 'DH1 3RH', '0191 498 0203', 'outstanding', DAY, MOST.slice(0, 6), true, [42, 84], [900, 1400], ['self_funded', 'family', 'nhs_or_local_authority'], [0, 0, 2], pct(8)],
  ['Pennine Lodge', 'north_west', 'Manchester', 'M1 3BE', '0161 496 0201', 'good', RESIDENTIAL, 'most', true, [28, 56, 84], [3800, 5600], PRIVATE, [24, 5, 3], pct(10)],
  ['Mersey Sands', 'north_west', 'Liverpool', 'L1 8JQ', '0161 496 0202', 'outstanding', RESIDENTIAL, ['alcohol', 'heroin', 'other_opioids', 'crack_cocaine', 'benzodiazepines'], true, [28, 42], [4200, 6200], PRIVATE, [16, 1, 20], pct(12.5)],
  ['Ribble Bank', 'north_west', 'Preston', 'PR1 2HE', '0161 496 0203', 'not_yet_rated', ['residential_rehab', 'outpatient'], ['alcohol', 'cocaine', 'cannabis', 'gambling'], false, [28], [2600, 3100], ['self_funded', 'family'], [10, 4, 24 * 10], fixed(1800)],
  ['Kirkstall Grange', 'yorkshire_and_the_humber', 'Leeds', 'LS5 3BT', '0113 496 0201', 'good', RESIDENTIAL, 'most', true, [28, 56], [3500, 4800], [...PRIVATE, 'nhs_or_local_authority'], [22, 6, 1], pct(10)],
  ['Don Valley Recovery', 'yorkshire_and_the_humber', 'Sheffield', 'S1 2GH', '0114 496 0201', 'requires_improvement', ['medically_managed_detox', 'residential_rehab'], ['alcohol', 'heroin', 'other_opioids', 'benzodiazepines', 'ghb_gbl'], false, [14, 28], [2800, 3600], PRIVATE, [14, 2, 50], pct(9)],
  ['Minster Day Service', 'yorkshire_and_the_humber', 'York', 'YO1 7HH', '0113 496 0202', 'good', DAY, ['alcohol', 'cocaine', 'cannabis', 'ketamine', 'gambling'], true, [42, 84], [700, 1200], ['self_funded', 'family', 'employer', 'nhs_or_local_authority'], [0, 0, 6], fixed(600)],
  ['Sherwood House', 'east_midlands', 'Nottingham', 'NG1 5FS', '0116 496 0201', 'good', RESIDENTIAL, 'most', true, [28, 42, 56], [3300, 4700], PRIVATE, [20, 2, 8], pct(11)],
  ['Soar Meadows', 'east_midlands', 'Leicester', 'LE1 6TE', '0116 496 0202', 'inadequate', ['residential_rehab'], ['alcohol', 'cannabis', 'cocaine'], false, [28], [2100, 2500], ['self_funded', 'family'], [10, 7, 24 * 12], fixed(1200)],
  ['Derwent Clinic', 'east_midlands', 'Derby', 'DE1 1QZ', '0116 496 0203', 'outstanding', ['medically_managed_detox', 'residential_rehab', 'partial_hospitalisation'], ['alcohol', 'benzodiazepines', 'prescription_medicines', 'ghb_gbl', 'other_opioids'], true, [10, 28], [4500, 6800], PRIVATE, [12, 1, 4], pct(12)],
  ['Edgbaston Court', 'west_midlands', 'Birmingham', 'B15 3TN', '0121 496 0201', 'good', RESIDENTIAL, 'most', true, [28, 56, 84], [3600, 5200], [...PRIVATE, 'nhs_or_local_authority'], [30, 8, 2], pct(10)],
  ['Spon End Recovery', 'west_midlands', 'Coventry', 'CV1 3HQ', '0121 496 0202', 'requires_improvement', ['residential_rehab', 'aftercare'], ['alcohol', 'heroin', 'crack_cocaine', 'cannabis'], false, [28, 42], [2500, 3200], ['self_funded', 'family', 'nhs_or_local_authority'], [16, 0, 12], fixed(1400)],
  ['Severn Vale', 'west_midlands', 'Worcester', 'WR1 2DS', '0121 496 0203', 'good', RESIDENTIAL, ['alcohol', 'cocaine', 'ketamine', 'benzodiazepines', 'cannabis'], true, [28], [3900, 4400], PRIVATE, [12, 3, 36], pct(10), false],
  ['Broadland House', 'east_of_england', 'Norwich', 'NR1 3JU', '01223 496201', 'good', RESIDENTIAL, 'most', true, [28, 42], [3400, 4600], PRIVATE, [18, 4, 6], pct(11)],
  ['Granta Clinic', 'east_of_england', 'Cambridge', 'CB2 1RX', '01223 496202', 'outstanding', ['medically_managed_detox', 'residential_rehab', 'intensive_outpatient'], ['alcohol', 'cocaine', 'ketamine', 'mdma', 'ghb_gbl', 'prescription_medicines'], true, [14, 28, 56], [5200, 7800], PRIVATE, [14, 2, 3], pct(12.5)],
  ['Orwell Day Service', 'east_of_england', 'Ipswich', 'IP1 2AN', '01223 496203', 'not_yet_rated', DAY, ['alcohol', 'cannabis', 'cocaine', 'gambling'], false, [42, 84], [650, 1000], ['self_funded', 'family', 'nhs_or_local_authority'], [0, 0, 48], fixed(500)],
  ['Southwark Place', 'london', 'London', 'SE1 7PB', '020 7946 0201', 'good', RESIDENTIAL, 'most', true, [28, 56], [4800, 7500], PRIVATE, [26, 3, 1], pct(12)],
  ['Islington Recovery Centre', 'london', 'London', 'N1 9GU', '020 7946 0202', 'outstanding', ['outpatient', 'intensive_outpatient', 'partial_hospitalisation', 'aftercare'], 'most', true, [42, 84], [1200, 2200], [...PRIVATE, 'nhs_or_local_authority'], [0, 0, 4], pct(10)],
  ['Limehouse Lodge', 'london', 'London', 'E14 8JH', '020 7946 0203', 'requires_improvement', ['medically_managed_detox', 'residential_rehab'], ['alcohol', 'heroin', 'crack_cocaine', 'ghb_gbl', 'ketamine', 'mdma'], false, [14, 28], [4000, 5500], PRIVATE, [15, 5, 24 * 9], fixed(2500)],
  ['Downs View', 'south_east', 'Brighton', 'BN1 1UG', '0118 496 0201', 'good', RESIDENTIAL, 'most', true, [28, 42, 56], [4300, 6000], PRIVATE, [20, 2, 7], pct(11)],
  ['Stour House', 'south_east', 'Canterbury', 'CT1 2RB', '0118 496 0202', 'good', ['residential_rehab', 'outpatient', 'aftercare'], ['alcohol', 'cocaine', 'cannabis', 'prescription_medicines'], true, [28, 56], [3100, 3900], [...PRIVATE, 'nhs_or_local_authority'], [12, 0, 5], fixed(1600)],
  ['Isis Meadow Clinic', 'south_east', 'Oxford', 'OX1 1HS', '0118 496 0203', 'outstanding', RESIDENTIAL, ['alcohol', 'benzodiazepines', 'prescription_medicines', 'other_opioids', 'cocaine'], true, [28, 42], [5800, 8900], ['self_funded', 'family', 'private_medical_insurance'], [10, 2, 10], pct(12.5)],
  ['Avon Gorge House', 'south_west', 'Bristol', 'BS8 4SJ', '0117 496 0201', 'good', RESIDENTIAL, 'most', true, [28, 56], [3500, 4900], PRIVATE, [20, 4, 3], pct(10)],
  ['Exe Estuary Recovery', 'south_west', 'Exeter', 'EX1 1HS', '01392 496201', 'requires_improvement', ['residential_rehab', 'aftercare'], ['alcohol', 'cannabis', 'cocaine', 'amphetamines'], false, [28, 42], [2700, 3300], ['self_funded', 'family', 'nhs_or_local_authority'], [14, 3, 24 * 8], fixed(1300)],
  ['Sulis Day Service', 'south_west', 'Bath', 'BA1 1SU', '0117 496 0202', 'good', DAY, ['alcohol', 'cocaine', 'cannabis', 'ketamine'], true, [42], [800, 1100], ['self_funded', 'family', 'employer'], [0, 0, 12], fixed(550)],
  ['Taff Vale House', 'wales', 'Cardiff', 'CF10 1EP', '029 2018 0201', 'good', RESIDENTIAL, 'most', true, [28, 56], [3000, 4300], [...PRIVATE, 'nhs_or_local_authority'], [18, 3, 4], pct(10)],
  ['Tawe Recovery', 'wales', 'Swansea', 'SA1 3SN', '029 2018 0202', 'not_yet_rated', ['medically_managed_detox', 'residential_rehab'], ['alcohol', 'heroin', 'other_opioids', 'benzodiazepines'], false, [14, 28], [2600, 3400], ['self_funded', 'family', 'nhs_or_local_authority'], [12, 1, 30], fixed(1400)],
  ['Clwyd Day Service', 'wales', 'Wrexham', 'LL11 1AU', '029 2018 0203', 'good', DAY, ['alcohol', 'cannabis', 'cocaine', 'gambling'], true, [42, 84], [600, 950], ['self_funded', 'family', 'nhs_or_local_authority'], [0, 0, 20], fixed(450)],
];

export const DEMO_CLINIC_COUNT = clinics.length;

/** Every demo clinic as the manager's form would send it, checked before anything is written. */
export function preparedDemoClinics() {
  return clinics.map((row, index) => {
    const [name, region, town, postcode, phone, rating, services, substances, dual, lengths, [from, to], funding, [total, free, hoursAgo], fee, active] = row;
    const input: ClinicInput = {
      name,
      regulator: region === 'wales' ? 'hiw' : 'cqc',
      // Invented IDs: a CQC one has CQC's shape, an HIW one a plain demo number.
      locationId: region === 'wales' ? `HIW-DEMO-${100 + index}` : `1-9${String(100_000_000 + index * 7_919).slice(1)}`,
      rating,
      region,
      town,
      postcode,
      phone,
      email: `admissions@${name.toLowerCase().replace(/[^a-z]+/g, '-')}.example`,
      services,
      substances: substances === 'most' ? MOST : substances,
      isDualDiagnosisCapable: dual,
      programmeLengthsDays: lengths,
      weeklyPriceMinPence: from * 100,
      weeklyPriceMaxPence: to * 100,
      fundingRoutes: funding === 'private' ? PRIVATE : funding,
      bedsTotal: total,
      bedsAvailable: free,
      feeTerms: fee,
      isActive: active ?? true,
    };
    const parsed = clinicInputSchema.safeParse(input);
    if (!parsed.success) throw new Error(`Demo clinic ${name}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
    return { clinic: parsed.data, bedsConfirmedHoursAgo: hoursAgo };
  });
}

/** Adds the demo clinics as the manager, each bed count confirmed some hours ago; returns their ids by name. */
export async function seedDemoClinics(db: Kysely<Database>, manager: StaffActor, prepared: ReturnType<typeof preparedDemoClinics>, now: Date) {
  const ids = new Map<string, string>();
  for (const { clinic, bedsConfirmedHoursAgo } of prepared) {
    const confirmedAt = new Date(now.getTime() - bedsConfirmedHoursAgo * 3_600_000);
    // Added then, so the free beds were last confirmed then.
    const created = await createClinic(db, manager, clinic, confirmedAt);
    ids.set(clinic.name, created.id);
  }
  await db.updateTable('clinics').set({ is_demo: true }).where('id', 'in', [...ids.values()]).execute();
  return ids;
}
