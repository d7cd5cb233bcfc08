import { TZDate } from '@date-fns/tz';
import { z } from 'zod';
import { londonDayOf } from './london-day';
import { LONDON } from './london-time';
import { substanceIds, type SubstanceId } from './substances';
import { caseIdSchema, caseVersionSchema } from './case-ids';
import { valuesOf } from './options';
import { optionalPlainText, plainText } from './text';
import { riskLevels, type RiskLevel } from './assessment-levels';

// Kept importable from here; screens on the first download import assessment-levels.ts directly.
export { riskLevels, riskLevelLabels, severityBandLabels, type RiskLevel, type SeverityBand } from './assessment-levels';

// The assessment is saved as the call goes on, so almost every answer may still be missing:
// the schema checks what is there, and completeness is a separate rule (isAssessmentComplete).

/** Not answered yet: absent, or null from a form field that was cleared. Stored as absent. */
function maybe<T extends z.ZodType>(schema: T) {
  return schema.nullish().transform((value) => value ?? undefined);
}

const yesNo = (message: string) => maybe(z.boolean({ error: message }));
type YesNo = ReturnType<typeof yesNo>;


/** Band of `value` from thresholds listed highest first. */
function bandOf<B extends string>(value: number, thresholds: ReadonlyArray<readonly [number, B]>): B {
  const match = thresholds.find(([from]) => value >= from) ?? thresholds[thresholds.length - 1];
  return match![1];
}

// Harbour's day is the London day, so "today" does not change at midnight UTC in summer.
const londonNow = () => new TZDate(Date.now(), LONDON);

const MAX_ROWS = 20;

export const routeOptions = [
  { value: 'oral', label: 'Swallowed or drunk' },
  { value: 'smoked', label: 'Smoked' },
  { value: 'snorted', label: 'Snorted' },
  { value: 'injected', label: 'Injected' },
  { value: 'other', label: 'Other' },
] as const;
export type Route = (typeof routeOptions)[number]['value'];

export const frequencyOptions = [
  { value: 'daily', label: 'Every day' },
  { value: 'several_times_a_week', label: 'Several times a week' },
  { value: 'weekly', label: 'Once a week' },
  { value: 'less_than_weekly', label: 'Less than once a week' },
] as const;
export type Frequency = (typeof frequencyOptions)[number]['value'];

export const substanceUseSchema = z.object({
  substance: z.enum(substanceIds, { error: 'Choose a substance from the list' }),
  isPrimary: z.boolean({ error: 'Answer whether this is the primary substance' }),
  route: maybe(z.enum(valuesOf(routeOptions), { error: 'Choose how it is taken' })),
  frequency: maybe(z.enum(valuesOf(frequencyOptions), { error: 'Choose how often it is used' })),
  amount: optionalPlainText('Amount', 200),
  yearsOfUse: maybe(
    z
      .number({ error: 'Years of use must be a number' })
      .int('Years of use must be a whole number')
      .min(0, 'Years of use cannot be negative')
      .max(80, 'Years of use must be at most 80'),
  ),
  // A calendar day ("2026-11-28"), not an instant, so it cannot shift a day between time zones.
  lastUse: maybe(
    z.iso
      .date({ error: 'Enter the date of last use' })
      .refine((day) => day <= londonDayOf(new Date()), 'Last use cannot be in the future'),
  ),
});
export type SubstanceUseInput = z.input<typeof substanceUseSchema>;

const substanceRowsSchema = z
  .array(substanceUseSchema, { error: 'Substances must be a list' })
  .max(MAX_ROWS, `List at most ${MAX_ROWS} substances`)
  .refine((rows) => rows.length === 0 || rows.some((row) => row.isPrimary), 'Choose which substance is the primary one')
  .refine((rows) => rows.filter((row) => row.isPrimary).length <= 1, 'Only one substance can be the primary one');

// DSM-5's 11 criteria for a substance use disorder, asked about the last 12 months in words a
// caller can answer without feeling judged. The criteria are the same for every substance.
export const CRITERIA_INTRODUCTION = 'Thinking about the last 12 months:';

