import { randomUUID } from 'node:crypto';
import { addDays, checkInSchedule, checkInTiming, LAST_CHECK_IN_DAYS, type CheckInOutcome } from '@harbour/shared/aftercare';
import {
  assessmentGaps,
  assessmentSummaryOf,
  criteria,
  financesSchema,
  hasRiskyWithdrawalFrom,
  isInjectingIn,
  type AssessmentInput,
  type AuditAnswers,
  type FinancesInput,
  type FundingRoute,
  type SubstanceUseInput,
} from '@harbour/shared/assessment';
import { CONSENT_TO_CONTACT_TEXT, CONSENT_TO_HEALTH_DATA_TEXT, type ForWhom } from '@harbour/shared/callbacks';
import type { contactDetailsSchema } from '@harbour/shared/case-record';
import { serviceFeeOf, type ClinicFields, type Service } from '@harbour/shared/clinics';
import { londonDayOf } from '@harbour/shared/london-day';
import { londonHourOn, startOfLondonDay } from '@harbour/shared/london-time';
import { can } from '@harbour/shared/permissions';
import type { DischargeOutcome } from '@harbour/shared/placements';
import { neighbouringRegions, type Region } from '@harbour/shared/regions';
import { checkStageMove, type ClosureReason, type StageFacts, type StageMove } from '@harbour/shared/stages';
import type { SubstanceId } from '@harbour/shared/substances';
import { sql, type Insertable, type Kysely } from 'kysely';
import type { z } from 'zod';
import type { StaffActor } from '../../actor';
import { changedFields } from '../../features/cases/case-access.service';
import { assessmentColumns, contactColumns, financeColumns } from '../../features/cases/case-changes.service';
import type { AftercareCheckInsTable, CaseEventKind, CaseEventsTable, CasesTable, Database, PlacementsTable, StoredAssessment } from '../database';
import { auditOf, criteriaOf, noAudit, noRisks } from './demo-answers';
import type { DemoClinicIds, DemoStaff } from './demo-cases';
import { preparedDemoClinics } from './demo-clinics';

// A year of invented history behind the live shift, so the placement report and the manager's
// dashboard have something to show: admissions month by month, the enquiries that never got
// that far, and the aftercare that followed. A few hundred cases through the services would
// take minutes, so each case is played in memory through the steps the services take (the same
// columns, versions and timeline events, each move allowed by the stage rules, each step after
// the last and before today), then all are written with a handful of multi-row inserts.
// Nothing in it is today's work: every check-in that fell due has been made on its day, no
// case waits on a next action, and no case has sat in its stage long enough to be stale.

/** History cases' phone numbers are 07400 3xxxxx: no hand-written demo number is in that range. */
export const DEMO_HISTORY_PHONE_PREFIX = '+4474003';

/** The whole months of history before the current one, which has history up to yesterday. */
const WHOLE_MONTHS = 12;
const DAY_MS = 24 * 3_600_000;
const ROWS_PER_INSERT = 250;

// ---- A seeded generator: the same history every run, and each case independent of the others ----

/**
 * mulberry32, seeded from the parts that name one case (its kind, its month, its number), so a
 * case comes out the same whatever the date and however many cases came before it.
 */
function diceFor(...parts: number[]) {
  let state = parts.reduce((seed, part) => Math.imul(seed ^ (part + 0x9e37), 0x85ebca6b) >>> 0, 0x2545f491);
  const fraction = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const between = (min: number, max: number) => min + Math.floor(fraction() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(fraction() * list.length)]!;
  const weighted = <T>(entries: ReadonlyArray<readonly [T, number]>): T => {
    let left = fraction() * entries.reduce((sum, [, weight]) => sum + weight, 0);
    for (const [value, weight] of entries) {
      left -= weight;
      if (left < 0) return value;
    }
    return entries.at(-1)![0];
  };
  const sample = <T>(list: readonly T[], count: number): T[] => {
    const rest = [...list];
    return Array.from({ length: Math.min(count, rest.length) }, () => rest.splice(Math.floor(fraction() * rest.length), 1)[0]!);
  };
  return { fraction, between, chance: (probability: number) => fraction() < probability, pick, weighted, sample };
}

type Dice = ReturnType<typeof diceFor>;

/** Which stream of the history a generator is for, so no two streams share a seed. */
const Stream = { admission: 1, cancelled: 2, lost: 3, month: 4 } as const;

// ---- The calendar: London days ----

interface HistoryMonth {
  index: number;
  first: string;
  /** The last day with history: the month's end, or yesterday in the current month. */
  last: string;
  /** How much of the month has history: 1, or the part of the current month before today. */
  share: number;
}

interface Calendar {
  today: string;
  yesterday: string;
  /** Midnight starting today: every step of the history happened before it. */
  horizon: Date;
  months: HistoryMonth[];
}

const isoDay = (utcMs: number) => new Date(utcMs).toISOString().slice(0, 10);
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);
const earlierOf = (a: string, b: string) => (a < b ? a : b);

function calendarOf(now: Date): Calendar {
  const today = londonDayOf(now);
  const yesterday = addDays(today, -1);
  const [year, month] = today.split('-').map(Number) as [number, number];
  const months = Array.from({ length: WHOLE_MONTHS + 1 }, (_, index) => {
    const back = WHOLE_MONTHS - index;
    const first = isoDay(Date.UTC(year, month - 1 - back, 1));
    const end = isoDay(Date.UTC(year, month - back, 0));
    const last = earlierOf(end, yesterday);
    return { index, first, last, share: last < first ? 0 : (daysBetween(first, last) + 1) / (daysBetween(first, end) + 1) };
  });
  return { today, yesterday, horizon: startOfLondonDay(now), months };
}

/** A day of the month that leaves `roomAfter` days before today for what follows it; none if the month has no such day. */
function dayIn(calendar: Calendar, month: HistoryMonth, dice: Dice, roomAfter = 0): string | undefined {
  const latest = earlierOf(month.last, addDays(calendar.yesterday, -roomAfter));
  if (latest < month.first) return undefined;
  return addDays(month.first, Math.floor(dice.fraction() * (daysBetween(month.first, latest) + 1)));
}

const londonOffsets = new Map<string, number>();

/**
 * London wall-clock time on a London day. The day's offset from UTC is worked out once: the
 * clocks change in the small hours and every step of the history happens after 8am.
 */
