import { describe, expect, it } from 'vitest';
import { assessmentSchema, type AssessmentInput } from './assessment';
import { riskScreenWithNothingFound } from './assessment-fixtures';
import {
  clinicNeedOf,
  MATCH_WEIGHTS,
  matchClinics,
  ratingShares,
  type ClinicNeed,
  type MatchableClinic,
  type MatchOptions,
} from './clinic-matching';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const now = new Date('2026-11-28T12:00:00Z');
const ago = (millis: number) => new Date(now.getTime() - millis);

type Clinic = MatchableClinic & { id: string };

/** A London clinic that can take the person below: every rule passes. */
const fitting: Clinic = {
  id: 'fitting',
  name: 'Fitting House',
  regulator: 'cqc',
  rating: 'good',
  region: 'london',
  services: ['medically_managed_detox', 'residential_rehab', 'outpatient'],
  substances: ['alcohol', 'cocaine', 'crack_cocaine', 'mdma', 'ghb_gbl', 'other'],
  isDualDiagnosisCapable: true,
  programmeLengthsDays: [7, 14, 28],
  weeklyPriceMinPence: 100_000,
  weeklyPriceMaxPence: 150_000,
  fundingRoutes: ['self_funded', 'family', 'private_medical_insurance', 'employer', 'nhs_or_local_authority'],
  bedsAvailable: 2,
  bedsConfirmedAt: ago(3 * HOUR),
  isActive: true,
};

const need: ClinicNeed = {
  primarySubstance: 'alcohol',
  substances: ['alcohol'],
  isDualDiagnosis: false,
  needsMedicalDetox: false,
  fundingRoute: 'self_funded',
  budgetMaxPence: 1_000_000,
  region: 'london',
};

const anywhere: MatchOptions = { travel: 'anywhere', now };

const clinicWith = (name: string, change: Partial<Clinic> = {}): Clinic => ({ ...fitting, id: name, name, ...change });

/** The one clinic's match. */
function matchOf(change: Partial<Clinic> = {}, needChange: Partial<ClinicNeed> = {}, options: Partial<MatchOptions> = {}) {
  const [match] = matchClinics({ ...need, ...needChange }, [{ ...fitting, ...change }], { ...anywhere, ...options });
  return match!;
}

/** The names in ranked order. */
const namesOf = (matches: ReadonlyArray<{ clinic: Clinic }>) => matches.map((match) => match.clinic.name);

