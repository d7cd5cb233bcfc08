import { describe, expect, it } from 'vitest';
import {
  clinicInputSchema,
  clinicListSchema,
  confirmBedsSchema,
  matchSchema,
  programmePriceOf,
  regulatorFor,
  serviceFeeOf,
  updateClinicSchema,
  type ClinicInput,
  type FeeTerms,
} from './clinics';
import { errorsOf } from './test-errors';

const CLINIC_ID = '5d6c7b8a-9f0e-4d1c-8b2a-3e4f5a6b7c8d';
const CASE_ID = '0b9e7d1c-3f4a-4e2b-9c8d-7a6b5c4d3e2f';

const clinic: ClinicInput = {
  name: 'Millbrook House',
  regulator: 'cqc',
  locationId: '1-101681479',
  rating: 'good',
  region: 'north_west',
  town: 'Preston',
  postcode: 'pr1 2hd',
  phone: '01772 900100',
  email: ' Referrals@Millbrook.example ',
  services: ['residential_rehab', 'medically_managed_detox'],
  substances: ['alcohol', 'cocaine'],
  isDualDiagnosisCapable: true,
  programmeLengthsDays: [28, 7, 14],
  weeklyPriceMinPence: 150_000,
  weeklyPriceMaxPence: 220_000,
  fundingRoutes: ['self_funded', 'private_medical_insurance'],
  bedsTotal: 20,
  bedsAvailable: 3,
  feeTerms: { kind: 'percentage', percent: 12.5 },
  isActive: true,
};