function londonTime(day: string, hour: number, minute: number): Date {
  const utcNoon = Date.parse(`${day}T12:00:00Z`);
  let offset = londonOffsets.get(day);
  if (offset === undefined) {
    offset = londonHourOn(new Date(utcNoon), 12).getTime() - utcNoon;
    londonOffsets.set(day, offset);
  }
  return new Date(utcNoon + ((hour - 12) * 60 + minute) * 60_000 + offset);
}

const minutesAfter = (at: Date, minutes: number) => new Date(at.getTime() + minutes * 60_000);

/** Some time in the working day, as calls and clinic updates happen. */
const workingTimeOn = (day: string, dice: Dice) => londonTime(day, dice.between(9, 17), dice.between(0, 59));

// ---- The clinics, and what a placement at one looks like ----

interface HistoryClinic {
  id: string;
  fields: ClinicFields;
  /** How often it is chosen: the big residential clinics and the outstanding ones are the busiest. */
  weight: number;
}

function historyClinics(clinicIds: DemoClinicIds): HistoryClinic[] {
  return preparedDemoClinics()
    .map(({ clinic }) => clinic)
    // An inactive clinic cannot take a proposal, so it has no history to show either.
    .filter((clinic) => clinic.isActive)
    .map((fields) => {
      const id = clinicIds.get(fields.name);
      if (!id) throw new Error(`Demo history: there is no demo clinic called ${fields.name}`);
      const size = fields.bedsTotal > 0 ? 1 + Math.round(fields.bedsTotal / 8) : 2;
      const standing = fields.rating === 'outstanding' ? 1 : fields.rating === 'inadequate' ? -1 : 0;
      return { id, fields, weight: Math.max(1, size + standing) };
    });
}

// Roughly what UK treatment services see: alcohol far ahead, then cocaine, then opiates.
const SUBSTANCE_WEIGHTS: ReadonlyArray<readonly [SubstanceId, number]> = [
  ['alcohol', 40], ['cocaine', 18], ['heroin', 9], ['benzodiazepines', 7], ['cannabis', 7], ['ketamine', 6], ['crack_cocaine', 4],
  ['other_opioids', 3], ['prescription_medicines', 3], ['amphetamines', 2], ['gambling', 2], ['ghb_gbl', 1], ['mdma', 1],
];

const FUNDING_WEIGHTS: ReadonlyArray<readonly [FundingRoute, number]> = [
  ['self_funded', 34], ['family', 24], ['private_medical_insurance', 14], ['employer', 8], ['nhs_or_local_authority', 20],
];

/** Stopping these suddenly can be dangerous, so a residential clinic with a detox often starts there. */
const DETOX_FIRST: readonly SubstanceId[] = ['alcohol', 'benzodiazepines', 'ghb_gbl', 'heroin', 'other_opioids'];

interface PlacementChoice {
  clinic: HistoryClinic;
  region: Region;
  primary: SubstanceId;
  isDual: boolean;
  fundingRoute: FundingRoute;
  programme: Service;
  lengthDays: number;
  weeklyPricePence: number;
}

function programmeAt(dice: Dice, clinic: ClinicFields, primary: SubstanceId): Service {
  const offered = clinic.services.filter((service) => service !== 'aftercare');
  const residential = offered.filter((service) => service === 'medically_managed_detox' || service === 'residential_rehab');
  if (residential.length === 0 || dice.chance(0.1)) return dice.pick(offered);
  if (residential.includes('medically_managed_detox') && DETOX_FIRST.includes(primary) && dice.chance(0.5)) return 'medically_managed_detox';
  return residential.includes('residential_rehab') ? 'residential_rehab' : residential[0]!;
}

/** A clinic for one person, and a programme it offers at a price in its range. */
function choosePlacement(dice: Dice, clinics: readonly HistoryClinic[]): PlacementChoice {
  const clinic = dice.weighted(clinics.map((one) => [one, one.weight] as const));
  const { fields } = clinic;
  const primary = dice.weighted(SUBSTANCE_WEIGHTS.filter(([substance]) => fields.substances.includes(substance)));
  const programme = programmeAt(dice, fields, primary);
  // Lengths are sorted: the shortest is the usual booking, and a detox is always the shortest.
  const lengths = fields.programmeLengthsDays;
  const lengthDays = programme === 'medically_managed_detox' || dice.chance(0.6) ? lengths[0]! : dice.pick(lengths);
  const steps = Math.floor((fields.weeklyPriceMaxPence - fields.weeklyPriceMinPence) / 5_000);
  return {
    clinic,
    // Most people are placed near home; some travel from next door.
    region: dice.chance(0.7) ? fields.region : dice.pick(neighbouringRegions[fields.region]),
    primary,
    isDual: fields.isDualDiagnosisCapable && dice.chance(0.35),
    fundingRoute: dice.weighted(FUNDING_WEIGHTS.filter(([route]) => (fields.fundingRoutes as readonly string[]).includes(route))),
    programme,
    lengthDays,
    weeklyPricePence: fields.weeklyPriceMinPence + dice.between(0, steps) * 5_000,
  };
}

// ---- The people: invented, with names that appear nowhere else in the demo ----

const FIRST_NAMES = [
  'Adam', 'Abigail', 'Bradley', 'Bethan', 'Connor', 'Charlotte', 'Declan', 'Danielle', 'Elliot', 'Erin', 'Faisal', 'Freya', 'George', 'Holly',
  'Harvey', 'Isla', 'Jamie', 'Jasmine', 'Kai', 'Kirsty', 'Luke', 'Lauren', 'Mohammed', 'Molly', 'Niall', 'Naomi', 'Oscar', 'Olivia', 'Patrick',
  'Phoebe', 'Reece', 'Rosie', 'Samuel', 'Stacey', 'Toby', 'Tegan', 'Usman', 'Vicky', 'William', 'Yasmin',
] as const;
const SURNAMES = [
  'Abbott', 'Ainsworth', 'Barrow', 'Blackwood', 'Brennan', 'Chowdhury', 'Cartwright', 'Dawson', 'Ellison', 'Farrow', 'Garside', 'Halford',
  'Hollins', 'Ingram', 'Jarvis', 'Kendrick', 'Lambert', 'Lowther', 'Maddox', 'Nowak', 'Oakley', 'Osei', 'Pickering', 'Quinlan', 'Radcliffe',
  'Sheridan', 'Thackeray', 'Underwood', 'Varley', 'Wakefield', 'Yardley', 'Bhatt', 'Iqbal', 'Okonkwo', 'Kowalski', 'Fairbairn', 'Gillespie',
  'Hartley', 'Merriman', 'Redfern',
] as const;
const RELATIVES = [
  ['Linda', 'Mother'], ['Pauline', 'Mother'], ['Steven', 'Father'], ['Graham', 'Father'], ['Tracey', 'Sister'], ['Andrew', 'Brother'],
  ['Joanne', 'Partner'], ['Neil', 'Partner'], ['Beverley', 'Aunt'], ['Colin', 'Uncle'],
] as const;
const PROFESSIONALS = [
  ['Dr Helen Ashby', 'GP'], ['Dr Rajesh Menon', 'GP'], ['Sue Calloway', 'Drugs worker'], ['Martin Keogh', 'Community psychiatric nurse'],
  ['Angela Boateng', 'Social worker'], ['Chris Dunmore', 'Occupational health adviser'],
] as const;
const CONTACT_TIMES = ['Mornings', 'Evenings', 'After 5pm', 'Lunchtimes', 'Any time', 'Weekdays only'] as const;

