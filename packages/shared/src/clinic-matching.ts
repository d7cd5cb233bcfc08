import { assessmentSummaryOf, hasRiskyWithdrawalFrom, type Assessment, type FundingRoute } from './assessment';
import {
  programmePriceOf,
  ratingLabels,
  residentialServices,
  serviceLabels,
  type AcceptedFundingRoute,
  type ClinicFields,
  type Rating,
  type Regulator,
  type Service,
  type Travel,
} from './clinics';
import { formatPence } from './format';
import { regionDistance, regionInSentence, type Region, type RegionDistance } from './regions';
import { substanceLabel, type SubstanceId } from './substances';

// Which partner clinics can take this person, and in what order an adviser should look at them.
// Hard rules exclude a clinic and say why; soft factors rank the rest and say why too, so the
// adviser can explain a suggestion to the family, or see past it.

/** What the case needs of a clinic. Unknown answers (null) are not held against any clinic. */
export type ClinicNeed = {
  primarySubstance: SubstanceId | null;
  substances: SubstanceId[];
  isDualDiagnosis: boolean;
  /** Withdrawal could cause seizures: only a clinic with medically managed detox will do. */
  needsMedicalDetox: boolean;
  fundingRoute: FundingRoute | null;
  /** For the whole treatment, in pence. */
  budgetMaxPence: number | null;
  region: Region | null;
};

type StoredAssessment = Omit<Assessment, 'id' | 'version'>;
type NeededFinances = { fundingRoute?: FundingRoute | null; budgetMaxPence?: number | null };

/** The need, from the case's stored assessment (null before one is saved), finances and region. */
export function clinicNeedOf(assessment: StoredAssessment | null, finances: NeededFinances, region: Region | null | undefined): ClinicNeed {
  const rows = assessment?.substances ?? [];
  const summary = assessment && assessmentSummaryOf(assessment);
  return {
    primarySubstance: summary?.primarySubstance ?? null,
    substances: [...new Set(rows.map((row) => row.substance))],
    isDualDiagnosis: summary?.isDualDiagnosis ?? false,
    // The answer on the risk screen, or what the substance rows say by themselves (daily drinking).
    needsMedicalDetox: assessment?.risk.riskyWithdrawal === true || hasRiskyWithdrawalFrom(rows),
    fundingRoute: finances.fundingRoute ?? null,
    budgetMaxPence: finances.budgetMaxPence ?? null,
    region: region ?? null,
  };
}

/** What matching reads of a clinic; the server passes whole rows and gets them back. */
export type MatchableClinic = Pick<
  ClinicFields,
  | 'name'
  | 'regulator'
  | 'rating'
  | 'region'
  | 'services'
  | 'substances'
  | 'isDualDiagnosisCapable'
  | 'programmeLengthsDays'
  | 'weeklyPriceMinPence'
  | 'weeklyPriceMaxPence'
  | 'fundingRoutes'
  | 'bedsAvailable'
  | 'isActive'
> & { bedsConfirmedAt: Date | null };

export type MatchOptions = { travel: Travel; programme?: Service; lengthDays?: number; now: Date };

export type ClinicMatch<C extends MatchableClinic> = {
  clinic: C;
  isExcluded: boolean;
  /** Each "Excluded because …", in the order the rules are listed below. */
  exclusions: string[];
  score: number;
  /** The soft factors in words: region, bed, budget, rating, price. */
  reasons: string[];
};

/**
 * What each soft factor adds to a clinic's score, strongest first. A bed, the budget and each
 * step of rating outweigh everything after them put together, so a weaker factor only parts
 * clinics that tie on the stronger ones. Region is the exception on purpose: a neighbouring
 * region with a bed now outranks the client's own region without one; further away does not.
 *
 * | factor             | points | why                                                                     |
 * | ------------------ | ------ | ----------------------------------------------------------------------- |
 * | sameRegion         | 40     | the family visits and drives the person there and home: close first     |
 * | neighbouringRegion | 20     | a region next door is still a day trip; further away earns nothing      |
 * | bedFree            | 30     | someone ready today may not be next week: a bed now, above 15 + 12 + 2  |
 * | staleBedFree       | 10     | a count confirmed over 7 days ago has likely changed: a third as much   |
 * | withinBudget       | 15     | what the family can pay, above 12 + 2; over budget is shown, not hidden |
 * | rating             | 12     | the regulator's view: 3 a step from Inadequate to Outstanding           |
 * | price              | 2      | the cheapest weekly price ranked earns it all; under one rating step    |
 */
export const MATCH_WEIGHTS = {
  sameRegion: 40,
  neighbouringRegion: 20,
  bedFree: 30,
  staleBedFree: 10,
  withinBudget: 15,
  rating: 12,
  price: 2,
} as const;

