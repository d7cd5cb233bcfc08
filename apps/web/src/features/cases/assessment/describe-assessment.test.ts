import { describe, expect, it } from 'vitest';
import { answersOf, formValuesOf, type AssessmentAnswers } from './assessment-values';
import { describeAssessment, isSameAnswers, unsavedAnswers } from './describe-assessment';

const empty = (): AssessmentAnswers => answersOf(formValuesOf('case', 1, null));
const answers = (overrides: Partial<AssessmentAnswers>): AssessmentAnswers => ({ ...empty(), ...overrides });
const inWords = (lines: Array<{ label: string; value: string }>) => lines.map((line) => `${line.label}: ${line.value}`);

describe('describing an assessment in words', () => {
  it('gives each answer a labelled line, in the order the form asks them', () => {
    const lines = describeAssessment(
      answers({
        substances: [
          { substance: 'alcohol', isPrimary: true, route: 'oral', frequency: 'daily', amount: ' 2 bottles of wine ', yearsOfUse: 12, lastUse: '2026-11-27' },
          { substance: 'cocaine', isPrimary: false },
        ],
        criteria: { craving: true, tolerance: false },
        audit: { drinking_frequency: 4, guilt: 2 },
        conditions: [
          { condition: 'depression', status: 'diagnosed', isCurrentlyTreated: true },
          { condition: 'anxiety', status: 'suspected' },
        ],
        risk: { suicidalThoughts: 'passive', pregnancy: false },
        previousTreatments: [{ where: 'Castle Craig', year: 2019, howItEnded: 'left_early' }, { where: 'NHS detox' }],
      }),
    );
    expect(inWords(lines)).toEqual([
      'Substances: Alcohol (primary), Cocaine',
      'Alcohol: Swallowed or drunk, Every day, 2 bottles of wine, 12 years, last used 27/11/2026',
      'Cravings: Yes',
      'Tolerance: No',
      'How often they drink: 4 or more times a week',
      'Guilt or remorse: Monthly',
      'Co-occurring conditions: Depression (diagnosed, treated now); Anxiety (suspected, not diagnosed)',
      'Thoughts of suicide: Yes, but no plan (for example, wishing not to wake up)',
      'Pregnant: No',
      'Previous treatment: Castle Craig, 2019, left early; NHS detox',
    ]);
  });

  it('leaves out questions not yet answered and rows never filled in, and says None for empty lists', () => {
    const fresh = answers({ substances: [{ substance: '' as never, isPrimary: true, amount: '' }], conditions: [{ condition: '' as never, status: undefined as never }] });
    expect(inWords(describeAssessment(fresh))).toEqual(['Substances: None', 'Co-occurring conditions: None', 'Previous treatment: None']);
  });

  it('leaves out AUDIT answers once alcohol is no longer among the substances', () => {
    const lines = describeAssessment(answers({ substances: [{ substance: 'cocaine', isPrimary: true }], audit: { guilt: 2 } }));
    expect(lines.map((line) => line.label)).not.toContain('Guilt or remorse');
  });

  it('tells apart two rows of the same substance, since lines are matched by label', () => {
    const lines = describeAssessment(
      answers({
        substances: [
          { substance: 'other', isPrimary: true, amount: 'spice' },
          { substance: 'other', isPrimary: false, amount: 'pregabalin' },
        ],
      }),
    );
    expect(inWords(lines).slice(1, 3)).toEqual(['Other: spice', 'Other (row 2): pregabalin']);
  });
});

describe('comparing answers', () => {
  it('treats an emptied field and one never touched as the same', () => {
    const typed = answers({ substances: [{ substance: 'alcohol', isPrimary: true, amount: '', route: null }] });
    const stored = answers({ substances: [{ substance: 'alcohol', isPrimary: true }] });
    expect(isSameAnswers(typed, stored)).toBe(true);
    expect(isSameAnswers(typed, answers({ substances: [{ substance: 'alcohol', isPrimary: true, amount: '3 cans' }] }))).toBe(false);
  });

  it("lists this adviser's answers that the saved version does not have, leaving out a colleague's changes", () => {
    const base = answers({ substances: [{ substance: 'alcohol', isPrimary: true }], criteria: { craving: false, tolerance: true } });
    const mine = answers({
      substances: [
        { substance: 'alcohol', isPrimary: true },
        { substance: 'cocaine', isPrimary: false },
      ],
      criteria: { craving: true, tolerance: true },
    });
    const saved = answers({ substances: [{ substance: 'alcohol', isPrimary: true }], criteria: { craving: false, tolerance: false } });
    // Tolerance changed in the saved version, not by this adviser: it is the colleague's to keep.
    expect(inWords(unsavedAnswers(mine, saved, base))).toEqual(['Substances: Alcohol (primary), Cocaine', 'Cravings: Yes']);
    expect(inWords(unsavedAnswers(mine, saved))).toEqual(['Substances: Alcohol (primary), Cocaine', 'Cravings: Yes', 'Tolerance: Yes']);
  });

  it('lists nothing when the saved version already says it all', () => {
    const mine = answers({ criteria: { craving: true } });
    expect(unsavedAnswers(mine, mine, empty())).toEqual([]);
  });
});