export const criteria = [
  {
    id: 'larger_amounts',
    label: 'Using more or for longer than meant',
    question: 'Have you often used more, or for longer, than you meant to?',
  },
  {
    id: 'cutting_down',
    label: 'Wanting or trying to cut down',
    question: "Have you wanted to cut down or stop, or tried to and found you couldn't?",
  },
  {
    id: 'time_spent',
    label: 'Time spent getting, using or recovering',
    question: 'Do you spend a lot of time getting it, using it or getting over its effects?',
  },
  { id: 'craving', label: 'Cravings', question: 'Do you get strong cravings or urges to use?' },
  {
    id: 'obligations',
    label: 'Not managing work, study or home',
    question: "Has using meant you haven't managed things you need to do at work, school, college or home?",
  },
  {
    id: 'relationships',
    label: 'Problems with other people',
    question: 'Have you carried on using even though it has caused or worsened problems with people close to you?',
  },
  {
    id: 'activities_given_up',
    label: 'Giving up things that mattered',
    question: 'Have you given up or cut back on things that mattered to you, like work, hobbies or seeing people, because of using?',
  },
  {
    id: 'hazardous_use',
    label: 'Using when it could be dangerous',
    question: 'Have you used in situations where it could be physically dangerous, such as before driving or looking after a child?',
  },
  {
    id: 'health_problems',
    label: 'Using despite health problems',
    question: 'Have you carried on using even though you knew it was causing or worsening a physical or mental health problem?',
  },
  {
    id: 'tolerance',
    label: 'Tolerance',
    question:
      'Do you need more than before to get the same effect, or does the same amount do less? (Not if this comes only from a medicine taken as prescribed.)',
  },
  {
    id: 'withdrawal',
    label: 'Withdrawal',
    question:
      'When the effects wear off, do you feel unwell with withdrawal, or use something to ease or avoid it? (Not if this comes only from a medicine taken as prescribed.)',
  },
] as const;
export type CriterionId = (typeof criteria)[number]['id'];

const criteriaAnswersSchema = z.object(
  Object.fromEntries(criteria.map((criterion) => [criterion.id, yesNo(`Answer yes or no for "${criterion.label}"`)])) as Record<
    CriterionId,
    YesNo
  >,
  { error: 'Severity answers are missing' },
);
export type CriteriaAnswers = z.input<typeof criteriaAnswersSchema>;

// DSM-5: 0–1 criteria met is no disorder, 2–3 mild, 4–5 moderate, 6 or more severe.
const severityThresholds = [
  [6, 'severe'],
  [4, 'moderate'],
  [2, 'mild'],
  [0, 'none'],
] as const;

/** Shown as the adviser ticks, so the band is of the criteria met so far. */
export function severityOf(answers: CriteriaAnswers) {
  const values = criteria.map((criterion) => answers[criterion.id]);
  const criteriaMet = values.filter((value) => value === true).length;
  const answered = values.filter((value) => typeof value === 'boolean').length;
  return { criteriaMet, answered, band: bandOf(criteriaMet, severityThresholds), isComplete: answered === criteria.length };
}

// The AUDIT as the NHS uses it in England: UK units in questions 2 and 3, standard scoring.
const frequencyScale = ['Never', 'Less than monthly', 'Monthly', 'Weekly', 'Daily or almost daily'];
const scored = (labels: readonly string[]) => labels.map((label, score) => ({ score, label }));
const injuryScale = [
  { score: 0, label: 'No' },
  { score: 2, label: 'Yes, but not in the last year' },
  { score: 4, label: 'Yes, during the last year' },
];