// Real postcode areas for each region; the unit "ZZ" marks every postcode as made up.
const POSTCODE_AREAS: Record<Region, readonly string[]> = {
  north_east: ['NE', 'DH', 'SR', 'TS'],
  north_west: ['M', 'L', 'PR', 'BL', 'WA'],
  yorkshire_and_the_humber: ['LS', 'S', 'YO', 'HU', 'BD'],
  east_midlands: ['NG', 'LE', 'DE', 'LN'],
  west_midlands: ['B', 'CV', 'WV', 'WR', 'ST'],
  east_of_england: ['NR', 'CB', 'IP', 'CO', 'PE'],
  london: ['E', 'N', 'SE', 'SW', 'W'],
  south_east: ['BN', 'CT', 'OX', 'RG', 'GU'],
  south_west: ['BS', 'EX', 'BA', 'PL', 'TR'],
  wales: ['CF', 'SA', 'LL', 'NP'],
};

/** Every client name is a different pairing of a first name and a surname, so no two history cases share one. */
const MAX_PEOPLE = FIRST_NAMES.length * SURNAMES.length;
/** Five digits after the prefix. */
const MAX_PHONES = 100_000;

type Contact = z.output<typeof contactDetailsSchema>;

/** Who rang: the client, a relative (who shares their surname) or a professional, with what they are to the client. */
function callerFor(relation: ForWhom, client: string, surname: string, dice: Dice): [caller: string, relationDetail: string | undefined] {
  if (relation === 'self') return [client, undefined];
  if (relation === 'professional') return [...dice.pick(PROFESSIONALS)];
  const [firstName, detail] = dice.pick(RELATIVES);
  return [`${firstName} ${surname}`, detail];
}

/**
 * The person behind history case number `serial`: who called, for whom, and how to reach them,
 * already in the form the contact section stores (an E.164 phone number, a spaced postcode).
 * Parsing hundreds of them with the form's schema would be most of the seed's time; the seed's
 * tests put every one through it instead.
 */
function personFor(serial: number, region: Region, openedOn: string, dice: Dice): Contact {
  if (serial >= Math.min(MAX_PEOPLE, MAX_PHONES)) throw new Error(`Demo history: more than ${Math.min(MAX_PEOPLE, MAX_PHONES)} people would need a name and a number`);
  const firstName = FIRST_NAMES[serial % FIRST_NAMES.length]!;
  const surname = SURNAMES[(Math.floor(serial / FIRST_NAMES.length) + 7 * (serial % FIRST_NAMES.length)) % SURNAMES.length]!;
  const client = `${firstName} ${surname}`;
  const relation = dice.weighted<ForWhom>([['self', 60], ['loved_one', 30], ['professional', 10]]);
  const [caller, relationDetail] = callerFor(relation, client, surname, dice);
  const emailName = caller.toLowerCase().replace(/^dr /, '').replace(/[^a-z ]/g, '').replace(' ', '.');
  return {
    clientName: client,
    dateOfBirth: `${Number(openedOn.slice(0, 4)) - dice.between(19, 64)}-${String(dice.between(1, 12)).padStart(2, '0')}-${String(dice.between(1, 28)).padStart(2, '0')}`,
    callerName: caller,
    callerRelation: relation,
    relationDetail,
    phone: `${DEMO_HISTORY_PHONE_PREFIX}${String(serial).padStart(5, '0')}`,
    // example.com, .org and .net are reserved for examples: no real inbox.
    email: dice.chance(0.4) ? `${emailName}${serial}@example.${dice.pick(['com', 'org', 'net'])}` : undefined,
    postcode: `${dice.pick(POSTCODE_AREAS[region])}${dice.between(1, 19)} ${dice.between(1, 9)}ZZ`,
    region,
    preferredContactTimes: dice.chance(0.6) ? dice.pick(CONTACT_TIMES) : undefined,
    safeToLeaveVoicemail: dice.chance(0.75),
    safeToSayWhoWeAre: dice.chance(0.65),
  };
}

// ---- What the adviser learnt on the calls ----

const USE_PATTERNS: Partial<Record<SubstanceId, Pick<SubstanceUseInput, 'route' | 'frequency'>>> = {
  alcohol: { route: 'oral', frequency: 'daily' },
  cocaine: { route: 'snorted', frequency: 'several_times_a_week' },
  crack_cocaine: { route: 'smoked', frequency: 'daily' },
  heroin: { route: 'smoked', frequency: 'daily' },
  other_opioids: { route: 'oral', frequency: 'daily' },
  cannabis: { route: 'smoked', frequency: 'daily' },
  benzodiazepines: { route: 'oral', frequency: 'daily' },
  amphetamines: { route: 'snorted', frequency: 'several_times_a_week' },
  ketamine: { route: 'snorted', frequency: 'daily' },
  prescription_medicines: { route: 'oral', frequency: 'daily' },
  ghb_gbl: { route: 'oral', frequency: 'daily' },
  mdma: { route: 'oral', frequency: 'weekly' },
  gambling: { frequency: 'daily' },
};
const CONDITIONS = ['depression', 'anxiety', 'ptsd', 'bipolar', 'adhd', 'personality_disorder', 'eating_disorder'] as const;
const PREVIOUS_TREATMENT = ['Local community drug and alcohol service', 'NHS inpatient detox', 'A private clinic abroad', 'Twelve-step day programme'];

/** What was mentioned on the first call: the main substance, and often a second one. */
function mentionedSubstances(dice: Dice, primary: SubstanceId): SubstanceId[] {
  if (!dice.chance(0.3)) return [primary];
  return [primary, primary === 'alcohol' ? 'cocaine' : 'alcohol'];
}