describe('matchClinics: hard rules, each on its own', () => {
  it('excludes nothing from a clinic that fits', () => {
    expect(matchOf()).toMatchObject({ isExcluded: false, exclusions: [] });
  });

  it.each<[string, Partial<Clinic>, Partial<ClinicNeed>, Partial<MatchOptions>, string]>([
    ['the primary substance is not treated', { substances: ['cocaine'] }, {}, {}, 'Excluded because it does not treat alcohol'],
    [
      'other substances are not treated, named primary first',
      { substances: ['cocaine'] },
      { primarySubstance: 'crack_cocaine', substances: ['alcohol', 'crack_cocaine', 'mdma'] },
      {},
      'Excluded because it does not treat crack cocaine, alcohol or MDMA',
    ],
    [
      'GHB/GBL and "other" are not treated',
      { substances: ['alcohol'] },
      { substances: ['ghb_gbl', 'other'] },
      {},
      'Excluded because it does not treat GHB/GBL or other substances',
    ],
    ['a dual diagnosis is not taken', { isDualDiagnosisCapable: false }, { isDualDiagnosis: true }, {}, 'Excluded because it cannot treat a dual diagnosis'],
    [
      'medically managed detox is needed and not offered',
      { services: ['residential_rehab'] },
      { needsMedicalDetox: true },
      {},
      'Excluded because withdrawal could be medically dangerous and it does not offer medically managed detox',
    ],
    ['self-funding is not accepted', { fundingRoutes: ['employer'] }, {}, {}, 'Excluded because it does not accept self-funded clients'],
    ['family funding is not accepted', { fundingRoutes: ['employer'] }, { fundingRoute: 'family' }, {}, 'Excluded because it does not accept funding from family'],
    [
      'private medical insurance is not accepted',
      { fundingRoutes: ['self_funded'] },
      { fundingRoute: 'private_medical_insurance' },
      {},
      'Excluded because it does not accept private medical insurance',
    ],
    ['an employer is not accepted', { fundingRoutes: ['self_funded'] }, { fundingRoute: 'employer' }, {}, 'Excluded because it does not accept funding from an employer'],
    [
      'NHS funding is not accepted',
      { fundingRoutes: ['self_funded'] },
      { fundingRoute: 'nhs_or_local_authority' },
      {},
      'Excluded because it does not accept NHS or local authority funding',
    ],
    ['the clinic is inactive', { isActive: false }, {}, {}, 'Excluded because it is marked inactive'],
    ['the programme is not offered', {}, {}, { programme: 'intensive_outpatient' }, 'Excluded because it does not offer intensive outpatient treatment'],
    ['the length is not offered', {}, {}, { lengthDays: 10 }, 'Excluded because it does not offer a 10-day programme (it offers 7, 14 or 28 days)'],
    ['the one length offered is not the one chosen', { programmeLengthsDays: [28] }, {}, { lengthDays: 14 }, 'Excluded because it does not offer a 14-day programme (it offers 28 days)'],
    ['it is next door and travel is to the region only', { region: 'south_east' }, {}, { travel: 'region' }, 'Excluded because it is in the South East, outside London'],
    [
      'it is further than next door, and travel is to neighbouring regions',
      { region: 'north_east' },
      {},
      { travel: 'neighbouring' },
      'Excluded because it is in the North East, further than the regions next to London',
    ],
  ])('excludes a clinic when %s', (_what, change, needChange, options, exclusion) => {
    expect(matchOf(change, needChange, options)).toMatchObject({ isExcluded: true, exclusions: [exclusion] });
  });

  it.each<[string, Partial<Clinic>, Partial<ClinicNeed>, Partial<MatchOptions>]>([
    ['a clinic without dual-diagnosis care, when none is needed', { isDualDiagnosisCapable: false }, {}, {}],
    ['a clinic without detox, when withdrawal is not risky', { services: ['residential_rehab'] }, {}, {}],
    ['any funding, when the route is undecided', { fundingRoutes: ['employer'] }, { fundingRoute: 'undecided' }, {}],
    ['any funding, when no route is recorded', { fundingRoutes: ['employer'] }, { fundingRoute: null }, {}],
    ['any substances, before any are known', { substances: ['cannabis'] }, { primarySubstance: null, substances: [] }, {}],
    ['a clinic far away, when travel is anywhere', { region: 'north_east' }, {}, { travel: 'anywhere' }],
    ['a clinic next door, when travel is to neighbouring regions', { region: 'east_of_england' }, {}, { travel: 'neighbouring' }],
    ['a clinic in the region, when travel is to the region only', {}, {}, { travel: 'region' }],
    ['a clinic anywhere, when the client’s region is not recorded', { region: 'wales' }, { region: null }, { travel: 'region' }],
    ['the programme and length chosen, when offered', {}, {}, { programme: 'outpatient', lengthDays: 14 }],
  ])('keeps %s', (_what, change, needChange, options) => {
    expect(matchOf(change, needChange, options)).toMatchObject({ isExcluded: false, exclusions: [] });
  });
});

