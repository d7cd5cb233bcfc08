import {
  assessmentSchema,
  assessmentSummaryOf,
  auditQuestions,
  criteria,
  financesSchema,
  hasRiskyWithdrawalFrom,
  isInjectingIn,
  type AssessmentInput,
  type Frequency,
  type FundingRoute,
  type Route,
} from '@harbour/shared/assessment';
import { riskScreenWithNothingFound } from '@harbour/shared/assessment-fixtures';
import type { SubstanceId } from '@harbour/shared/substances';
import { assessmentColumns, financeColumns } from '../features/cases/case-changes.service';
import { copyArray, copyBool, copyText, NULL } from './copy-text';
import { Dice, weightsOf } from './bench-dice';

// A million assessments built and checked one by one would take longer than the whole load, so a
// pool of complete assessments is built once, each parsed with the app's own schema and summed
// up by the app's own code, and every assessed case takes one from the pool. Each pool entry is
// kept as its finished COPY text.

const POOL_SIZE = 2_048;

/** Roughly what UK treatment services see: alcohol far ahead, then cocaine, then opiates. */
export const SUBSTANCE_WEIGHTS = weightsOf<SubstanceId>([
  ['alcohol', 40], ['cocaine', 18], ['heroin', 9], ['benzodiazepines', 7], ['cannabis', 7], ['ketamine', 6], ['crack_cocaine', 4],
  ['other_opioids', 3], ['prescription_medicines', 3], ['amphetamines', 2], ['gambling', 2], ['ghb_gbl', 1], ['mdma', 1],
]);

/** How a substance is usually taken; the rest are smoked, snorted or (one in five) injected. */
const USUAL_ROUTE: Partial<Record<SubstanceId, Route | null>> = { alcohol: 'oral', benzodiazepines: 'oral', prescription_medicines: 'oral', gambling: null };
const OTHER_ROUTES = weightsOf<Route>([['smoked', 4], ['snorted', 4], ['injected', 2]]);
const FREQUENCIES = weightsOf<Frequency>([['daily', 6], ['several_times_a_week', 3], ['weekly', 1]]);

const CONDITIONS = ['depression', 'anxiety', 'ptsd', 'bipolar', 'adhd'] as const;
const TREATMENTS = ['Local community drug and alcohol service', 'NHS inpatient detox', 'Twelve-step day programme'];

function assessmentInput(dice: Dice, number: number): AssessmentInput {
  const primary = dice.weighted(SUBSTANCE_WEIGHTS);
  const mentioned: SubstanceId[] = dice.chance(0.3) ? [primary, primary === 'alcohol' ? 'cocaine' : 'alcohol'] : [primary];
  const substances = mentioned.map((substance, index) => {
    const usual = USUAL_ROUTE[substance];
    const route = usual === undefined ? dice.weighted(OTHER_ROUTES) : usual;
    return { substance, isPrimary: index === 0, ...(route ? { route } : {}), frequency: dice.weighted(FREQUENCIES), yearsOfUse: dice.between(1, 20) };
  });
  // Most people who reach us meet several criteria; every question is answered, so it is complete.
  const metCount = dice.weighted(weightsOf([[dice.between(0, 3), 2], [dice.between(4, 5), 3], [dice.between(6, 11), 6]]));
  const met = new Set(criteria.map((criterion) => criterion.id).sort(() => dice.fraction() - 0.5).slice(0, metCount));
  return {
    id: '00000000-0000-4000-8000-000000000000',
    version: 1,
    substances,
    criteria: Object.fromEntries(criteria.map((criterion) => [criterion.id, met.has(criterion.id)])),
    audit: mentioned.includes('alcohol') ? Object.fromEntries(auditQuestions.map((question, index) => [question.id, index < 8 ? dice.between(1, 4) : dice.pick([0, 2, 4])])) : {},
    conditions: dice.chance(0.3) ? [{ condition: CONDITIONS[number % CONDITIONS.length]!, status: 'diagnosed', isCurrentlyTreated: dice.chance(0.5) }] : [],
    risk: {
      ...riskScreenWithNothingFound,
      suicidalThoughts: dice.chance(0.06) ? 'passive' : 'none',
      selfHarm: dice.chance(0.04),
      childrenOrVulnerableAdultsAtHome: dice.chance(0.15),
      injecting: isInjectingIn(substances),
      riskyWithdrawal: hasRiskyWithdrawalFrom(substances),
    },
    previousTreatments: dice.chance(0.3) ? [{ where: dice.pick(TREATMENTS), year: 2015 + (number % 8), howItEnded: dice.pick(['completed', 'left_early'] as const) }] : [],
  } as AssessmentInput;
}