describe('clinicInputSchema', () => {
  it('keeps a clinic, tidying the postcode, phone and email and listing lengths shortest first', () => {
    expect(clinicInputSchema.parse(clinic)).toEqual({
      ...clinic,
      postcode: 'PR1 2HD',
      phone: '+441772900100',
      email: 'referrals@millbrook.example',
      programmeLengthsDays: [7, 14, 28],
    });
  });

  it.each<[string, Partial<ClinicInput>]>([
    ['a Welsh clinic registered with HIW under its own kind of ID', { region: 'wales', regulator: 'hiw', locationId: 'HIW-12345' }],
    ['no email', { email: '' }],
    ['a clinic with no beds (outpatient only)', { bedsTotal: 0, bedsAvailable: 0, services: ['outpatient'] }],
    ['one price for every week', { weeklyPriceMinPence: 150_000, weeklyPriceMaxPence: 150_000 }],
    ['every bed free', { bedsAvailable: 20 }],
    ['programmes of 1 and 365 days', { programmeLengthsDays: [1, 365] }],
    ['a fixed fee', { feeTerms: { kind: 'fixed', pence: 250_000 } }],
    ['a fee with 2 decimal places', { feeTerms: { kind: 'percentage', percent: 14.35 } }],
    ['a fee of 100%', { feeTerms: { kind: 'percentage', percent: 100 } }],
    ['an inactive clinic', { isActive: false }],
  ])('accepts %s', (_what, change) => {
    expect(clinicInputSchema.safeParse({ ...clinic, ...change }).success).toBe(true);
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ['no name', { name: ' ' }, 'name', 'Enter the clinic name'],
    ['markup in the name', { name: '<b>Millbrook</b>' }, 'name', 'Clinic name must not contain HTML or other markup'],
    ['a regulator not on the list', { regulator: 'ofsted' }, 'regulator', 'Choose the regulator'],
    ['HIW for a clinic in England', { regulator: 'hiw' }, 'regulator', 'A clinic in England is regulated by the CQC'],
    ['the CQC for a clinic in Wales', { region: 'wales' }, 'regulator', 'A clinic in Wales is regulated by HIW'],
    ['no location ID', { locationId: '' }, 'locationId', "Enter the regulator's location ID"],
    ['a CQC location ID without its "1-"', { locationId: '101681479' }, 'locationId', 'Enter the CQC location ID, like 1-101681479'],
    ['a rating not on the list', { rating: 'excellent' }, 'rating', 'Choose the latest rating'],
    ['a region not on the list', { region: 'scotland' }, 'region', 'Choose a region from the list'],
    ['no town', { town: '' }, 'town', 'Enter the town'],
    ['no postcode', { postcode: ' ' }, 'postcode', 'Enter the postcode'],
    ['a postcode that is not one', { postcode: 'PR1' }, 'postcode', 'Enter a UK postcode, like SW1A 1AA'],
    ['a phone number that is not a UK one', { phone: '+1 202 555 0143' }, 'phone', 'Enter a UK phone number, like 07400 123456 or 020 7946 0000'],
    ['an email without a domain', { email: 'referrals@' }, 'email', 'Enter an email address like name@example.org, or leave it empty'],
    ['no services', { services: [] }, 'services', 'Choose at least one service'],
    ['a service not on the list', { services: ['spa'] }, 'services.0', 'Choose a service from the list'],
    ['a service twice', { services: ['outpatient', 'outpatient'] }, 'services', 'Choose each service only once'],
    ['no substances', { substances: [] }, 'substances', 'Choose at least one substance'],
    ['a substance not on the list', { substances: ['caffeine'] }, 'substances.0', 'Choose a substance from the list'],
    ['no dual diagnosis answer', { isDualDiagnosisCapable: undefined }, 'isDualDiagnosisCapable', 'Answer whether the clinic can treat a dual diagnosis'],
    ['no programme lengths', { programmeLengthsDays: [] }, 'programmeLengthsDays', 'Enter at least one programme length'],
    ['a length of 0 days', { programmeLengthsDays: [0] }, 'programmeLengthsDays.0', 'Programme length must be at least 1 day'],
    ['a length of 366 days', { programmeLengthsDays: [366] }, 'programmeLengthsDays.0', 'Programme length must be at most 365 days'],
    ['a length of half a day', { programmeLengthsDays: [7.5] }, 'programmeLengthsDays.0', 'Programme length must be a whole number of days'],
    ['a length twice', { programmeLengthsDays: [28, 28] }, 'programmeLengthsDays', 'Enter each programme length only once'],
    ['a price in fractions of a penny', { weeklyPriceMinPence: 100.5 }, 'weeklyPriceMinPence', 'Lowest weekly price must be in whole pence'],
    ['a negative price', { weeklyPriceMinPence: -1 }, 'weeklyPriceMinPence', 'Lowest weekly price cannot be negative'],
    ['a price over £100,000 a week', { weeklyPriceMaxPence: 10_000_001 }, 'weeklyPriceMaxPence', 'Highest weekly price must be at most £100,000'],
    ['the highest price below the lowest', { weeklyPriceMaxPence: 149_999 }, 'weeklyPriceMaxPence', 'Highest weekly price must be at least the lowest weekly price'],
    ['no funding routes', { fundingRoutes: [] }, 'fundingRoutes', 'Choose at least one funding route'],
    ['"undecided" as a funding route accepted', { fundingRoutes: ['undecided'] }, 'fundingRoutes.0', 'Choose a funding route from the list'],
    ['a negative bed count', { bedsAvailable: -1 }, 'bedsAvailable', 'Beds available cannot be negative'],
    ['over 500 beds', { bedsTotal: 501 }, 'bedsTotal', 'Beds in total must be at most 500'],
    ['more beds free than there are', { bedsAvailable: 21 }, 'bedsAvailable', 'Beds available cannot be more than beds in total'],
    ['no fee terms', { feeTerms: undefined }, 'feeTerms', 'Choose how the clinic pays its fee'],
    ['fee terms of another kind', { feeTerms: { kind: 'bonus', pence: 1 } }, 'feeTerms.kind', 'Choose how the clinic pays its fee'],
    ['a fee of over 100%', { feeTerms: { kind: 'percentage', percent: 100.01 } }, 'feeTerms.percent', 'Fee percentage must be at most 100'],
    ['a fee of 3 decimal places', { feeTerms: { kind: 'percentage', percent: 12.345 } }, 'feeTerms.percent', 'Fee percentage must have at most 2 decimal places'],
    ['a fixed fee in fractions of a penny', { feeTerms: { kind: 'fixed', pence: 0.5 } }, 'feeTerms.pence', 'Fixed fee must be in whole pence'],
    ['no answer to active', { isActive: 'yes' }, 'isActive', 'Answer whether the clinic is active'],
  ])('refuses %s, naming the field', (_what, change, field, message) => {
    expect(errorsOf(clinicInputSchema.safeParse({ ...clinic, ...change }))).toEqual({ [field]: message });
  });

  it.each([
    ['north_west', 'cqc'],
    ['london', 'cqc'],
    ['south_west', 'cqc'],
    ['wales', 'hiw'],
  ] as const)('names the regulator of a clinic in %s: %s', (region, regulator) => {
    expect(regulatorFor(region)).toBe(regulator);
  });
});

