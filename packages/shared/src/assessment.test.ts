import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  assessmentSchema,
  criteria,
  financesSchema,
  isAssessmentComplete,
  isDualDiagnosis,
  updateFinancesSchema,
  type AssessmentInput,
  type FinancesInput,
} from './assessment';

const allNo = Object.fromEntries(criteria.map((criterion) => [criterion.id, false]));

const complete: AssessmentInput = {
  id: '0b9e7d1c-3f4a-4e2b-9c8d-7a6b5c4d3e2f',
  version: 3,
  substances: [
    { substance: 'alcohol', isPrimary: true, route: 'oral', frequency: 'daily', amount: ' A bottle of wine a night ', yearsOfUse: 12, lastUse: '2026-11-30' },
    { substance: 'cocaine', isPrimary: false, route: 'snorted', frequency: 'weekly' },
  ],
  criteria: { ...allNo, craving: true, tolerance: true, withdrawal: true },
  audit: { drinking_frequency: 4, injury: 2 },
  conditions: [{ condition: 'depression', status: 'diagnosed', isCurrentlyTreated: true }],
  risk: {
    suicidalThoughts: 'none',
    selfHarm: false,
    harmToOthers: false,
    childrenOrVulnerableAdultsAtHome: true,
    pregnancy: false,
    injecting: false,
    overdoseInLast12Months: false,
    riskyWithdrawal: true,
  },
  previousTreatments: [{ where: 'Community alcohol team, Leeds', year: 2019, howItEnded: 'left_early' }],
};

/** The first message for each field, keyed the way the server's error formatter keys them. */
function fieldErrorsFor(input: unknown): Record<string, string> {
  const result = assessmentSchema.safeParse(input);
  if (result.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) errors[issue.path.join('.')] ??= issue.message;
  return errors;
}

// London is on GMT in December, when 23:30 UTC is still 1 December.
beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-12-01T23:30:00Z'));
});
afterEach(() => {
  vi.useRealTimers();
});