describe('matchClinics: hard rules together', () => {
  it('gives every reason, in the order of the rules', () => {
    const match = matchOf(
      {
        substances: ['cannabis'],
        isDualDiagnosisCapable: false,
        services: ['outpatient'],
        fundingRoutes: ['employer'],
        isActive: false,
        programmeLengthsDays: [28],
        region: 'wales',
      },
      { isDualDiagnosis: true, needsMedicalDetox: true },
      { travel: 'region', programme: 'residential_rehab', lengthDays: 7 },
    );
    expect(match.exclusions).toEqual([
      'Excluded because it does not treat alcohol',
      'Excluded because it cannot treat a dual diagnosis',
      'Excluded because withdrawal could be medically dangerous and it does not offer medically managed detox',
      'Excluded because it does not accept self-funded clients',
      'Excluded because it is marked inactive',
      'Excluded because it does not offer residential rehab',
      'Excluded because it does not offer a 7-day programme (it offers 28 days)',
      'Excluded because it is in Wales, outside London',
    ]);
  });

  it('puts every excluded clinic after every included one, whatever their scores', () => {
    const matches = matchClinics(
      need,
      [
        clinicWith('Far and full', { region: 'north_east', bedsAvailable: 0, rating: 'inadequate' }),
        clinicWith('Best but inactive', { isActive: false, rating: 'outstanding' }),
        clinicWith('Near', {}),
      ],
      anywhere,
    );
    expect(namesOf(matches)).toEqual(['Near', 'Far and full', 'Best but inactive']);
    expect(matches[2]!.score).toBeGreaterThan(matches[1]!.score);
  });

  it('returns each clinic as it was given', () => {
    const row = clinicWith('Row');
    expect(matchClinics(need, [row], anywhere)[0]!.clinic).toBe(row);
  });
});

describe('matchClinics: the reasons an adviser reads', () => {
  it('explains a fitting clinic, factor by factor', () => {
    expect(matchOf({}, {}, { lengthDays: 28 }).reasons).toEqual([
      "In London, the client's region",
      '2 beds free now, confirmed 3 hours ago',
      'Within budget: from £4,000.00 for 28 days, budget £10,000.00',
      'Rated Good by the CQC',
      '£1,000.00 to £1,500.00 a week',
    ]);
  });

  it.each<[string, Partial<Clinic>, Partial<ClinicNeed>, Partial<MatchOptions>, string]>([
    ['a neighbouring region', { region: 'south_east' }, {}, {}, 'In the South East, next to London'],
    ['a region further away', { region: 'yorkshire_and_the_humber' }, {}, {}, 'In Yorkshire and the Humber, further than the regions next to London'],
    ['no region recorded for the client', {}, { region: null }, {}, "The client's region is not recorded, so distance is not scored"],
    ['one bed free', { bedsAvailable: 1 }, {}, {}, 'A bed free now, confirmed 3 hours ago'],
    ['no bed free', { bedsAvailable: 0 }, {}, {}, 'No bed free, confirmed 3 hours ago'],
    ['beds never confirmed', { bedsConfirmedAt: null }, {}, {}, 'Free beds not confirmed yet'],
    ['over budget', {}, { budgetMaxPence: 350_000 }, { lengthDays: 28 }, 'Over budget by £500.00: from £4,000.00 for 28 days, budget £3,500.00'],
    ['exactly the budget', {}, { budgetMaxPence: 400_000 }, { lengthDays: 28 }, 'Within budget: from £4,000.00 for 28 days, budget £4,000.00'],
    ['no budget recorded', {}, { budgetMaxPence: null }, { lengthDays: 28 }, 'No budget recorded; from £4,000.00 for 28 days'],
    ['no length chosen: the shortest programme', {}, {}, {}, 'Within budget: from £1,000.00 for 7 days, budget £10,000.00'],
    ['a length that is not a whole number of weeks', {}, {}, { lengthDays: 10, programme: 'outpatient' }, 'Within budget: from £1,428.57 for 10 days, budget £10,000.00'],
    ['an Outstanding rating', { rating: 'outstanding' }, {}, {}, 'Rated Outstanding by the CQC'],
    ['a Welsh clinic requiring improvement', { regulator: 'hiw', region: 'wales', rating: 'requires_improvement' }, {}, {}, 'Rated Requires improvement by HIW'],
    ['a clinic not yet rated', { rating: 'not_yet_rated' }, {}, {}, 'Not yet rated by the CQC'],
    ['one weekly price', { weeklyPriceMaxPence: 100_000 }, {}, {}, '£1,000.00 a week'],
  ])('words %s', (_what, change, needChange, options, reason) => {
    expect(matchOf(change, needChange, options).reasons).toContain(reason);
  });

  it('leaves beds out for a programme that sends the person home at night', () => {
    for (const programme of ['outpatient', 'partial_hospitalisation', 'intensive_outpatient', 'aftercare'] as const) {
      const services = [programme];
      const [withBed, without] = [matchOf({ services }, {}, { programme }), matchOf({ services, bedsAvailable: 0 }, {}, { programme })];
      expect(withBed.reasons.some((reason) => reason.includes('bed'))).toBe(false);
      expect(withBed.score).toBe(without.score);
    }
  });

  it('counts a bed for detox and residential rehab', () => {
    for (const programme of ['medically_managed_detox', 'residential_rehab'] as const) {
      expect(matchOf({}, {}, { programme }).score - matchOf({ bedsAvailable: 0 }, {}, { programme }).score).toBe(MATCH_WEIGHTS.bedFree);
    }
  });
});