function substanceRow(dice: Dice, substance: SubstanceId, isPrimary: boolean, onDay: string): SubstanceUseInput {
  const pattern = USE_PATTERNS[substance] ?? {};
  // Some who use heroin inject it: a risk the screen then shows.
  const route = substance === 'heroin' && dice.chance(0.25) ? 'injected' : pattern.route;
  return {
    substance,
    isPrimary,
    route,
    frequency: isPrimary ? pattern.frequency : 'weekly',
    yearsOfUse: dice.between(1, 20),
    lastUse: addDays(onDay, -dice.between(0, 1)),
  };
}

function auditFor(dice: Dice): AuditAnswers {
  const scale = () => dice.between(1, 4);
  const injury = () => dice.pick([0, 2, 4]);
  return auditOf(scale(), scale(), scale(), scale(), scale(), scale(), scale(), scale(), injury(), injury());
}

/**
 * A complete assessment as the app would store it: every criterion and risk question answered.
 * Someone placed in residential treatment usually meets at least four criteria.
 */
function assessmentFor(dice: Dice, mentioned: readonly SubstanceId[], isDual: boolean, onDay: string): StoredAssessment {
  const substances = mentioned.map((substance, index) => substanceRow(dice, substance, index === 0, onDay));
  const criteriaMet = dice.sample(criteria.map((criterion) => criterion.id), dice.weighted([[dice.between(2, 3), 1], [dice.between(4, 5), 3], [dice.between(6, 11), 6]]));
  const isOpioid = mentioned[0] === 'heroin' || mentioned[0] === 'other_opioids';
  const draft: Omit<AssessmentInput, 'id' | 'version'> = {
    substances,
    criteria: criteriaOf(criteriaMet),
    audit: mentioned.includes('alcohol') ? auditFor(dice) : noAudit,
    conditions: isDual
      ? dice.sample(CONDITIONS, dice.between(1, 2)).map((condition) =>
          dice.chance(0.6) ? { condition, status: 'diagnosed' as const, isCurrentlyTreated: dice.chance(0.5) } : { condition, status: 'suspected' as const },
        )
      : [],
    risk: {
      ...noRisks,
      suicidalThoughts: dice.chance(0.06) ? 'passive' : 'none',
      selfHarm: dice.chance(0.04),
      childrenOrVulnerableAdultsAtHome: dice.chance(0.15),
      injecting: isInjectingIn(substances),
      overdoseInLast12Months: isOpioid && dice.chance(0.25),
      riskyWithdrawal: hasRiskyWithdrawalFrom(substances),
    },
    previousTreatments: dice.chance(0.3)
      ? [{ where: dice.pick(PREVIOUS_TREATMENT), year: Number(onDay.slice(0, 4)) - dice.between(1, 6), howItEnded: dice.pick(['completed', 'left_early', 'discharged'] as const) }]
      : [],
  };
  // Nothing in it is something the schema would change (no blanks, no nulls, no spaces to trim),
  // so it is stored as built; the seed's tests parse every one as a save would.
  return draft as StoredAssessment;
}

const INSURERS = ['Example Health', 'Example Medical Mutual', 'Example Care Insurance'];

/** What the adviser would have noted for this funding route. */
function financeDetailsFor(dice: Dice, route: FundingRoute, programmePence: number): FinancesInput {
  // Budgets are talked about in round thousands.
  const budgetMaxPence = Math.ceil((programmePence * (1 + dice.fraction() / 4)) / 100_000) * 100_000;
  switch (route) {
    case 'self_funded':
      return { budgetMaxPence, whoPays: 'The client, from savings' };
    case 'family':
      return { budgetMaxPence, whoPays: dice.pick(['Their parents', 'Their partner', 'The family between them']) };
    case 'private_medical_insurance':
      return { insurer: dice.pick(INSURERS), policyNumber: `EXH-${dice.between(1000, 9999)}-${dice.between(1000, 9999)}` };
    case 'employer':
      return { budgetMaxPence, whoPays: 'Their employer’s occupational health scheme' };
    case 'nhs_or_local_authority':
      return { notes: 'Funded place agreed by the local drug and alcohol service.' };
    case 'undecided':
      return {};
  }
}

/** The finances as the adviser would have saved them, checked as a save would be (it is cheap). */
function financesFor(dice: Dice, route: FundingRoute, programmePence: number, person: string) {
  const result = financesSchema.safeParse({ fundingRoute: route, ...financeDetailsFor(dice, route, programmePence) });
  if (!result.success) throw new Error(`Demo history for ${person}: the finances are not valid: ${result.error.issues.map((issue) => issue.message).join('; ')}`);
  return result.data;
}

// ---- One case, taken through the steps the services take ----

type CaseColumns = Required<Omit<Insertable<CasesTable>, 'reference'>>;
type PlacementColumns = Required<Insertable<PlacementsTable>>;
type CheckInColumns = Required<Insertable<AftercareCheckInsTable>>;
type EventColumns = Required<Omit<Insertable<CaseEventsTable>, 'id'>>;

interface HistoryCase {
  owner: StaffActor;
  row: CaseColumns;
  stored: StoredAssessment | null;
  placement: PlacementColumns | null;
  clinicName: string;
  checkIns: CheckInColumns[];
  events: EventColumns[];
  horizon: Date;
}

type Section = 'case' | 'contact' | 'assessment' | 'finances';
const versionColumns = { case: 'version', contact: 'contact_version', assessment: 'assessment_version', finances: 'finances_version' } as const;

const personOf = (story: HistoryCase) => story.row.client_name ?? story.row.caller_name;

/** Steps happen in order, and before today. */
function checkedTime(story: HistoryCase, at: Date): Date {
  const last = story.events.at(-1)?.occurred_at ?? story.row.created_at;
  if (at < last) throw new Error(`Demo history for ${personOf(story)}: a step at ${at.toISOString()} comes before the one at ${last.toISOString()}`);
  if (at >= story.horizon) throw new Error(`Demo history for ${personOf(story)}: a step at ${at.toISOString()} is not before today`);
  return at;
}

/** On the case's timeline, as addToTimeline writes it. */
function addEvent(story: HistoryCase, kind: CaseEventKind, details: Record<string, unknown>, at: Date): void {
  story.events.push({ case_id: story.row.id, actor_id: story.owner.userId, kind, details: JSON.stringify(details), occurred_at: checkedTime(story, at) });
}