export const auditQuestions = [
  {
    id: 'drinking_frequency',
    label: 'How often they drink',
    question: 'How often do you have a drink containing alcohol?',
    options: scored(['Never', 'Monthly or less', '2 to 4 times a month', '2 to 3 times a week', '4 or more times a week']),
  },
  {
    id: 'typical_units',
    label: 'Units on a typical day',
    question: 'How many units of alcohol do you drink on a typical day when you are drinking?',
    options: scored(['0 to 2', '3 to 4', '5 to 6', '7 to 9', '10 or more']),
  },
  {
    id: 'heavy_sessions',
    label: 'Heavy drinking sessions',
    question: 'How often have you had 6 or more units if female, or 8 or more if male, on a single occasion in the last year?',
    options: scored(frequencyScale),
  },
  {
    id: 'unable_to_stop',
    label: 'Unable to stop',
    question: 'How often during the last year have you found that you were not able to stop drinking once you had started?',
    options: scored(frequencyScale),
  },
  {
    id: 'failed_expectations',
    label: 'Not doing what was expected',
    question: 'How often during the last year have you failed to do what was normally expected of you because of your drinking?',
    options: scored(frequencyScale),
  },
  {
    id: 'morning_drink',
    label: 'Drinking in the morning',
    question: 'How often during the last year have you needed an alcoholic drink in the morning to get yourself going after a heavy drinking session?',
    options: scored(frequencyScale),
  },
  {
    id: 'guilt',
    label: 'Guilt or remorse',
    question: 'How often during the last year have you had a feeling of guilt or remorse after drinking?',
    options: scored(frequencyScale),
  },
  {
    id: 'memory_loss',
    label: 'Memory loss',
    question: 'How often during the last year have you been unable to remember what happened the night before because you had been drinking?',
    options: scored(frequencyScale),
  },
  {
    id: 'injury',
    label: 'Injury from drinking',
    question: 'Have you or somebody else been injured as a result of your drinking?',
    options: injuryScale,
  },
  {
    id: 'others_concerned',
    label: 'Others concerned',
    question: 'Has a relative, friend, doctor or other health worker been concerned about your drinking or suggested that you cut down?',
    options: injuryScale,
  },
] as const;
export type AuditQuestionId = (typeof auditQuestions)[number]['id'];

const auditAnswersSchema = z.object(
  Object.fromEntries(
    auditQuestions.map((question) => {
      const message = `Choose an answer for "${question.label}"`;
      const scores: number[] = question.options.map((option) => option.score);
      return [question.id, maybe(z.number({ error: message }).refine((score) => scores.includes(score), message))];
    }),
  ) as Record<AuditQuestionId, ReturnType<typeof maybe<z.ZodNumber>>>,
  { error: 'AUDIT answers are missing' },
);
export type AuditAnswers = z.input<typeof auditAnswersSchema>;

export type AuditBand = 'low' | 'increasing' | 'higher' | 'possible_dependence';
export const auditBandLabels: Record<AuditBand, string> = {
  low: 'Lower risk',
  increasing: 'Increasing risk',
  higher: 'Higher risk',
  possible_dependence: 'Possible dependence',
};
// The WHO zones: 0–7, 8–15, 16–19, 20–40.
const auditThresholds = [
  [20, 'possible_dependence'],
  [16, 'higher'],
  [8, 'increasing'],
  [0, 'low'],
] as const;

export function auditScoreOf(answers: AuditAnswers) {
  const values = auditQuestions.map((question) => answers[question.id]);
  const score = values.reduce<number>((total, value) => total + (value ?? 0), 0);
  const answered = values.filter((value) => typeof value === 'number').length;
  return { score, answered, band: bandOf(score, auditThresholds), isComplete: answered === auditQuestions.length };
}

export const conditionOptions = [
  { value: 'depression', label: 'Depression' },
  { value: 'anxiety', label: 'Anxiety' },
  { value: 'ptsd', label: 'PTSD' },
  { value: 'bipolar', label: 'Bipolar disorder' },
  { value: 'psychosis', label: 'Psychosis' },
  { value: 'eating_disorder', label: 'Eating disorder' },
  { value: 'adhd', label: 'ADHD' },
  { value: 'personality_disorder', label: 'Personality disorder' },
  { value: 'other', label: 'Other' },
] as const;
export type Condition = (typeof conditionOptions)[number]['value'];

export const conditionStatusOptions = [
  { value: 'diagnosed', label: 'Diagnosed' },
  { value: 'suspected', label: 'Suspected, not diagnosed' },
] as const;

export const conditionSchema = z.object({
  condition: z.enum(valuesOf(conditionOptions), { error: 'Choose a condition from the list' }),
  status: z.enum(valuesOf(conditionStatusOptions), { error: 'Choose whether the condition is diagnosed or suspected' }),
  isCurrentlyTreated: yesNo('Answer whether the condition is being treated now'),
});

/** Suspected conditions count too: a clinic must be able to assess and hold them. */
export function isDualDiagnosis(conditions: ReadonlyArray<unknown>): boolean {
  return conditions.length > 0;
}

export const treatmentEndingOptions = [
  { value: 'completed', label: 'Completed' },
  { value: 'left_early', label: 'Left early' },
  { value: 'discharged', label: 'Discharged early by the provider' },
  { value: 'ongoing', label: 'Still ongoing' },
] as const;