describe('matchClinics: bed confirmations, fresh and stale', () => {
  it.each<[string, number, string, number]>([
    ['just now', 0, 'A bed free now, confirmed under an hour ago', MATCH_WEIGHTS.bedFree],
    ['59 minutes ago', 59 * 60_000, 'A bed free now, confirmed under an hour ago', MATCH_WEIGHTS.bedFree],
    ['an hour ago', HOUR, 'A bed free now, confirmed 1 hour ago', MATCH_WEIGHTS.bedFree],
    ['23 hours 59 minutes ago', DAY - 60_000, 'A bed free now, confirmed 23 hours ago', MATCH_WEIGHTS.bedFree],
    ['a day ago', DAY, 'A bed free now, confirmed 1 day ago', MATCH_WEIGHTS.bedFree],
    ['exactly 7 days ago', 7 * DAY, 'A bed free now, confirmed 7 days ago', MATCH_WEIGHTS.bedFree],
    ['7 days and a minute ago', 7 * DAY + 60_000, 'A bed free when last confirmed 7 days ago: check before proposing', MATCH_WEIGHTS.staleBedFree],
    ['30 days ago', 30 * DAY, 'A bed free when last confirmed 30 days ago: check before proposing', MATCH_WEIGHTS.staleBedFree],
    ['a minute ahead of this clock', -60_000, 'A bed free now, confirmed under an hour ago', MATCH_WEIGHTS.bedFree],
  ])('a bed confirmed %s', (_what, age, reason, points) => {
    const confirmed = matchOf({ bedsAvailable: 1, bedsConfirmedAt: ago(age) });
    expect(confirmed.reasons[1]).toBe(reason);
    expect(confirmed.score - matchOf({ bedsAvailable: 0 }).score).toBe(points);
  });

  it('scores no bed free the same as beds never confirmed', () => {
    expect(matchOf({ bedsAvailable: 0 }).score).toBe(matchOf({ bedsConfirmedAt: null }).score);
  });
});

describe('matchClinics: each soft factor ranks on its own', () => {
  // Clinics that differ in one factor only, the expected order, and the gap between neighbours in it.
  it.each<[string, Array<[string, Partial<Clinic>]>, Partial<ClinicNeed>, string[], number[]]>([
    [
      'region: the same, then neighbouring, then further',
      [
        ['Further', { region: 'north_west' }],
        ['Same', { region: 'london' }],
        ['Neighbouring', { region: 'east_of_england' }],
      ],
      {},
      ['Same', 'Neighbouring', 'Further'],
      [MATCH_WEIGHTS.sameRegion - MATCH_WEIGHTS.neighbouringRegion, MATCH_WEIGHTS.neighbouringRegion],
    ],
    [
      'a bed: free now, then free when last confirmed a week ago, then none',
      [
        ['None', { bedsAvailable: 0 }],
        ['Stale', { bedsConfirmedAt: ago(8 * DAY) }],
        ['Fresh', {}],
      ],
      {},
      ['Fresh', 'Stale', 'None'],
      [MATCH_WEIGHTS.bedFree - MATCH_WEIGHTS.staleBedFree, MATCH_WEIGHTS.staleBedFree],
    ],
    [
      'budget: within, then over',
      [
        ['Over', { programmeLengthsDays: [28] }],
        ['Within', { programmeLengthsDays: [7] }],
      ],
      { budgetMaxPence: 200_000 },
      ['Within', 'Over'],
      [MATCH_WEIGHTS.withinBudget],
    ],
    [
      'rating: Outstanding, Good, not yet rated, Requires improvement, Inadequate',
      [
        ['Inadequate', { rating: 'inadequate' }],
        ['Good', { rating: 'good' }],
        ['Requires improvement', { rating: 'requires_improvement' }],
        ['Outstanding', { rating: 'outstanding' }],
        ['Not yet rated', { rating: 'not_yet_rated' }],
      ],
      {},
      ['Outstanding', 'Good', 'Not yet rated', 'Requires improvement', 'Inadequate'],
      Array(4).fill(MATCH_WEIGHTS.rating / 4),
    ],
    [
      'price: the cheapest weekly price first, in proportion',
      [
        ['Dearest', { weeklyPriceMinPence: 200_000, weeklyPriceMaxPence: 200_000 }],
        ['Cheapest', { weeklyPriceMinPence: 100_000 }],
        ['Middle', { weeklyPriceMinPence: 150_000 }],
      ],
      { budgetMaxPence: null },
      ['Cheapest', 'Middle', 'Dearest'],
      [MATCH_WEIGHTS.price / 2, MATCH_WEIGHTS.price / 2],
    ],
  ])('%s', (_what, clinics, needChange, order, gaps) => {
    const matches = matchClinics({ ...need, ...needChange }, clinics.map(([name, change]) => clinicWith(name, change)), anywhere);
    expect(namesOf(matches)).toEqual(order);
    expect(matches.slice(1).map((match, index) => matches[index]!.score - match.score)).toEqual(gaps);
  });

  it('gives each rating its share of the rating weight', () => {
    expect(ratingShares).toEqual({ outstanding: 1, good: 0.75, not_yet_rated: 0.5, requires_improvement: 0.25, inadequate: 0 });
  });
});