/** The columns an assessed case carries, in ASSESSMENT_COLUMNS order, as COPY text. */
export interface PooledAssessment {
  copy: string;
  substances: string;
  riskLevel: string;
  isDual: boolean;
}

export const ASSESSMENT_COLUMNS = [
  'assessment', 'primary_substance', 'criteria_met', 'severity', 'audit_score', 'risk_level', 'is_dual_diagnosis', 'assessment_complete',
] as const;

let pool: PooledAssessment[] | undefined;

/** The pool, built on first use; throws if any entry would not pass a save. */
export function assessmentPool(): PooledAssessment[] {
  pool ??= Array.from({ length: POOL_SIZE }, (_, number) => {
    const { id: _id, version: _version, ...stored } = assessmentSchema.parse(assessmentInput(new Dice(91, number), number));
    const summary = assessmentSummaryOf(stored);
    // An immediate risk opens a crisis on save; the pool keeps to cases without one.
    if (summary.riskLevel === 'immediate' || !summary.isComplete) throw new Error(`Bench assessment ${number} is not a complete, non-crisis assessment`);
    const columns = assessmentColumns(stored, summary, []);
    const copy = [
      copyText(columns.assessment),
      copyText(columns.primary_substance),
      String(columns.criteria_met),
      copyText(columns.severity),
      columns.audit_score === null ? NULL : String(columns.audit_score),
      copyText(columns.risk_level),
      copyBool(columns.is_dual_diagnosis),
      copyBool(columns.assessment_complete),
    ].join('\t');
    return { copy, substances: copyArray(columns.substances), riskLevel: columns.risk_level ?? 'low', isDual: columns.is_dual_diagnosis };
  });
  return pool;
}

/** The raw stored assessment of a pool entry, for tests that parse it again. */
export const pooledAssessmentJson = (entry: PooledAssessment) => entry.copy.split('\t')[0]!;

// ---- Finances ----

export const FINANCE_COLUMNS = ['funding_route', 'budget_min_pence', 'budget_max_pence', 'insurer', 'policy_number', 'who_pays', 'finance_notes'] as const;

export const FUNDING_WEIGHTS = weightsOf<Exclude<FundingRoute, 'undecided'>>([
  ['self_funded', 34], ['family', 24], ['private_medical_insurance', 14], ['employer', 8], ['nhs_or_local_authority', 20],
]);

const FINANCE_POOL_SIZE = 256;
let finances: string[] | undefined;

/**
 * Finances sections as COPY text (FINANCE_COLUMNS order), funding routes in their usual
 * proportions, each checked with the app's schema once; no entry is "undecided", so a case
 * holding one may go on to a placement.
 */
export function financePool(): string[] {
  finances ??= Array.from({ length: FINANCE_POOL_SIZE }, (_, number) => {
    const dice = new Dice(92, number);
    const route = dice.weighted(FUNDING_WEIGHTS);
    const budgetMaxPence = dice.between(8, 40) * 100_000;
    const input =
      route === 'private_medical_insurance'
        ? { fundingRoute: route, insurer: dice.pick(['Example Health', 'Example Medical Mutual']), policyNumber: `EXH-${dice.between(1000, 9999)}-${dice.between(1000, 9999)}` }
        : route === 'nhs_or_local_authority'
          ? { fundingRoute: route, notes: 'Funded place agreed by the local drug and alcohol service.' }
          : { fundingRoute: route, budgetMaxPence, whoPays: { self_funded: 'The client, from savings', family: 'Their family', employer: 'Their employer' }[route] };
    const parsed = financesSchema.parse(input);
    const columns = financeColumns(parsed);
    return [
      copyText(columns.funding_route),
      columns.budget_min_pence === null ? NULL : String(columns.budget_min_pence),
      columns.budget_max_pence === null ? NULL : String(columns.budget_max_pence),
      copyText(columns.insurer),
      copyText(parsed.policyNumber ?? null),
      copyText(columns.who_pays),
      copyText(columns.finance_notes),
    ].join('\t');
  });
  return finances;
}

export const NO_FINANCES = FINANCE_COLUMNS.map(() => NULL).join('\t');