// Not yet rated is unknown, so it sits in the middle: below Good, above Requires improvement.
export const ratingShares: Record<Rating, number> = {
  outstanding: 1,
  good: 0.75,
  not_yet_rated: 0.5,
  requires_improvement: 0.25,
  inadequate: 0,
};

/** A bed count confirmed longer ago than this counts for less. */
export const STALE_BEDS_AFTER_DAYS = 7;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

// ---- words -------------------------------------------------------------------------------------

/** A label inside a sentence: "Crack cocaine" reads "crack cocaine", "MDMA" stays. */
const inSentence = (label: string) => (/^.[A-Z]/.test(label) ? label : label.charAt(0).toLowerCase() + label.slice(1));

/** "a", "a or b", "a, b or c". */
function joinOr(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

const substanceInSentence = (id: SubstanceId) => (id === 'other' ? 'other substances' : inSentence(substanceLabel(id)));

const regulatorInSentence: Record<Regulator, string> = { cqc: 'the CQC', hiw: 'HIW' };

const fundingInSentence: Record<AcceptedFundingRoute, string> = {
  self_funded: 'self-funded clients',
  family: 'funding from family',
  private_medical_insurance: 'private medical insurance',
  employer: 'funding from an employer',
  nhs_or_local_authority: 'NHS or local authority funding',
};

/** "under an hour ago", "5 hours ago", "1 day ago". */
function ago(millis: number): string {
  const plural = (count: number, unit: string) => `${count} ${unit}${count === 1 ? '' : 's'} ago`;
  if (millis < HOUR) return 'under an hour ago';
  return millis < DAY ? plural(Math.floor(millis / HOUR), 'hour') : plural(Math.floor(millis / DAY), 'day');
}

// ---- hard rules --------------------------------------------------------------------------------

type Facts = { clinic: MatchableClinic; need: ClinicNeed; options: MatchOptions; neededSubstances: SubstanceId[] };

/** Each rule gives its reason to exclude, or nothing. */
const hardRules: ReadonlyArray<(facts: Facts) => string | undefined> = [
  ({ clinic, neededSubstances }) => {
    const missing = neededSubstances.filter((substance) => !clinic.substances.includes(substance));
    return missing.length > 0 ? `it does not treat ${joinOr(missing.map(substanceInSentence))}` : undefined;
  },
  ({ clinic, need }) => (need.isDualDiagnosis && !clinic.isDualDiagnosisCapable ? 'it cannot treat a dual diagnosis' : undefined),
  ({ clinic, need }) =>
    need.needsMedicalDetox && !clinic.services.includes('medically_managed_detox')
      ? 'withdrawal could be medically dangerous and it does not offer medically managed detox'
      : undefined,
  ({ clinic, need: { fundingRoute } }) =>
    fundingRoute && fundingRoute !== 'undecided' && !clinic.fundingRoutes.includes(fundingRoute)
      ? `it does not accept ${fundingInSentence[fundingRoute]}`
      : undefined,
  ({ clinic }) => (clinic.isActive ? undefined : 'it is marked inactive'),
  ({ clinic, options: { programme } }) =>
    programme && !clinic.services.includes(programme) ? `it does not offer ${inSentence(serviceLabels[programme])}` : undefined,
  ({ clinic, options: { lengthDays } }) =>
    lengthDays && !clinic.programmeLengthsDays.includes(lengthDays)
      ? `it does not offer a ${lengthDays}-day programme (it offers ${joinOr(clinic.programmeLengthsDays.map(String))} days)`
      : undefined,
  ({ clinic, need, options }) => {
    if (!need.region || options.travel === 'anywhere') return undefined;
    const distance = regionDistance(need.region, clinic.region);
    const where = `it is in ${regionInSentence(clinic.region)}`;
    if (options.travel === 'region' && distance !== 'same') return `${where}, outside ${regionInSentence(need.region)}`;
    if (distance === 'further') return `${where}, further than the regions next to ${regionInSentence(need.region)}`;
    return undefined;
  },
];

// ---- soft factors ------------------------------------------------------------------------------

type Scored = { points: number; reason: string | undefined };

const regionPoints: Record<RegionDistance, number> = {
  same: MATCH_WEIGHTS.sameRegion,
  neighbouring: MATCH_WEIGHTS.neighbouringRegion,
  further: 0,
};

function regionFactor({ clinic, need }: Facts): Scored {
  if (!need.region) return { points: 0, reason: "The client's region is not recorded, so distance is not scored" };
  const distance = regionDistance(need.region, clinic.region);
  const where = `In ${regionInSentence(clinic.region)}`;
  const words: Record<RegionDistance, string> = {
    same: `${where}, the client's region`,
    neighbouring: `${where}, next to ${regionInSentence(need.region)}`,
    further: `${where}, further than the regions next to ${regionInSentence(need.region)}`,
  };
  return { points: regionPoints[distance], reason: words[distance] };
}

function bedFactor({ clinic, options }: Facts): Scored {
  // Outpatient and day programmes send the person home at night: beds do not come into it.
  if (options.programme && !residentialServices.includes(options.programme)) return { points: 0, reason: undefined };
  if (!clinic.bedsConfirmedAt) return { points: 0, reason: 'Free beds not confirmed yet' };
  const age = Math.max(0, options.now.getTime() - clinic.bedsConfirmedAt.getTime());
  const when = ago(age);
  if (clinic.bedsAvailable === 0) return { points: 0, reason: `No bed free, confirmed ${when}` };
  const beds = clinic.bedsAvailable === 1 ? 'A bed' : `${clinic.bedsAvailable} beds`;
  if (age > STALE_BEDS_AFTER_DAYS * DAY) {
    return { points: MATCH_WEIGHTS.staleBedFree, reason: `${beds} free when last confirmed ${when}: check before proposing` };
  }
  return { points: MATCH_WEIGHTS.bedFree, reason: `${beds} free now, confirmed ${when}` };
}

function budgetFactor({ clinic, need, options }: Facts): Scored {
  // With no length chosen, the clinic's shortest programme: the least it could cost there.
  const lengthDays = options.lengthDays ?? Math.min(...clinic.programmeLengthsDays);
  const price = programmePriceOf(clinic.weeklyPriceMinPence, lengthDays);
  const cost = `from ${formatPence(price)} for ${lengthDays} days`;
  const budget = need.budgetMaxPence;
  if (budget === null) return { points: 0, reason: `No budget recorded; ${cost}` };
  if (price <= budget) return { points: MATCH_WEIGHTS.withinBudget, reason: `Within budget: ${cost}, budget ${formatPence(budget)}` };
  return { points: 0, reason: `Over budget by ${formatPence(price - budget)}: ${cost}, budget ${formatPence(budget)}` };
}

function ratingFactor({ clinic }: Facts): Scored {
  const regulator = regulatorInSentence[clinic.regulator];
  const reason = clinic.rating === 'not_yet_rated' ? `Not yet rated by ${regulator}` : `Rated ${ratingLabels[clinic.rating]} by ${regulator}`;
  return { points: MATCH_WEIGHTS.rating * ratingShares[clinic.rating], reason };
}

/** The cheapest of the clinics ranked earns the full weight, the dearest none. */
function priceFactor(clinic: MatchableClinic, cheapest: number, dearest: number): Scored {
  const { weeklyPriceMinPence: low, weeklyPriceMaxPence: high } = clinic;
  const share = dearest === cheapest ? 1 : Math.min(1, Math.max(0, (dearest - low) / (dearest - cheapest)));
  const range = high > low ? `${formatPence(low)} to ${formatPence(high)}` : formatPence(low);
  return { points: MATCH_WEIGHTS.price * share, reason: `${range} a week` };
}

// ---- ranking -----------------------------------------------------------------------------------

/**
 * Every clinic, with why it is excluded or how it scores: those that can take the person first,
 * highest score first, then the excluded; equal scores by name.
 */
export function matchClinics<C extends MatchableClinic>(need: ClinicNeed, clinics: readonly C[], options: MatchOptions): ClinicMatch<C>[] {
  const neededSubstances = [...new Set([...(need.primarySubstance ? [need.primarySubstance] : []), ...need.substances])];
  const judged = clinics.map((clinic) => {
    const facts: Facts = { clinic, need, options, neededSubstances };
    const exclusions = hardRules.flatMap((rule) => rule(facts) ?? []).map((reason) => `Excluded because ${reason}`);
    return { clinic, facts, exclusions, isExcluded: exclusions.length > 0 };
  });
  const ranked = judged.filter((entry) => !entry.isExcluded);
  const prices = (ranked.length > 0 ? ranked : judged).map((entry) => entry.clinic.weeklyPriceMinPence);
  const [cheapest, dearest] = [Math.min(...prices), Math.max(...prices)];

  return judged
    .map(({ clinic, facts, exclusions, isExcluded }) => {
      const factors = [regionFactor(facts), bedFactor(facts), budgetFactor(facts), ratingFactor(facts), priceFactor(clinic, cheapest, dearest)];
      const score = Math.round(factors.reduce((total, factor) => total + factor.points, 0) * 10) / 10;
      const reasons = factors.flatMap((factor) => factor.reason ?? []);
      return { clinic, isExcluded, exclusions, score, reasons };
    })
    .sort(
      (a, b) =>
        Number(a.isExcluded) - Number(b.isExcluded) || b.score - a.score || a.clinic.name.localeCompare(b.clinic.name, 'en-GB'),
    );
}