/** A change to one section of the case, as applyChange writes it: the values, the section's next version, the event. */
function changeCase(story: HistoryCase, section: Section, kind: CaseEventKind, set: Partial<CaseColumns>, details: Record<string, unknown>, at: Date): void {
  addEvent(story, kind, details, at);
  const column = versionColumns[section];
  Object.assign(story.row, set, { [column]: story.row[column] + 1, updated_at: at });
}

/** The case opened from an inbound call, as openEnquiry writes it. */
function openCase(owner: StaffActor, contact: Contact, mentioned: readonly SubstanceId[], consentToHealthData: boolean, openedAt: Date, horizon: Date): HistoryCase {
  const row: CaseColumns = {
    id: randomUUID(),
    stage: 'enquiry',
    origin: 'inbound_call',
    client_name: contact.clientName ?? null,
    caller_name: contact.callerName,
    caller_relation: contact.callerRelation,
    phone_e164: contact.phone,
    email: contact.email ?? null,
    substances: consentToHealthData ? [...mentioned] : [],
    urgency_reason: null,
    consent_to_contact: true,
    consent_to_contact_text: CONSENT_TO_CONTACT_TEXT,
    consent_to_health_data: consentToHealthData,
    consent_to_health_data_text: CONSENT_TO_HEALTH_DATA_TEXT,
    consented_at: openedAt,
    assigned_adviser_id: owner.userId,
    opened_by: owner.userId,
    stage_changed_at: openedAt,
    version: 1,
    created_at: openedAt,
    updated_at: openedAt,
    client_date_of_birth: null,
    relation_detail: null,
    postcode: null,
    region: null,
    preferred_contact_times: null,
    safe_to_leave_voicemail: null,
    safe_to_say_who_we_are: null,
    health_data_consent_at: null,
    assessment: null,
    primary_substance: null,
    criteria_met: null,
    severity: null,
    audit_score: null,
    risk_level: null,
    is_dual_diagnosis: false,
    assessment_complete: false,
    funding_route: null,
    budget_min_pence: null,
    budget_max_pence: null,
    insurer: null,
    policy_number: null,
    who_pays: null,
    finance_notes: null,
    next_action: null,
    next_action_due_at: null,
    contact_version: 1,
    assessment_version: 1,
    finances_version: 1,
    closure_reason: null,
    erased_at: null,
    erased_by: null,
    contact_withdrawn_on: null,
    contact_withdrawn_via: null,
    contact_withdrawn_by: null,
    contact_withdrawn_recorded_at: null,
  };
  return { owner, row, stored: null, placement: null, clinicName: '', checkIns: [], events: [], horizon };
}

/** As updateContact saves the contact section. */
function updateContact(story: HistoryCase, contact: Contact, at: Date): void {
  const set = contactColumns(contact);
  changeCase(story, 'contact', 'contact_updated', set, { fields: changedFields(story.row, set) }, at);
}

/** As updateAssessment saves it, with the figures lists and reports read. */
function saveAssessment(story: HistoryCase, stored: StoredAssessment, at: Date): void {
  const summary = assessmentSummaryOf(stored);
  if (summary.riskLevel === 'immediate') throw new Error(`Demo history for ${personOf(story)}: an immediate risk would open a crisis`);
  const set = assessmentColumns(stored, summary, story.row.substances);
  const details = { fields: changedFields(story.stored, stored), riskLevel: summary.riskLevel, previousRiskLevel: story.row.risk_level, severity: summary.severity };
  changeCase(story, 'assessment', 'assessment_updated', set, details, at);
  story.stored = stored;
}

/** As updateFinances saves them, the owner seeing the policy number. */
function updateFinances(story: HistoryCase, finances: z.output<typeof financesSchema>, at: Date): void {
  const set = { ...financeColumns(finances), policy_number: finances.policyNumber ?? null };
  changeCase(story, 'finances', 'finances_updated', set, { fields: changedFields(story.row, set) }, at);
}

/** What the stage rules see of the case, as stageFactsOf reads it from the database. */
function factsOf(story: HistoryCase): StageFacts {
  const status = story.placement?.status;
  const active = status === 'proposed' || status === 'confirmed' || status === 'admitted' ? status : null;
  const lastDone = story.checkIns.some((checkIn) => checkIn.days_after === LAST_CHECK_IN_DAYS && checkIn.outcome !== null && checkIn.outcome !== 'relapsed');
  return {
    stage: story.row.stage,
    contactMade: true,
    consentsRecorded: story.row.consent_to_contact && story.row.consent_to_health_data,
    assessmentGaps: assessmentGaps(story.stored ?? { substances: [], criteria: {}, risk: {} }),
    fundingRouteSet: story.row.funding_route !== null && story.row.funding_route !== 'undecided',
    hasConfirmedPlacement: status === 'confirmed' || status === 'admitted',
    activePlacement: active,
    placementDischarged: status === 'discharged',
    lastCheckInDone: status === 'discharged' && lastDone,
    hasOpenCrisis: false,
  };
}

/** Refuses, naming the person, a move the stage rules would refuse the owner. */
function allowMove(story: HistoryCase, move: StageMove): void {
  const check = checkStageMove(factsOf(story), move, can(story.owner.role, 'cases:supervise'));
  if (!check.allowed) throw new Error(`Demo history for ${personOf(story)}: cannot move to ${move.to}: ${check.why}`);
}

/** As recordStageMove writes a move the rules have allowed. */
function recordMove(story: HistoryCase, move: StageMove, at: Date): void {
  const isClosing = move.to === 'closed';
  const set = { stage: move.to, stage_changed_at: at, closure_reason: isClosing ? (move.closureReason ?? null) : null };
  const details = { from: story.row.stage, to: move.to, closureReason: move.closureReason ?? null, reason: move.reason ?? null };
  changeCase(story, 'case', 'stage_moved', set, details, at);
}

function moveStage(story: HistoryCase, move: StageMove, at: Date): void {
  allowMove(story, move);
  recordMove(story, move, at);
}

function closeCase(story: HistoryCase, closureReason: ClosureReason, reason: string | undefined, at: Date): void {
  moveStage(story, { to: 'closed', closureReason, reason }, at);
}

// ---- Its placement, step by step as placements.service takes it ----

function placementStep(story: HistoryCase, kind: CaseEventKind, details: Record<string, unknown>, at: Date, set: Partial<PlacementColumns>): PlacementColumns {
  const placement = story.placement!;
  addEvent(story, kind, { placementId: placement.id, ...details }, at);
  Object.assign(placement, set, { version: placement.version + 1, updated_at: at });
  return placement;
}