describe('assessmentSchema', () => {
  it('accepts a whole assessment, trimming free text', () => {
    const parsed = assessmentSchema.parse(complete);
    expect(parsed.substances[0]).toMatchObject({ amount: 'A bottle of wine a night', yearsOfUse: 12, lastUse: '2026-11-30' });
    expect(parsed.criteria).toMatchObject({ craving: true, larger_amounts: false });
  });

  it('accepts an assessment only just begun, storing unanswered questions as absent', () => {
    const parsed = assessmentSchema.parse({
      ...complete,
      substances: [],
      criteria: { craving: null },
      audit: {},
      conditions: [],
      risk: { selfHarm: null },
      previousTreatments: [],
    });
    expect(parsed.criteria.craving).toBeUndefined();
    expect(parsed.risk.selfHarm).toBeUndefined();
  });

  it.each<[string, Partial<AssessmentInput> | Record<string, unknown>, string, string]>([
    ['an unknown case id', { id: 'case-42' }, 'id', 'Unknown case'],
    ['no version', { version: undefined }, 'version', 'Reload the case and try again'],
    ['version 0', { version: 0 }, 'version', 'Reload the case and try again'],
    ['a substance not in the catalogue', { substances: [{ substance: 'glue', isPrimary: true }] }, 'substances.0.substance', 'Choose a substance from the list'],
    ['a route not on the list', { substances: [{ substance: 'alcohol', isPrimary: true, route: 'rectal' }] }, 'substances.0.route', 'Choose how it is taken'],
    ['a frequency not on the list', { substances: [{ substance: 'alcohol', isPrimary: true, frequency: 'hourly' }] }, 'substances.0.frequency', 'Choose how often it is used'],
    ['an amount of 201 characters', { substances: [{ substance: 'alcohol', isPrimary: true, amount: 'a'.repeat(201) }] }, 'substances.0.amount', 'Amount must be at most 200 characters'],
    ['markup in the amount', { substances: [{ substance: 'alcohol', isPrimary: true, amount: '<b>lots</b>' }] }, 'substances.0.amount', 'Amount must not contain HTML or other markup'],
    ['81 years of use', { substances: [{ substance: 'alcohol', isPrimary: true, yearsOfUse: 81 }] }, 'substances.0.yearsOfUse', 'Years of use must be at most 80'],
    ['negative years of use', { substances: [{ substance: 'alcohol', isPrimary: true, yearsOfUse: -1 }] }, 'substances.0.yearsOfUse', 'Years of use cannot be negative'],
    ['2.5 years of use', { substances: [{ substance: 'alcohol', isPrimary: true, yearsOfUse: 2.5 }] }, 'substances.0.yearsOfUse', 'Years of use must be a whole number'],
    ['last use tomorrow in London', { substances: [{ substance: 'alcohol', isPrimary: true, lastUse: '2026-12-02' }] }, 'substances.0.lastUse', 'Last use cannot be in the future'],
    ['last use on a date that does not exist', { substances: [{ substance: 'alcohol', isPrimary: true, lastUse: '2026-02-29' }] }, 'substances.0.lastUse', 'Enter the date of last use'],
    ['a criterion answered "maybe"', { criteria: { craving: 'maybe' } }, 'criteria.craving', 'Answer yes or no for "Cravings"'],
    ['a condition not on the list', { conditions: [{ condition: 'stress', status: 'suspected' }] }, 'conditions.0.condition', 'Choose a condition from the list'],
    ['a condition without a status', { conditions: [{ condition: 'anxiety' }] }, 'conditions.0.status', 'Choose whether the condition is diagnosed or suspected'],
    ['suicidal thoughts answered "yes"', { risk: { suicidalThoughts: 'yes' } }, 'risk.suicidalThoughts', 'Choose an answer for thoughts of suicide'],
    ['self-harm answered "sometimes"', { risk: { selfHarm: 'sometimes' } }, 'risk.selfHarm', 'Answer yes or no for self-harm'],
    ['children at home answered 1', { risk: { childrenOrVulnerableAdultsAtHome: 1 } }, 'risk.childrenOrVulnerableAdultsAtHome', 'Answer yes or no for children or vulnerable adults at home'],
    ['a previous treatment with no place', { previousTreatments: [{ where: '  ' }] }, 'previousTreatments.0.where', 'Enter where the treatment was'],
    ['a previous treatment next year', { previousTreatments: [{ where: 'Priory', year: 2027 }] }, 'previousTreatments.0.year', 'Year of treatment cannot be in the future'],
    ['a previous treatment in 1939', { previousTreatments: [{ where: 'Priory', year: 1939 }] }, 'previousTreatments.0.year', 'Year of treatment must be 1940 or later'],
    ['a previous treatment that ended "badly"', { previousTreatments: [{ where: 'Priory', howItEnded: 'badly' }] }, 'previousTreatments.0.howItEnded', 'Choose how the treatment ended'],
    ['no risk section', { risk: undefined }, 'risk', 'Risk screen answers are missing'],
  ])('refuses %s, naming the field', (_what, change, field, message) => {
    expect(fieldErrorsFor({ ...complete, ...change })).toEqual({ [field]: message });
  });

  it('takes "today" as the London day, even after midnight UTC in summer', () => {
    vi.setSystemTime(new Date('2026-07-15T23:30:00Z'));
    const lastUsedOn = (lastUse: string) => fieldErrorsFor({ ...complete, substances: [{ substance: 'alcohol', isPrimary: true, lastUse }] });
    expect(lastUsedOn('2026-07-16')).toEqual({});
    expect(lastUsedOn('2026-07-17')).toEqual({ 'substances.0.lastUse': 'Last use cannot be in the future' });
  });

  describe('exactly one primary substance', () => {
    const rows = (...primaries: boolean[]) =>
      primaries.map((isPrimary, index) => ({ substance: (['alcohol', 'cocaine', 'ketamine'] as const)[index]!, isPrimary }));

    it.each<[string, boolean[], Record<string, string>]>([
      ['no substances yet', [], {}],
      ['one substance, the primary', [true], {}],
      ['three substances, one primary', [false, true, false], {}],
      ['one substance, not primary', [false], { substances: 'Choose which substance is the primary one' }],
      ['two substances, neither primary', [false, false], { substances: 'Choose which substance is the primary one' }],
      ['two primaries', [true, true], { substances: 'Only one substance can be the primary one' }],
      ['three primaries', [true, true, true], { substances: 'Only one substance can be the primary one' }],
    ])('%s', (_what, primaries, errors) => {
      expect(fieldErrorsFor({ ...complete, substances: rows(...primaries) })).toEqual(errors);
    });
  });
});

describe('isDualDiagnosis', () => {
  it.each([
    ['no conditions', false, []],
    ['a diagnosed condition', true, [{ condition: 'ptsd', status: 'diagnosed' }]],
    ['only a suspected condition, untreated', true, [{ condition: 'adhd', status: 'suspected', isCurrentlyTreated: false }]],
    [
      'several conditions',
      true,
      [
        { condition: 'anxiety', status: 'diagnosed' },
        { condition: 'eating_disorder', status: 'suspected' },
      ],
    ],
  ])('%s: %s', (_what, expected, conditions) => {
    expect(isDualDiagnosis(conditions)).toBe(expected);
  });
});

