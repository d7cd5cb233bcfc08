import { describe, expect, it } from 'vitest';
import { assessmentGaps, assessmentSchema, assessmentSummaryOf, criteria, type AssessmentInput, type CriteriaAnswers } from './assessment';
import { riskScreenWithNothingFound } from './assessment-fixtures';

const answeredNo = Object.fromEntries(criteria.map((criterion) => [criterion.id, false])) as CriteriaAnswers;
const yesTo = (count: number): CriteriaAnswers =>
  Object.fromEntries(criteria.map((criterion, index) => [criterion.id, index < count])) as CriteriaAnswers;

const wholeRiskScreen = riskScreenWithNothingFound;

const complete: AssessmentInput = {
  id: '0b9e7d1c-3f4a-4e2b-9c8d-7a6b5c4d3e2f',
  version: 1,
  substances: [
    { substance: 'cocaine', isPrimary: true, route: 'snorted', frequency: 'weekly' },
    { substance: 'alcohol', isPrimary: false, frequency: 'weekly' },
  ],
  criteria: yesTo(4),
  audit: { drinking_frequency: 4, typical_units: 2, injury: 2 },
  conditions: [],
  risk: wholeRiskScreen,
  previousTreatments: [],
};

/** As the server has it: parsed, without the id and version. */
function stored(change: Partial<AssessmentInput> = {}) {
  const { id: _id, version: _version, ...assessment } = assessmentSchema.parse({ ...complete, ...change });
  return assessment;
}

describe('assessmentGaps: what stands between an assessment and complete', () => {
  it.each<[string, Partial<AssessmentInput>, string[]]>([
    ['nothing, when it is complete', {}, []],
    ['the primary substance, with no substances', { substances: [] }, ['no primary substance chosen']],
    ['one severity question', { criteria: { ...answeredNo, withdrawal: null } }, ['1 of the 11 severity questions not answered']],
    ['every severity question', { criteria: {} }, ['11 of the 11 severity questions not answered']],
    ['the risk screen, one answer short', { risk: { ...wholeRiskScreen, pregnancy: null } }, ['risk screen not answered']],
    [
      'everything, for an assessment just begun, in the order the form asks',
      { substances: [], criteria: {}, risk: {} },
      ['no primary substance chosen', '11 of the 11 severity questions not answered', 'risk screen not answered'],
    ],
  ])('lists %s', (_what, change, gaps) => {
    expect(assessmentGaps({ ...complete, ...change })).toEqual(gaps);
    expect(assessmentGaps(stored(change))).toEqual(gaps);
  });

  it('counts an answer implied by the substances: daily drinking answers risky withdrawal', () => {
    const risk = { ...wholeRiskScreen, riskyWithdrawal: null };
    expect(assessmentGaps({ ...complete, risk })).toEqual(['risk screen not answered']);
    expect(assessmentGaps({ ...complete, risk, substances: [{ substance: 'alcohol', isPrimary: true, frequency: 'daily' }] })).toEqual([]);
  });
});

describe('assessmentSummaryOf: the figures lists and matching need', () => {
  it('summarises a complete assessment', () => {
    expect(assessmentSummaryOf(stored())).toEqual({
      primarySubstance: 'cocaine',
      criteriaMet: 4,
      severity: 'moderate',
      riskLevel: 'low',
      auditScore: 8,
      isDualDiagnosis: false,
      isComplete: true,
    });
  });

  it.each<[string, Partial<AssessmentInput>, Partial<ReturnType<typeof assessmentSummaryOf>>]>([
    ['no primary substance without substances', { substances: [] }, { primarySubstance: null, isComplete: false }],
    ['no severity before the first answer', { criteria: {} }, { criteriaMet: 0, severity: null, isComplete: false }],
    ['severity "none" once every answer is no', { criteria: answeredNo }, { criteriaMet: 0, severity: 'none' }],
    ['severity "mild" at 2 criteria', { criteria: yesTo(2) }, { criteriaMet: 2, severity: 'mild' }],
    ['severity "severe" at 6 criteria', { criteria: yesTo(6) }, { criteriaMet: 6, severity: 'severe' }],
    ['the band of the answers so far', { criteria: { craving: true, tolerance: true } }, { criteriaMet: 2, severity: 'mild', isComplete: false }],
    ['no AUDIT score when alcohol is not among the substances', { substances: [{ substance: 'cocaine', isPrimary: true }] }, { auditScore: null }],
    ['no AUDIT score before its first answer', { audit: {} }, { auditScore: null }],
    ['an AUDIT score of 0 when answered with 0', { audit: { drinking_frequency: 0 } }, { auditScore: 0 }],
    ['dual diagnosis with a suspected condition', { conditions: [{ condition: 'adhd', status: 'suspected' }] }, { isDualDiagnosis: true }],
    ['immediate risk with suicidal thoughts and a plan', { risk: { ...wholeRiskScreen, suicidalThoughts: 'active_with_plan' } }, { riskLevel: 'immediate' }],
    ['high risk from daily drinking alone', { substances: [{ substance: 'alcohol', isPrimary: true, frequency: 'daily' }] }, { riskLevel: 'high' }],
    ['no risk level before anything about risk is known', { risk: {} }, { riskLevel: null, isComplete: false }],
    ['low risk once the whole screen is answered with nothing found', { risk: wholeRiskScreen }, { riskLevel: 'low' }],
    ['a risk level from the first answer, before the screen is complete', { risk: { pregnancy: true } }, { riskLevel: 'medium', isComplete: false }],
  ])('gives %s', (_what, change, expected) => {
    expect(assessmentSummaryOf(stored(change))).toMatchObject(expected);
  });
});