describe('matchClinics: how the factors weigh against each other', () => {
  // Two clinics, each better on one side; the first named should come first.
  it.each<[string, Partial<Clinic>, Partial<Clinic>]>([
    [
      'a bed now outweighs budget, rating and price together',
      { bedsAvailable: 1, programmeLengthsDays: [28], rating: 'inadequate', weeklyPriceMinPence: 150_000 },
      { bedsAvailable: 0, programmeLengthsDays: [7], rating: 'outstanding', weeklyPriceMinPence: 100_000 },
    ],
    [
      'within budget outweighs rating and price together',
      { programmeLengthsDays: [7], rating: 'inadequate', weeklyPriceMinPence: 150_000 },
      { programmeLengthsDays: [28], rating: 'outstanding', weeklyPriceMinPence: 140_000 },
    ],
    [
      'one step up in rating outweighs a lower price, however much lower',
      { rating: 'good', weeklyPriceMinPence: 150_000 },
      { rating: 'not_yet_rated', weeklyPriceMinPence: 10_000, weeklyPriceMaxPence: 10_000 },
    ],
    ['the client’s region outweighs a bed further away', { region: 'london', bedsAvailable: 0 }, { region: 'north_east', bedsAvailable: 3 }],
    ['a bed next door outweighs none in the client’s region', { region: 'south_east', bedsAvailable: 1 }, { region: 'london', bedsAvailable: 0 }],
  ])('%s', (_what, first, second) => {
    const clinics = [clinicWith('Second', second), clinicWith('First', first)];
    expect(namesOf(matchClinics({ ...need, budgetMaxPence: 150_000 * 2 }, clinics, anywhere))).toEqual(['First', 'Second']);
  });

  it('breaks a tie by name, and keeps the score the same', () => {
    const matches = matchClinics(need, [clinicWith('Cedars'), clinicWith('Birches'), clinicWith('Aspens')], anywhere);
    expect(namesOf(matches)).toEqual(['Aspens', 'Birches', 'Cedars']);
    expect(new Set(matches.map((match) => match.score)).size).toBe(1);
  });

  it('sorts excluded clinics by score, then name', () => {
    const inactive = { isActive: false };
    const matches = matchClinics(
      need,
      [clinicWith('Beech', inactive), clinicWith('Far', { ...inactive, region: 'north_east' }), clinicWith('Ash', inactive)],
      anywhere,
    );
    expect(namesOf(matches)).toEqual(['Ash', 'Beech', 'Far']);
  });

  it('weighs price among the clinics that can take the person: an excluded cheaper clinic changes nothing', () => {
    const ranked = [clinicWith('Cheap', { weeklyPriceMinPence: 100_000 }), clinicWith('Dear', { weeklyPriceMinPence: 150_000 })];
    const cheaperStill = clinicWith('Cheaper but inactive', { isActive: false, weeklyPriceMinPence: 50_000 });
    const scores = (clinics: Clinic[]) => matchClinics(need, clinics, anywhere).map((match) => [match.clinic.name, match.score]);
    expect(scores([...ranked, cheaperStill]).slice(0, 2)).toEqual(scores(ranked));
    expect(matchClinics(need, [...ranked, cheaperStill], anywhere)[2]!.score).toBe(matchOf({ isActive: false }).score);
  });

  it('scores a fitting clinic in full', () => {
    const best = matchOf({ rating: 'outstanding' });
    const { sameRegion, bedFree, withinBudget, rating, price } = MATCH_WEIGHTS;
    expect(best.score).toBe(sameRegion + bedFree + withinBudget + rating + price);
  });
});