export const previousTreatmentSchema = z.object({
  where: plainText('Place of treatment', 200).min(1, 'Enter where the treatment was'),
  year: maybe(
    z
      .number({ error: 'Enter the year of treatment, like 2019' })
      .int('Enter the year of treatment, like 2019')
      .min(1940, 'Year of treatment must be 1940 or later')
      .refine((year) => year <= londonNow().getFullYear(), 'Year of treatment cannot be in the future'),
  ),
  howItEnded: maybe(z.enum(valuesOf(treatmentEndingOptions), { error: 'Choose how the treatment ended' })),
});

export const suicidalThoughtsOptions = [
  { value: 'none', label: 'No' },
  { value: 'passive', label: 'Yes, but no plan (for example, wishing not to wake up)' },
  { value: 'active_with_plan', label: 'Yes, with a plan or intent to act' },
] as const;
export type SuicidalThoughts = (typeof suicidalThoughtsOptions)[number]['value'];

export const riskScreenSchema = z.object(
  {
    suicidalThoughts: maybe(z.enum(valuesOf(suicidalThoughtsOptions), { error: 'Choose an answer for thoughts of suicide' })),
    selfHarm: yesNo('Answer yes or no for self-harm'),
    harmToOthers: yesNo('Answer yes or no for harm to others'),
    childrenOrVulnerableAdultsAtHome: yesNo('Answer yes or no for children or vulnerable adults at home'),
    pregnancy: yesNo('Answer yes or no for pregnancy'),
    injecting: yesNo('Answer yes or no for injecting'),
    overdoseInLast12Months: yesNo('Answer yes or no for an overdose in the last 12 months'),
    riskyWithdrawal: yesNo('Answer yes or no for medically risky withdrawal'),
  },
  { error: 'Risk screen answers are missing' },
);
export type RiskScreenAnswers = z.input<typeof riskScreenSchema>;
type RiskFactor = keyof RiskScreenAnswers;

export const riskFactorLabels: Record<RiskFactor, string> = {
  suicidalThoughts: 'Thoughts of suicide',
  selfHarm: 'Self-harm, now or recently',
  harmToOthers: 'Risk of harming someone else',
  childrenOrVulnerableAdultsAtHome: 'Children or vulnerable adults at home',
  pregnancy: 'Pregnant',
  injecting: 'Injects drugs',
  overdoseInLast12Months: 'Overdose in the last 12 months',
  riskyWithdrawal: 'Withdrawal could be medically dangerous (for example daily alcohol, benzodiazepines or GHB)',
};

type SubstanceFacts = Pick<SubstanceUseInput, 'substance' | 'route' | 'frequency'>;

// Stopping any of these suddenly after daily use can cause seizures or delirium, so detox must
// be medically managed. The issue names alcohol and benzodiazepines; GHB/GBL withdrawal is at
// least as dangerous (NICE and the UK clinical guidelines treat it as a medical emergency).
const WITHDRAWAL_RISK_SUBSTANCES: readonly SubstanceId[] = ['alcohol', 'benzodiazepines', 'ghb_gbl'];

/** Daily alcohol or benzodiazepines answer the risky-withdrawal question by themselves. */
export function hasRiskyWithdrawalFrom(substances: readonly SubstanceFacts[]): boolean {
  return substances.some((row) => row.frequency === 'daily' && WITHDRAWAL_RISK_SUBSTANCES.includes(row.substance));
}

/** A substance taken by injection answers the injecting question by itself. */
export function isInjectingIn(substances: readonly SubstanceFacts[]): boolean {
  return substances.some((row) => row.route === 'injected');
}

type RiskFacts = { [F in Exclude<RiskFactor, 'suicidalThoughts'>]: boolean } & { suicidalThoughts?: SuicidalThoughts };

// Two medium factors together are high: injecting while pregnant, or pregnancy or injecting
// with children in the home, put someone besides the client at risk.
const twoOrMoreMediumFactors = (f: RiskFacts) => [f.injecting, f.pregnancy, f.childrenOrVulnerableAdultsAtHome].filter(Boolean).length >= 2;

/*
 * The risk rules. The level is that of the highest row that applies and every applying row
 * gives its reason, so a further "yes" can only add a reason or raise the level: safeguarding
 * (children or vulnerable adults at home) is never a reason to lower one.
 *
 * immediate  danger to life now. Opens the crisis protocol and alerts every team lead, so it
 *            is kept for that alone: several high factors together are still high.
 * high       a serious risk that decides the placement (a medically managed detox, a clinic
 *            that can hold mental health risk) and that a team lead should see.
 * medium     a risk to the client's health or to someone else that the clinic must plan for.
 * low        none of the above.
 */