function proposePlacement(story: HistoryCase, choice: PlacementChoice, at: Date): void {
  const { clinic, programme, lengthDays, weeklyPricePence } = choice;
  story.placement = {
    id: randomUUID(),
    case_id: story.row.id,
    clinic_id: clinic.id,
    status: 'proposed',
    programme,
    length_days: lengthDays,
    weekly_price_pence: weeklyPricePence,
    fee_terms: null,
    fee_pence: null,
    proposed_by: story.owner.userId,
    proposed_at: at,
    confirmed_by: null,
    confirmed_at: null,
    admitted_on: null,
    admitted_by: null,
    discharged_on: null,
    discharge_outcome: null,
    discharged_by: null,
    cancelled_at: null,
    cancelled_by: null,
    cancel_reason: null,
    // The proposal step below makes it version 1, as the insert's default does.
    version: 0,
    updated_at: at,
  };
  story.clinicName = clinic.fields.name;
  const details = { clinicId: clinic.id, clinicName: clinic.fields.name, programme, lengthDays, weeklyPricePence };
  placementStep(story, 'placement_proposed', details, at, {});
}

/** The fee is worked out from the clinic's terms and frozen with them, as on confirmation. */
function confirmPlacement(story: HistoryCase, choice: PlacementChoice, at: Date): void {
  const { feeTerms } = choice.clinic.fields;
  const feePence = serviceFeeOf(feeTerms, choice.weeklyPricePence, choice.lengthDays);
  placementStep(story, 'placement_confirmed', { clinicName: story.clinicName, feePence }, at, {
    status: 'confirmed',
    fee_terms: JSON.stringify(feeTerms),
    fee_pence: feePence,
    confirmed_by: story.owner.userId,
    confirmed_at: at,
  });
}

function admitPlacement(story: HistoryCase, admittedOn: string, at: Date): void {
  const move = { to: 'placement' as const, reason: `Admitted to ${story.clinicName}` };
  allowMove(story, move);
  placementStep(story, 'placement_admitted', { clinicName: story.clinicName, admittedOn }, at, { status: 'admitted', admitted_on: admittedOn, admitted_by: story.owner.userId });
  recordMove(story, move, at);
}

/** The discharge books the five check-ins and moves the case to Aftercare. */
function dischargePlacement(story: HistoryCase, dischargedOn: string, outcome: DischargeOutcome, at: Date): void {
  const placement = placementStep(story, 'placement_discharged', { clinicName: story.clinicName, dischargedOn, outcome }, at, {
    status: 'discharged',
    discharged_on: dischargedOn,
    discharge_outcome: outcome,
    discharged_by: story.owner.userId,
  });
  story.checkIns = checkInSchedule(dischargedOn).map(({ daysAfter, dueOn }) => ({
    id: randomUUID(),
    case_id: story.row.id,
    placement_id: placement.id,
    days_after: daysAfter,
    due_on: dueOn,
    outcome: null,
    notes: null,
    recorded_by: null,
    recorded_at: null,
    version: 1,
  }));
  recordMove(story, { to: 'aftercare', reason: `Discharged from ${story.clinicName}` }, at);
}

function cancelPlacement(story: HistoryCase, reason: string, at: Date): void {
  const from = story.placement!.status;
  placementStep(story, 'placement_cancelled', { from, reason }, at, { status: 'cancelled', cancelled_at: at, cancelled_by: story.owner.userId, cancel_reason: reason });
}

/** A relapse would put a decision on a team lead's work today, so the history has none. */
type HistoryOutcome = Exclude<CheckInOutcome, 'relapsed'>;

function recordCheckIn(story: HistoryCase, checkIn: CheckInColumns, outcome: HistoryOutcome, notes: string | null, at: Date): void {
  addEvent(story, 'check_in_recorded', { checkInId: checkIn.id, daysAfter: checkIn.days_after, outcome, timing: checkInTiming(checkIn.due_on, at), notes }, at);
  Object.assign(checkIn, { outcome, notes, recorded_by: story.owner.userId, recorded_at: at, version: checkIn.version + 1 });
}

// ---- The stories: how each kind of case went ----

interface StoryContext {
  calendar: Calendar;
  staff: DemoStaff;
  clinics: readonly HistoryClinic[];
  /** Numbers the people, so each has their own name and phone number. */
  nextSerial: () => number;
}

/**
 * The first call, and the assessment on it or a later one: opened, contact details taken, moved
 * to Assessment, assessed, finances saved. `callsBefore` is the day by which all of it was done.
 */
function assessedCase(
  context: StoryContext,
  dice: Dice,
  who: { owner: StaffActor; region: Region; primary: SubstanceId; isDual: boolean; fundingRoute: FundingRoute | null; programmePence: number },
  openedOn: string,
  callsBefore: string,
): HistoryCase {
  const contact = personFor(context.nextSerial(), who.region, openedOn, dice);
  const mentioned = mentionedSubstances(dice, who.primary);
  const openedAt = londonTime(openedOn, dice.between(8, 20), dice.between(0, 59));
  const story = openCase(who.owner, contact, mentioned, true, openedAt, context.calendar.horizon);
  updateContact(story, contact, minutesAfter(openedAt, 3));
  // Often assessed on the first call; otherwise on a call back within a few days.
  const laterDays = Math.min(dice.weighted([[0, 5], [1, 3], [2, 1], [3, 1]]), Math.max(0, daysBetween(openedOn, callsBefore) - 1));
  const assessedOn = addDays(openedOn, laterDays);
  const assessedAt = laterDays === 0 ? minutesAfter(openedAt, 6) : workingTimeOn(assessedOn, dice);
  moveStage(story, { to: 'assessment' }, assessedAt);
  saveAssessment(story, assessmentFor(dice, mentioned, who.isDual, assessedOn), minutesAfter(assessedAt, 3));
  if (who.fundingRoute) updateFinances(story, financesFor(dice, who.fundingRoute, who.programmePence, contact.clientName!), minutesAfter(assessedAt, 6));
  return story;
}

const ownerFor = (staff: DemoStaff, number: number, leadEvery: number) => (number % leadEvery === leadEvery - 1 ? staff.lead : staff.adviser);
const programmePenceOf = (choice: PlacementChoice) => Math.round((choice.weeklyPricePence * choice.lengthDays) / 7);