describe('clinicNeedOf: what the case needs, from its assessment, finances and region', () => {
  const assessment: AssessmentInput = {
    id: '0b9e7d1c-3f4a-4e2b-9c8d-7a6b5c4d3e2f',
    version: 1,
    substances: [
      { substance: 'cocaine', isPrimary: true, frequency: 'weekly' },
      { substance: 'alcohol', isPrimary: false, frequency: 'weekly' },
    ],
    criteria: {},
    audit: {},
    conditions: [],
    risk: riskScreenWithNothingFound,
    previousTreatments: [],
  };

  /** As the server stores it: parsed, without the id and version. */
  function stored(change: Partial<AssessmentInput> = {}) {
    const { id: _id, version: _version, ...rest } = assessmentSchema.parse({ ...assessment, ...change });
    return rest;
  }

  it('reads the substances, primary first, and the finances and region', () => {
    expect(clinicNeedOf(stored(), { fundingRoute: 'family', budgetMaxPence: 2_000_000 }, 'wales')).toEqual({
      primarySubstance: 'cocaine',
      substances: ['cocaine', 'alcohol'],
      isDualDiagnosis: false,
      needsMedicalDetox: false,
      fundingRoute: 'family',
      budgetMaxPence: 2_000_000,
      region: 'wales',
    });
  });

  it.each<[string, Partial<AssessmentInput>, boolean]>([
    ['daily drinking', { substances: [{ substance: 'alcohol', isPrimary: true, frequency: 'daily' }] }, true],
    ['daily benzodiazepines', { substances: [{ substance: 'benzodiazepines', isPrimary: true, frequency: 'daily' }] }, true],
    ['risky withdrawal answered yes', { risk: { ...riskScreenWithNothingFound, riskyWithdrawal: true } }, true],
    ['weekly drinking and no risky withdrawal', {}, false],
    ['daily cannabis', { substances: [{ substance: 'cannabis', isPrimary: true, frequency: 'daily' }] }, false],
  ])('needs a medically managed detox for %s: %s', (_what, change, needsDetox) => {
    expect(clinicNeedOf(stored(change), {}, 'london').needsMedicalDetox).toBe(needsDetox);
  });

  it('counts a suspected condition as a dual diagnosis', () => {
    const conditions = [{ condition: 'anxiety', status: 'suspected' }] as const;
    expect(clinicNeedOf(stored({ conditions: [...conditions] }), {}, 'london').isDualDiagnosis).toBe(true);
  });

  it('lists a substance named twice once', () => {
    const substances = [
      { substance: 'alcohol', isPrimary: true },
      { substance: 'alcohol', isPrimary: false },
    ] as const;
    expect(clinicNeedOf(stored({ substances: [...substances] }), {}, null).substances).toEqual(['alcohol']);
  });

  it('holds nothing against a clinic before an assessment, finances or region are recorded', () => {
    expect(clinicNeedOf(null, {}, undefined)).toEqual({
      primarySubstance: null,
      substances: [],
      isDualDiagnosis: false,
      needsMedicalDetox: false,
      fundingRoute: null,
      budgetMaxPence: null,
      region: null,
    });
  });
});