describe('isAssessmentComplete', () => {
  const { riskyWithdrawal: _, ...riskWithoutWithdrawal } = complete.risk;
  const { withdrawal: __, ...tenCriteria } = allNo;

  it.each<[string, boolean, Partial<AssessmentInput>]>([
    ['a primary substance, all 11 criteria and the whole risk screen', true, {}],
    ['no substances', false, { substances: [] }],
    ['substances but no primary', false, { substances: [{ substance: 'alcohol', isPrimary: false }] }],
    ['10 of the 11 criteria', false, { criteria: tenCriteria }],
    ['a criterion cleared back to null', false, { criteria: { ...allNo, craving: null } }],
    ['the risk screen without thoughts of suicide', false, { risk: { ...complete.risk, suicidalThoughts: null } }],
    ['the risk screen without withdrawal, but daily alcohol among the substances', true, { risk: riskWithoutWithdrawal }],
    [
      'the risk screen without withdrawal and no daily alcohol or benzodiazepines',
      false,
      { risk: riskWithoutWithdrawal, substances: [{ substance: 'alcohol', isPrimary: true, frequency: 'weekly' }] },
    ],
    ['no AUDIT, conditions or previous treatment, which are not needed', true, { audit: {}, conditions: [], previousTreatments: [] }],
  ])('%s: complete is %s', (_what, expected, change) => {
    const assessment = { ...complete, ...change };
    expect(isAssessmentComplete(assessment)).toBe(expected);
    // The same answer from what the server stores as from what the form holds.
    const parsed = assessmentSchema.safeParse(assessment);
    if (parsed.success) expect(isAssessmentComplete(parsed.data)).toBe(expected);
  });
});

describe('financesSchema', () => {
  function financeErrorsFor(input: FinancesInput): Record<string, string> {
    const result = financesSchema.safeParse(input);
    return Object.fromEntries(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message]) ?? []);
  }

  it('accepts a funding route, a budget in pence and insurance details', () => {
    expect(
      financesSchema.parse({
        fundingRoute: 'private_medical_insurance',
        budgetMinPence: 500_000,
        budgetMaxPence: 1_200_000,
        insurer: ' Bupa ',
        policyNumber: 'ABC-123456',
        whoPays: 'Insurer, with the excess paid by her mother',
      }),
    ).toMatchObject({ fundingRoute: 'private_medical_insurance', budgetMinPence: 500_000, budgetMaxPence: 1_200_000, insurer: 'Bupa' });
    expect(financesSchema.parse({})).toEqual({});
  });

  it.each<[string, FinancesInput, Record<string, string>]>([
    ['a lowest budget above the highest', { budgetMinPence: 1_000_001, budgetMaxPence: 1_000_000 }, { budgetMaxPence: 'Highest budget must be at least the lowest budget' }],
    ['a lowest budget equal to the highest', { budgetMinPence: 1_000_000, budgetMaxPence: 1_000_000 }, {}],
    ['only a lowest budget', { budgetMinPence: 1_000_000 }, {}],
    ['only a highest budget', { budgetMaxPence: 1_000_000 }, {}],
    ['a budget in part pence', { budgetMinPence: 100.5 }, { budgetMinPence: 'Lowest budget must be in whole pence' }],
    ['a negative budget', { budgetMaxPence: -100 }, { budgetMaxPence: 'Highest budget cannot be negative' }],
    ['a budget over £1,000,000', { budgetMaxPence: 100_000_001 }, { budgetMaxPence: 'Highest budget must be at most £1,000,000' }],
    ['a funding route not on the list', { fundingRoute: 'lottery' as never }, { fundingRoute: 'Choose a funding route' }],
    ['a policy number of 61 characters', { policyNumber: '1'.repeat(61) }, { policyNumber: 'Policy number must be at most 60 characters' }],
    ['markup in the insurer', { insurer: '<img src=x>' }, { insurer: 'Insurer must not contain HTML or other markup' }],
  ])('%s', (_what, input, errors) => {
    expect(financeErrorsFor(input)).toEqual(errors);
  });

  it('is saved with the case id and version, naming nested fields', () => {
    const result = updateFinancesSchema.safeParse({ id: complete.id, version: 3, finances: { budgetMinPence: 2, budgetMaxPence: 1 } });
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['finances.budgetMaxPence', 'Highest budget must be at least the lowest budget'],
    ]);
  });
});