/** How a stay ends, and on which day: most complete the booked length, some leave or are moved on early. */
function plannedDischarge(dice: Dice, admittedOn: string, lengthDays: number): { day: string; outcome: DischargeOutcome } {
  const outcome = dice.weighted<DischargeOutcome>([['completed', 65], ['left_early', 20], ['discharged_by_clinic', 8], ['transferred', 7]]);
  const share = { completed: 1, left_early: 0.6, discharged_by_clinic: 0.7, transferred: 0.8 }[outcome];
  const stay = outcome === 'completed' ? lengthDays - dice.between(0, 1) : dice.between(2, Math.max(2, Math.floor(lengthDays * share)));
  return { day: addDays(admittedOn, stay), outcome };
}

/** A day earlier if one of its check-ins would fall due today: none of the history is today's work. */
function awayFromToday(dischargedOn: string, today: string): string {
  return checkInSchedule(dischargedOn).some((checkIn) => checkIn.dueOn === today) ? addDays(dischargedOn, -1) : dischargedOn;
}

const CHECK_IN_NOTES: Record<HistoryOutcome, readonly string[]> = {
  well: ['Going to meetings twice a week.', 'Back at work and sleeping properly.', 'Says the family are noticing the change.'],
  struggling: ['Finding evenings hard; gave the SMART Recovery details again.', 'Cravings after a bereavement; not using.', 'Money worries; pointed to the local recovery service.'],
  unreachable: ['No answer; voicemail left as agreed.', 'Number rang out twice.'],
};
const TRANSFERS = ['Transferred to an NHS psychiatric ward.', 'Moved to a specialist dual-diagnosis unit.', 'Transferred to the community team nearer home.'];

/** Aftercare since the discharge: each check-in that fell due before today made on its day; closed after the last. */
function aftercare(story: HistoryCase, dice: Dice, today: string): void {
  for (const checkIn of story.checkIns.filter((one) => one.due_on < today)) {
    const outcome = dice.weighted<HistoryOutcome>([['well', 70], ['struggling', 20], ['unreachable', 10]]);
    const at = londonTime(checkIn.due_on, dice.between(10, 16), dice.between(0, 59));
    recordCheckIn(story, checkIn, outcome, dice.chance(0.35) ? dice.pick(CHECK_IN_NOTES[outcome]) : null, at);
    if (checkIn.days_after === LAST_CHECK_IN_DAYS) closeCase(story, 'completed', undefined, minutesAfter(at, 5));
  }
}

/** Someone admitted in this month: the calls, the proposal, the admission and whatever followed. */
function admissionStory(context: StoryContext, month: HistoryMonth, number: number): HistoryCase | undefined {
  const dice = diceFor(Stream.admission, month.index, number);
  const admittedOn = dayIn(context.calendar, month, dice);
  if (!admittedOn) return undefined;
  const proposedOn = addDays(admittedOn, -dice.between(1, 10));
  const openedOn = addDays(proposedOn, -dice.between(2, 25));
  const choice = choosePlacement(dice, context.clinics);
  const owner = ownerFor(context.staff, number, 4);
  const story = assessedCase(context, dice, { owner, ...choice, programmePence: programmePenceOf(choice) }, openedOn, proposedOn);
  const proposedAt = workingTimeOn(proposedOn, dice);
  proposePlacement(story, choice, proposedAt);
  const confirmedOn = addDays(proposedOn, dice.between(0, Math.min(2, daysBetween(proposedOn, admittedOn) - 1)));
  confirmPlacement(story, choice, confirmedOn === proposedOn ? minutesAfter(proposedAt, 90) : workingTimeOn(confirmedOn, dice));
  admitPlacement(story, admittedOn, workingTimeOn(admittedOn, dice));

  const { today } = context.calendar;
  const planned = plannedDischarge(dice, admittedOn, choice.lengthDays);
  const dischargedOn = awayFromToday(planned.day, today);
  // Still at the clinic: the case stays in Placement.
  if (dischargedOn >= today) return story;
  const dischargedAt = workingTimeOn(dischargedOn, dice);
  dischargePlacement(story, dischargedOn, planned.outcome, dischargedAt);
  // Moved to another service: the case closes; the check-ins the discharge booked stay unmade.
  if (planned.outcome === 'transferred') closeCase(story, 'referred_elsewhere', dice.pick(TRANSFERS), minutesAfter(dischargedAt, 10));
  else aftercare(story, dice, today);
  return story;
}

const CANCELLATIONS: ReadonlyArray<readonly [ClosureReason, string]> = [
  ['chose_another_provider', 'Chose a clinic a friend recommended, outside our partners.'],
  ['chose_another_provider', 'The family found a private clinic nearer home themselves.'],
  ['funding_not_available', 'The loan the family were relying on fell through.'],
  ['funding_not_available', 'The insurer would not authorise residential treatment.'],
  ['funding_not_available', 'The local authority funding panel turned the application down.'],
];

/** A proposal that did not go ahead: cancelled with the reason, and the case closed. */
function cancelledStory(context: StoryContext, month: HistoryMonth, number: number): HistoryCase | undefined {
  const dice = diceFor(Stream.cancelled, month.index, number);
  const cancelAfter = dice.between(1, 6);
  const proposedOn = dayIn(context.calendar, month, dice, cancelAfter);
  if (!proposedOn) return undefined;
  const openedOn = addDays(proposedOn, -dice.between(2, 25));
  const choice = choosePlacement(dice, context.clinics);
  const owner = ownerFor(context.staff, number, 2);
  const story = assessedCase(context, dice, { owner, ...choice, programmePence: programmePenceOf(choice) }, openedOn, proposedOn);
  const proposedAt = workingTimeOn(proposedOn, dice);
  proposePlacement(story, choice, proposedAt);
  // Some fall through after the clinic has agreed.
  if (dice.chance(1 / 3)) confirmPlacement(story, choice, minutesAfter(proposedAt, 90));
  const [closureReason, why] = dice.pick(CANCELLATIONS);
  const cancelledAt = workingTimeOn(addDays(proposedOn, cancelAfter), dice);
  cancelPlacement(story, why, cancelledAt);
  closeCase(story, closureReason, undefined, minutesAfter(cancelledAt, 5));
  return story;
}

