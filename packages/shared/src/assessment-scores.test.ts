import { describe, expect, it } from 'vitest';
import {
  assessmentSchema,
  auditQuestions,
  auditScoreOf,
  criteria,
  severityOf,
  type AuditAnswers,
  type AuditBand,
  type CriteriaAnswers,
  type SeverityBand,
} from './assessment';

/** `met` criteria answered yes, the rest of the first `answered` answered no. */
function criteriaAnswers(met: number, answered: number = criteria.length): CriteriaAnswers {
  return Object.fromEntries(criteria.slice(0, answered).map((criterion, index) => [criterion.id, index < met]));
}

/** Answers adding up to `score`: questions 1 to 8 filled first, then questions 9 and 10 (0, 2 or 4). */
function auditAnswersScoring(score: number): AuditAnswers {
  let left = score;
  return Object.fromEntries(
    auditQuestions.map((question) => {
      const best = Math.max(...question.options.map((option) => option.score).filter((option) => option <= left));
      left -= best;
      return [question.id, best];
    }),
  );
}

describe('severityOf: DSM-5 criteria met', () => {
  it('has the 11 DSM-5 criteria, each a yes/no question', () => {
    expect(criteria).toHaveLength(11);
    expect(new Set(criteria.map((criterion) => criterion.id)).size).toBe(11);
    for (const criterion of criteria) expect(criterion.question).toMatch(/\?( \(.*\))?$/);
  });

  it.each<[number, SeverityBand]>([
    [0, 'none'],
    [1, 'none'],
    [2, 'mild'],
    [3, 'mild'],
    [4, 'moderate'],
    [5, 'moderate'],
    [6, 'severe'],
    [7, 'severe'],
    [11, 'severe'],
  ])('%i of 11 met is %s', (met, band) => {
    expect(severityOf(criteriaAnswers(met))).toEqual({ criteriaMet: met, answered: 11, band, isComplete: true });
  });

  it.each<[string, CriteriaAnswers, { criteriaMet: number; answered: number; band: SeverityBand }]>([
    ['nothing answered', {}, { criteriaMet: 0, answered: 0, band: 'none' }],
    ['4 met of 5 answered', criteriaAnswers(4, 5), { criteriaMet: 4, answered: 5, band: 'moderate' }],
    ['6 met of 10 answered', criteriaAnswers(6, 10), { criteriaMet: 6, answered: 10, band: 'severe' }],
    ['an answer cleared back to null', { ...criteriaAnswers(2), withdrawal: null }, { criteriaMet: 2, answered: 10, band: 'mild' }],
  ])('with %s, shows the count so far and is not complete', (_what, answers, expected) => {
    expect(severityOf(answers)).toEqual({ ...expected, isComplete: false });
  });
});

describe('auditScoreOf: the AUDIT', () => {
  it('has 10 questions: 1 to 8 scored 0 to 4, 9 and 10 scored 0, 2 or 4', () => {
    expect(auditQuestions).toHaveLength(10);
    for (const question of auditQuestions.slice(0, 8)) expect(question.options.map((option) => option.score)).toEqual([0, 1, 2, 3, 4]);
    for (const question of auditQuestions.slice(8)) expect(question.options.map((option) => option.score)).toEqual([0, 2, 4]);
  });

  it.each<[number, AuditBand, string]>([
    [0, 'low', 'the lowest score'],
    [7, 'low', 'the top of lower risk'],
    [8, 'increasing', 'the bottom of increasing risk'],
    [15, 'increasing', 'the top of increasing risk'],
    [16, 'higher', 'the bottom of higher risk'],
    [19, 'higher', 'the top of higher risk'],
    [20, 'possible_dependence', 'the bottom of possible dependence'],
    [40, 'possible_dependence', 'the highest score'],
  ])('%i is %s (%s)', (score, band) => {
    const answers = auditAnswersScoring(score);
    expect(auditScoreOf(answers)).toEqual({ score, answered: 10, band, isComplete: true });
  });

  it.each([
    ['No', 0],
    ['Yes, but not in the last year', 2],
    ['Yes, during the last year', 4],
  ])('scores "%s" to questions 9 and 10 as %i', (label, score) => {
    for (const question of auditQuestions.slice(8)) {
      const option = question.options.find((candidate) => candidate.label === label);
      expect(option?.score).toBe(score);
      expect(auditScoreOf({ ...auditAnswersScoring(0), [question.id]: option?.score }).score).toBe(score);
    }
  });

  it('is not complete until all 10 are answered, and shows the score so far', () => {
    expect(auditScoreOf({})).toEqual({ score: 0, answered: 0, band: 'low', isComplete: false });
    expect(auditScoreOf({ ...auditAnswersScoring(40), others_concerned: null })).toEqual({
      score: 36,
      answered: 9,
      band: 'possible_dependence',
      isComplete: false,
    });
  });

  describe('answers the schema refuses, naming the question', () => {
    const base = {
      id: '0b9e7d1c-3f4a-4e2b-9c8d-7a6b5c4d3e2f',
      version: 1,
      substances: [],
      criteria: {},
      conditions: [],
      risk: {},
      previousTreatments: [],
    };

    it.each([
      ['drinking_frequency', 5, 'Choose an answer for "How often they drink"'],
      ['typical_units', -1, 'Choose an answer for "Units on a typical day"'],
      ['memory_loss', 2.5, 'Choose an answer for "Memory loss"'],
      ['injury', 1, 'Choose an answer for "Injury from drinking"'],
      ['others_concerned', 3, 'Choose an answer for "Others concerned"'],
      ['guilt', 'often', 'Choose an answer for "Guilt or remorse"'],
    ])('%s answered %o', (id, score, message) => {
      const result = assessmentSchema.safeParse({ ...base, audit: { [id]: score } });
      expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([[`audit.${id}`, message]]);
    });

    it('accepts 0, 2 and 4 for question 9', () => {
      for (const score of [0, 2, 4]) expect(assessmentSchema.safeParse({ ...base, audit: { injury: score } }).success).toBe(true);
    });
  });
});