const riskRules: ReadonlyArray<{ level: Exclude<RiskLevel, 'low'>; when: (facts: RiskFacts) => boolean; reason: string }> = [
  { level: 'immediate', when: (f) => f.suicidalThoughts === 'active_with_plan', reason: 'Thoughts of suicide with a plan or intent to act.' },
  { level: 'high',      when: (f) => f.suicidalThoughts === 'passive',          reason: 'Thoughts of suicide, without a plan.' },
  { level: 'high',      when: (f) => f.selfHarm,                                reason: 'Self-harm, now or recently.' },
  { level: 'high',      when: (f) => f.harmToOthers,                            reason: 'May harm someone else.' },
  { level: 'high',      when: (f) => f.overdoseInLast12Months,                  reason: 'Has overdosed in the last 12 months.' },
  { level: 'high',      when: (f) => f.riskyWithdrawal,                         reason: 'Withdrawal could cause seizures: detox must be medically managed.' },
  { level: 'high',      when: twoOrMoreMediumFactors,                           reason: 'More than one of injecting, pregnancy and children or vulnerable adults at home.' },
  { level: 'medium',    when: (f) => f.injecting,                               reason: 'Injects drugs, with a risk of overdose and infection.' },
  { level: 'medium',    when: (f) => f.pregnancy,                               reason: 'Pregnant: substance use and withdrawal put the baby at risk too.' },
  { level: 'medium',    when: (f) => f.childrenOrVulnerableAdultsAtHome,        reason: 'Children or vulnerable adults at home: consider safeguarding.' },
];

/**
 * What the substance rows say cannot be undone by an answer: daily drinking with "no" to
 * risky withdrawal is still risky withdrawal.
 */
export function riskLevelOf(screen: RiskScreenAnswers, substances: readonly SubstanceFacts[] = []) {
  const facts: RiskFacts = {
    suicidalThoughts: screen.suicidalThoughts ?? undefined,
    selfHarm: screen.selfHarm === true,
    harmToOthers: screen.harmToOthers === true,
    childrenOrVulnerableAdultsAtHome: screen.childrenOrVulnerableAdultsAtHome === true,
    pregnancy: screen.pregnancy === true,
    injecting: screen.injecting === true || isInjectingIn(substances),
    overdoseInLast12Months: screen.overdoseInLast12Months === true,
    riskyWithdrawal: screen.riskyWithdrawal === true || hasRiskyWithdrawalFrom(substances),
  };
  const applying = riskRules
    .filter((rule) => rule.when(facts))
    .sort((a, b) => riskLevels.indexOf(b.level) - riskLevels.indexOf(a.level));
  const isAnswered = (factor: RiskFactor) =>
    (screen[factor] ?? undefined) !== undefined ||
    (factor === 'injecting' && facts.injecting) ||
    (factor === 'riskyWithdrawal' && facts.riskyWithdrawal);
  return {
    level: applying[0]?.level ?? ('low' as RiskLevel),
    reasons: applying.map((rule) => rule.reason),
    isComplete: (Object.keys(riskFactorLabels) as RiskFactor[]).every(isAnswered),
  };
}

export const assessmentSchema = z.object({
  id: caseIdSchema,
  version: caseVersionSchema,
  substances: substanceRowsSchema,
  criteria: criteriaAnswersSchema,
  audit: auditAnswersSchema,
  conditions: z.array(conditionSchema, { error: 'Conditions must be a list' }).max(MAX_ROWS, `List at most ${MAX_ROWS} conditions`),
  risk: riskScreenSchema,
  previousTreatments: z
    .array(previousTreatmentSchema, { error: 'Previous treatments must be a list' })
    .max(MAX_ROWS, `List at most ${MAX_ROWS} previous treatments`),
});
export type AssessmentInput = z.input<typeof assessmentSchema>;
export type Assessment = z.output<typeof assessmentSchema>;

type CompletenessFacts = Pick<AssessmentInput, 'substances' | 'criteria' | 'risk'>;