const LOST_AFTER_ASSESSMENT: ReadonlyArray<readonly [ClosureReason, string | undefined]> = [
  ['declined', 'Decided not to go ahead for now; has our number.'],
  ['declined', undefined],
  ['unreachable', 'No answer to four calls over a week; voicemail left where safe.'],
  ['not_suitable', 'Needs a psychiatric assessment before any rehab will take them.'],
  ['funding_not_available', 'No way to pay privately and no funded place in the area.'],
  ['referred_elsewhere', 'Referred to the local NHS drug and alcohol service.'],
];
const LOST_AT_ENQUIRY: ReadonlyArray<readonly [ClosureReason, string | undefined]> = [
  ['unreachable', 'Never answered the calls back.'],
  ['unreachable', undefined],
  ['declined', 'Only wanted information for now.'],
  ['referred_elsewhere', 'Pointed to the local recovery service and their GP.'],
  ['not_suitable', 'Wants a prescription rather than treatment; pointed back to their GP.'],
];

/** An enquiry in this month that never reached a placement: closed at Enquiry, or after an assessment. */
function lostStory(context: StoryContext, month: HistoryMonth, number: number): HistoryCase | undefined {
  const dice = diceFor(Stream.lost, month.index, number);
  const isAssessed = dice.chance(0.45);
  const [reason, words] = dice.pick(isAssessed ? LOST_AFTER_ASSESSMENT : LOST_AT_ENQUIRY);
  // Someone is called back for a week or so before the case is closed as unreachable.
  const closeAfter = (isAssessed ? 4 : 0) + (reason === 'unreachable' ? dice.between(4, 8) : dice.between(0, 6));
  const openedOn = dayIn(context.calendar, month, dice, closeAfter);
  if (!openedOn) return undefined;
  const closedOn = addDays(openedOn, closeAfter);
  const choice = choosePlacement(dice, context.clinics);
  const owner = ownerFor(context.staff, number, 4);
  if (isAssessed) {
    const fundingRoute = dice.chance(0.5) ? choice.fundingRoute : null;
    const story = assessedCase(context, dice, { owner, ...choice, fundingRoute, programmePence: programmePenceOf(choice) }, openedOn, closedOn);
    closeCase(story, reason, words, workingTimeOn(closedOn, dice));
    return story;
  }
  const contact = personFor(context.nextSerial(), choice.region, openedOn, dice);
  // Some hang up before agreeing to us keeping health details.
  const consents = dice.chance(0.8);
  const openedAt = londonTime(openedOn, dice.between(8, 21), dice.between(0, 59));
  const story = openCase(owner, contact, mentionedSubstances(dice, choice.primary), consents, openedAt, context.calendar.horizon);
  updateContact(story, contact, minutesAfter(openedAt, 3));
  closeCase(story, reason, words, closeAfter === 0 ? minutesAfter(openedAt, 20) : workingTimeOn(closedOn, dice));
  return story;
}

// ---- How many of each, month by month ----

/** Admissions grow gently over the year, from about 8 a month to about 14, give or take one. */
function monthCounts(month: HistoryMonth) {
  const dice = diceFor(Stream.month, month.index);
  const trend = 8 + (5 * month.index) / WHOLE_MONTHS;
  const admissions = Math.min(14, Math.max(8, Math.round(trend + dice.between(-1, 1))));
  // About one proposal in ten falls through; two to three times as many enquiries go no further.
  const lost = Math.round(admissions * (2 + dice.fraction()));
  const part = (count: number) => Math.round(count * month.share);
  return { admissions: part(admissions), cancelled: part(Math.round(admissions / 9)), lost: part(lost) };
}

function planHistory(context: StoryContext): HistoryCase[] {
  return context.calendar.months.flatMap((month) => {
    const counts = monthCounts(month);
    const numbers = (count: number) => Array.from({ length: count }, (_, number) => number);
    return [
      ...numbers(counts.admissions).map((number) => admissionStory(context, month, number)),
      ...numbers(counts.cancelled).map((number) => cancelledStory(context, month, number)),
      ...numbers(counts.lost).map((number) => lostStory(context, month, number)),
    ].filter((story): story is HistoryCase => story !== undefined);
  });
}

// ---- Written in a few statements ----

async function inChunks<T>(rows: readonly T[], write: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) await write(rows.slice(start, start + ROWS_PER_INSERT));
}

/** Case numbers from the sequence every case takes its reference from, in one round trip. */
async function referenceNumbers(db: Kysely<Database>, count: number): Promise<number[]> {
  const { rows } = await sql<{ number: number }>`select nextval('case_reference_seq')::int as number from generate_series(1, ${count})`.execute(db);
  return rows.map((row) => row.number).sort((a, b) => a - b);
}

/** H-<year in London when it opened>-<number>, as insertCase would have given it then. */
const referenceOf = (openedAt: Date, number: number) => `H-${londonDayOf(openedAt).slice(0, 4)}-${String(number).padStart(5, '0')}`;

async function writeHistory(db: Kysely<Database>, stories: HistoryCase[]): Promise<void> {
  const inOpeningOrder = [...stories].sort((a, b) => a.row.created_at.getTime() - b.row.created_at.getTime());
  const numbers = await referenceNumbers(db, inOpeningOrder.length);
  const cases = inOpeningOrder.map((story, index) => ({ ...story.row, reference: referenceOf(story.row.created_at, numbers[index]!) }));
  await inChunks(cases, (chunk) => db.insertInto('cases').values(chunk).execute());
  const placements = stories.flatMap((story) => (story.placement ? [story.placement] : []));
  await inChunks(placements, (chunk) => db.insertInto('placements').values(chunk).execute());
  await inChunks(stories.flatMap((story) => story.checkIns), (chunk) => db.insertInto('aftercare_check_ins').values(chunk).execute());
  await inChunks(stories.flatMap((story) => story.events), (chunk) => db.insertInto('case_events').values(chunk).execute());
  // The trail says where these records came from: written by the seed, as demo history.
  const opened = inOpeningOrder.map((story) => ({
    actor_user_id: story.owner.userId,
    action: 'cases.opened',
    entity_type: 'case',
    entity_id: story.row.id,
    request_id: 'seed',
    details: JSON.stringify({ origin: story.row.origin, demoHistory: true }),
  }));
  await inChunks(opened, (chunk) => db.insertInto('audit_events').values(chunk).execute());
}

/**
 * A year of history before `now`: the twelve whole months before this London month and this
 * month up to yesterday. Planned and checked in full before anything is written. Clinics' free
 * beds are left alone: they were confirmed today and already count whoever is there.
 */
export async function seedDemoHistory(db: Kysely<Database>, staff: DemoStaff, clinicIds: DemoClinicIds, now: Date): Promise<void> {
  let serial = 0;
  const stories = planHistory({ calendar: calendarOf(now), staff, clinics: historyClinics(clinicIds), nextSerial: () => serial++ });
  await writeHistory(db, stories);
}