describe('the other clinic inputs', () => {
  it('names a field inside an update as clinic.<field>, and a stale or missing version in words', () => {
    expect(errorsOf(updateClinicSchema.safeParse({ id: CLINIC_ID, version: 0, clinic: { ...clinic, town: '' } }))).toEqual({
      version: 'Reload the clinic and try again',
      'clinic.town': 'Enter the town',
    });
    expect(errorsOf(updateClinicSchema.safeParse({ id: 'millbrook', version: 3, clinic }))).toEqual({ id: 'Unknown clinic' });
  });

  it.each<[string, Record<string, unknown>, Record<string, string>]>([
    ['a bed count', { id: CLINIC_ID, available: 2 }, {}],
    ['no bed free', { id: CLINIC_ID, available: 0 }, {}],
    ['a negative count', { id: CLINIC_ID, available: -1 }, { available: 'Beds available cannot be negative' }],
    ['no count', { id: CLINIC_ID }, { available: 'Beds available must be a number' }],
  ])('confirms beds: %s', (_what, input, errors) => {
    expect(errorsOf(confirmBedsSchema.safeParse(input))).toEqual(errors);
  });

  it('lists clinics with an empty search as no search, and refuses a region not on the list', () => {
    expect(clinicListSchema.parse({ region: 'wales', service: 'aftercare', search: '  ' })).toEqual({ region: 'wales', service: 'aftercare' });
    expect(clinicListSchema.parse({ search: ' Mill ' })).toEqual({ search: 'Mill' });
    expect(errorsOf(clinicListSchema.safeParse({ region: 'scotland', service: 'spa' }))).toEqual({
      region: 'Choose a region from the list',
      service: 'Choose a service from the list',
    });
  });

  it.each<[string, Record<string, unknown>, Record<string, string>]>([
    ['the travel alone', { caseId: CASE_ID, travel: 'anywhere' }, {}],
    ['a programme and length', { caseId: CASE_ID, travel: 'region', programme: 'residential_rehab', lengthDays: 28 }, {}],
    ['no travel', { caseId: CASE_ID }, { travel: 'Choose how far the client can travel' }],
    ['travel not on the list', { caseId: CASE_ID, travel: 'abroad' }, { travel: 'Choose how far the client can travel' }],
    ['a programme not on the list', { caseId: CASE_ID, travel: 'anywhere', programme: 'spa' }, { programme: 'Choose a programme from the list' }],
    ['a length of 0 days', { caseId: CASE_ID, travel: 'anywhere', lengthDays: 0 }, { lengthDays: 'Programme length must be at least 1 day' }],
    ['an unknown case', { caseId: 'x', travel: 'anywhere' }, { caseId: 'Unknown case' }],
  ])('matches with %s', (_what, input, errors) => {
    expect(errorsOf(matchSchema.safeParse(input))).toEqual(errors);
  });
});

describe('programmePriceOf: the weekly price for a length, in whole pence', () => {
  it.each([
    ['4 weeks', 100_000, 28, 400_000],
    ['1 week', 123_456, 7, 123_456],
    ['10 days, a fraction rounded down', 100_000, 10, 142_857],
    ['4 days of 1p a week, a fraction rounded up', 1, 4, 1],
    ['3 days of 1p a week, a fraction rounded down', 1, 3, 0],
  ])('%s', (_what, weekly, days, pence) => {
    expect(programmePriceOf(weekly, days)).toBe(pence);
  });
});

describe("serviceFeeOf: the service's fee for an admission", () => {
  it.each<[string, FeeTerms, number, number, number]>([
    ['15% of 4 weeks at £1,000', { kind: 'percentage', percent: 15 }, 100_000, 28, 60_000],
    ['12.5% of 10 days at £1,000, a fraction of a penny dropped', { kind: 'percentage', percent: 12.5 }, 100_000, 10, 17_857],
    ['50% of 1p, half a penny rounded up', { kind: 'percentage', percent: 50 }, 1, 7, 1],
    // 2.3% of £15.00 is 34.5p; in floating point 375 × 28 ÷ 7 × 2.3 ÷ 100 is 34.4999… and would round down.
    ['2.3% of 4 weeks at £3.75, exactly half a penny', { kind: 'percentage', percent: 2.3 }, 375, 28, 35],
    // The price is £1,428.75714…: rounded first to £1,428.76, 12.5% of it would be a penny more.
    ['12.5% of 10 days at £1,000.13, rounded once only', { kind: 'percentage', percent: 12.5 }, 100_013, 10, 17_859],
    ['0%', { kind: 'percentage', percent: 0 }, 100_000, 28, 0],
    ['a fixed fee, whatever the price', { kind: 'fixed', pence: 250_000 }, 100_000, 28, 250_000],
    ['a fixed fee, whatever the length', { kind: 'fixed', pence: 250_000 }, 100_000, 7, 250_000],
  ])('%s', (_what, terms, weekly, days, fee) => {
    expect(serviceFeeOf(terms, weekly, days)).toBe(fee);
  });
});