/** What still stands between this assessment and complete, in words for the adviser. */
export function assessmentGaps(assessment: CompletenessFacts): string[] {
  const gaps: string[] = [];
  if (!assessment.substances.some((row) => row.isPrimary)) gaps.push('no primary substance chosen');
  const severity = severityOf(assessment.criteria);
  const unanswered = criteria.length - severity.answered;
  if (unanswered > 0) gaps.push(`${unanswered} of the ${criteria.length} severity questions not answered`);
  if (!riskLevelOf(assessment.risk, assessment.substances).isComplete) gaps.push('risk screen not answered');
  return gaps;
}

/** Complete enough to look for a clinic: a primary substance, every criterion and the whole risk screen. */
export function isAssessmentComplete(assessment: CompletenessFacts): boolean {
  return assessmentGaps(assessment).length === 0;
}

export const includesAlcohol = (substances: ReadonlyArray<Pick<SubstanceUseInput, 'substance'>>) =>
  substances.some((row) => row.substance === 'alcohol');

/** Anything at all known about risk: an answer on the screen, or a substance row that answers one. */
export function isRiskKnown(risk: RiskScreenAnswers, substances: readonly SubstanceFacts[]): boolean {
  return Object.values(risk).some((answer) => answer !== undefined && answer !== null) || hasRiskyWithdrawalFrom(substances) || isInjectingIn(substances);
}

/** The figures a list, a filter or clinic matching needs without opening the assessment. */
export function assessmentSummaryOf(assessment: Omit<Assessment, 'id' | 'version'>) {
  const severity = severityOf(assessment.criteria);
  const risk = riskLevelOf(assessment.risk, assessment.substances);
  const audit = auditScoreOf(assessment.audit);
  return {
    primarySubstance: assessment.substances.find((row) => row.isPrimary)?.substance ?? null,
    criteriaMet: severity.criteriaMet,
    // The band of the answers so far (it can only rise as more come in); none before the first.
    severity: severity.answered > 0 ? severity.band : null,
    // Nothing answered and nothing in the substance rows: not assessed, rather than "low".
    riskLevel: isRiskKnown(assessment.risk, assessment.substances) ? risk.level : null,
    auditScore: includesAlcohol(assessment.substances) && audit.answered > 0 ? audit.score : null,
    isDualDiagnosis: isDualDiagnosis(assessment.conditions),
    isComplete: isAssessmentComplete(assessment),
  };
}

export const fundingRouteOptions = [
  { value: 'self_funded', label: 'Self-funded' },
  { value: 'family', label: 'Family' },
  { value: 'private_medical_insurance', label: 'Private medical insurance' },
  { value: 'employer', label: 'Employer' },
  { value: 'nhs_or_local_authority', label: 'NHS or local authority' },
  { value: 'undecided', label: 'Undecided' },
] as const;
export type FundingRoute = (typeof fundingRouteOptions)[number]['value'];

// £1,000,000 is beyond any programme's price and keeps pence well inside a Postgres integer.
const MAX_BUDGET_PENCE = 100_000_000;
const budgetPence = (name: string) =>
  maybe(
    z
      .number({ error: `${name} must be an amount in pounds` })
      .int(`${name} must be in whole pence`)
      .min(0, `${name} cannot be negative`)
      .max(MAX_BUDGET_PENCE, `${name} must be at most £1,000,000`),
  );

export const financesSchema = z
  .object({
    fundingRoute: maybe(z.enum(valuesOf(fundingRouteOptions), { error: 'Choose a funding route' })),
    budgetMinPence: budgetPence('Lowest budget'),
    budgetMaxPence: budgetPence('Highest budget'),
    insurer: optionalPlainText('Insurer', 120),
    policyNumber: optionalPlainText('Policy number', 60),
    whoPays: optionalPlainText('Who pays', 200),
    notes: optionalPlainText('Finance notes', 2000),
  })
  .refine(
    (finances) => finances.budgetMinPence === undefined || finances.budgetMaxPence === undefined || finances.budgetMinPence <= finances.budgetMaxPence,
    { error: 'Highest budget must be at least the lowest budget', path: ['budgetMaxPence'] },
  );
export type FinancesInput = z.input<typeof financesSchema>;

// Finances are saved on their own (cases.updateFinances): the policy number is masked for
// most readers, and a masked value must never travel back inside an assessment save.
export const updateFinancesSchema = z.object({
  id: caseIdSchema,
  version: caseVersionSchema,
  finances: financesSchema,
});
export type UpdateFinancesInput = z.input<typeof updateFinancesSchema>;
