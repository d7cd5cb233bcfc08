import { CONSENT_TO_CONTACT_TEXT, CONSENT_TO_HEALTH_DATA_TEXT } from '@harbour/shared/callbacks';
import { regionValues, type Region } from '@harbour/shared/regions';
import type { Service } from '@harbour/shared/clinics';
import { assessmentPool, financePool, NO_FINANCES, SUBSTANCE_WEIGHTS, type PooledAssessment } from './bench-assessments';
import { benchId, Dice, IdKind, weightsOf } from './bench-dice';
import { callbackReference, emailAddress, mobileNumber, personName } from './bench-people';
import { benchClinics, placementFee, STAFF_COUNTS, staffMember, type BenchClinic } from './bench-staff-clinics';
import { copyArray, copyBool, copyDay, copyText, copyTime, NULL } from './copy-text';

// Four years of a national helpline, one case at a time. Everything about case number `index`
// (its story, its callback request, its calls, its placement) comes from a generator seeded by
// that number alone, so each table is written in its own pass, in any order, and agrees with
// the others without anything held in memory between passes.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
export const HISTORY_DAYS = 4 * 365 + 1;

export interface BenchWorld {
  /** The moment the history ends: every step happened before it. */
  nowMs: number;
  caseCount: number;
}

/** Every fifth case reaches a placement: 200,000 of a million. */
export const isPlaced = (index: number) => index % 5 === 2;
export const placementCount = (caseCount: number) => Math.max(0, Math.floor((caseCount - 3) / 5) + 1);

type Stage = 'enquiry' | 'assessment' | 'placement' | 'aftercare' | 'closed';
type PlacementStatus = 'proposed' | 'confirmed' | 'admitted' | 'discharged' | 'cancelled';
type DischargeOutcome = 'completed' | 'left_early' | 'discharged_by_clinic' | 'transferred';

export interface PlacementPlan {
  clinic: BenchClinic;
  programme: Service;
  lengthDays: number;
  weeklyPricePence: number;
  status: PlacementStatus;
  proposedMs: number;
  confirmedMs: number | null;
  admittedMs: number | null;
  dischargedMs: number | null;
  dischargeOutcome: DischargeOutcome | null;
  cancelledMs: number | null;
  cancelReason: string | null;
  /** Check-ins made up to (not including) this moment; later ones wait. */
  checkInsMadeBeforeMs: number;
}

export interface CasePlan {
  index: number;
  id: string;
  createdMs: number;
  ownerId: string;
  clientName: string;
  callerName: string;
  relation: 'self' | 'loved_one' | 'professional';
  relationDetail: string | null;
  phone: string;
  email: string | null;
  consentToHealthData: boolean;
  /** As a COPY array: what was mentioned, or what the assessment found. */
  substances: string;
  urgency: 'risk_mentioned' | 'immediate_danger' | null;
  region: Region;
  assessment: PooledAssessment | null;
  finances: string | null;
  stage: Stage;
  stageChangedMs: number;
  updatedMs: number;
  version: number;
  closureReason: string | null;
  placement: PlacementPlan | null;
  /** The calls made on its callback request: the last one answered, the others not. */
  attemptCount: number;
}

const RELATIVES = [['Mother', 'Linda'], ['Father', 'Steven'], ['Sister', 'Tracey'], ['Brother', 'Andrew'], ['Partner', 'Joanne'], ['Partner', 'Neil'], ['Daughter', 'Hayley'], ['Son', 'Jordan']] as const;
const PROFESSIONALS = ['Dr Helen Ashby', 'Dr Rajesh Menon', 'Sue Calloway', 'Martin Keogh', 'Angela Boateng', 'Chris Dunmore'];
const RELATIONS = weightsOf<CasePlan['relation']>([['self', 60], ['loved_one', 30], ['professional', 10]]);
const CLOSED_AT_ENQUIRY = ['unreachable', 'unreachable', 'declined', 'referred_elsewhere', 'not_suitable'];
const CLOSED_AFTER_ASSESSMENT = ['declined', 'unreachable', 'not_suitable', 'funding_not_available', 'referred_elsewhere'];
const CANCELLATIONS = [
  ['chose_another_provider', 'Chose a clinic outside our partners.'],
  ['funding_not_available', 'The insurer would not authorise residential treatment.'],
  ['funding_not_available', 'The family loan fell through.'],
] as const;
const DISCHARGES = weightsOf<DischargeOutcome>([['completed', 65], ['left_early', 20], ['discharged_by_clinic', 8], ['transferred', 7]]);
/** Calls per request: the mean is exactly three, and never more than three unanswered before an answer. */
const ATTEMPT_PATTERN = [3, 3, 2, 4, 3, 4, 2, 3];

let staffIdList: string[] | undefined;
const staffIds = () => (staffIdList ??= Array.from({ length: STAFF_COUNTS.adviser + STAFF_COUNTS.team_lead }, (_, index) => staffMember(index).id));
const mentionedArrays = new Map<string, string>();
const mentionedArray = (substance: string) => mentionedArrays.get(substance) ?? mentionedArrays.set(substance, copyArray([substance])).get(substance)!;

/** When case `index` opened: spread evenly over four years, in order, so references rise with time. */
export function openedAt(world: BenchWorld, index: number, dice: Dice): number {
  const spacing = (HISTORY_DAYS * DAY) / world.caseCount;
  return Math.floor(world.nowMs - HISTORY_DAYS * DAY + (index + 0.1 + 0.8 * dice.fraction()) * spacing);
}

const activeClinics = () => benchClinics().filter((clinic) => clinic.fields.isActive && clinic.programmes.length > 0);
let clinicChoices: BenchClinic[] | undefined;

function choosePlacement(dice: Dice, primary: string | null): Pick<PlacementPlan, 'clinic' | 'programme' | 'lengthDays' | 'weeklyPricePence'> {
  clinicChoices ??= activeClinics();
  let clinic = dice.pick(clinicChoices);
  // A clinic that treats the main substance, when one of a few tries finds it.
  for (let tries = 0; tries < 3 && primary && !(clinic.fields.substances as readonly string[]).includes(primary); tries += 1) clinic = dice.pick(clinicChoices);
  const { programmeLengthsDays: lengths, weeklyPriceMinPence: min, weeklyPriceMaxPence: max } = clinic.fields;
  return {
    clinic,
    programme: dice.pick(clinic.programmes),
    lengthDays: dice.chance(0.6) ? lengths[0]! : dice.pick(lengths),
    weeklyPricePence: min + dice.between(0, Math.floor((max - min) / 5_000)) * 5_000,
  };
}

/** Everything about case `index` at `world.nowMs`. */
export function planCase(world: BenchWorld, index: number): CasePlan {
  const dice = new Dice(7, index);
  const { nowMs } = world;
  const createdMs = openedAt(world, index, dice);
  const ageMs = nowMs - createdMs;
  const ownerIndex = dice.chance(0.85) ? dice.between(0, STAFF_COUNTS.adviser - 1) : STAFF_COUNTS.adviser + dice.between(0, STAFF_COUNTS.team_lead - 1);
  const { first, surname } = personName(index, 0x5bd1e995);
  const clientName = `${first} ${surname}`;
  const relation = dice.weighted(RELATIONS);
  let callerName = clientName;
  let relationDetail: string | null = null;
  if (relation === 'loved_one') {
    const [detail, name] = dice.pick(RELATIVES);
    callerName = `${name} ${surname}`;
    relationDetail = detail;
  } else if (relation === 'professional') {
    callerName = dice.pick(PROFESSIONALS);
    relationDetail = 'GP';
  }
  // The caller's own address: "Dr Helen Ashby" is helen.ashby…@example.org.
  const callerWords = callerName.split(' ');
  const email = dice.chance(0.75) ? emailAddress(callerWords.at(-2)!, callerWords.at(-1)!, index) : null;
  const placed = isPlaced(index);
  const assessed = placed || dice.chance(0.375);
  const consentToHealthData = assessed || dice.chance(0.85);
  const urgencyRoll = dice.fraction();
  const urgency = urgencyRoll < 0.005 ? 'immediate_danger' : urgencyRoll < 0.035 ? 'risk_mentioned' : null;
  const plan: CasePlan = {
    index,
    id: benchId(IdKind.case, index),
    createdMs,
    ownerId: staffIds()[ownerIndex]!,
    clientName,
    callerName,
    relation,
    relationDetail,
    phone: mobileNumber(index),
    email,
    consentToHealthData,
    substances: consentToHealthData ? mentionedArray(dice.weighted(SUBSTANCE_WEIGHTS)) : '{}',
    urgency,
    region: regionValues[(index * 7 + (index >>> 3)) % regionValues.length]!,
    assessment: null,
    finances: null,
    stage: 'enquiry',
    stageChangedMs: createdMs,
    updatedMs: createdMs + 3 * MINUTE,
    version: 1,
    closureReason: null,
    placement: null,
    attemptCount: ATTEMPT_PATTERN[index % ATTEMPT_PATTERN.length]!,
  };
  const move = (stage: Stage, atMs: number, closureReason: string | null = null) => {
    plan.stage = stage;
    plan.stageChangedMs = atMs;
    plan.updatedMs = Math.max(plan.updatedMs, atMs);
    plan.version += 1;
    plan.closureReason = closureReason;
  };

  if (!assessed) {
    const closeAfter = dice.between(1, 240) * HOUR;
    if (ageMs > closeAfter) move('closed', createdMs + closeAfter, dice.pick(CLOSED_AT_ENQUIRY));
    return plan;
  }

  let assessedAfter = dice.between(0, 72) * HOUR + 6 * MINUTE;
  let proposeAfter = assessedAfter + dice.between(24, 480) * HOUR;
  if (placed && proposeAfter > ageMs - HOUR) {
    // Opened in the last few weeks: everything so far has happened faster, but it has happened.
    proposeAfter = Math.max(ageMs - HOUR, ageMs / 2);
    assessedAfter = Math.min(assessedAfter, proposeAfter / 2);
  }
  if (ageMs < assessedAfter) return plan;
  const assessedMs = createdMs + assessedAfter;
  move('assessment', assessedMs);
  const assessment = assessmentPool()[dice.between(0, assessmentPool().length - 1)]!;
  plan.assessment = assessment;
  plan.substances = assessment.substances;
  plan.updatedMs = assessedMs + 3 * MINUTE;
  if (placed || dice.chance(0.5)) {
    plan.finances = financePool()[dice.between(0, financePool().length - 1)]!;
    plan.updatedMs = assessedMs + 6 * MINUTE;
  }

  if (!placed) {
    const closeAfter = assessedAfter + dice.between(72, 480) * HOUR;
    if (ageMs > closeAfter) move('closed', createdMs + closeAfter, dice.pick(CLOSED_AFTER_ASSESSMENT));
    return plan;
  }

  const primary = assessment.substances.slice(1, -1).split(',')[0] ?? null;
  const proposedMs = createdMs + proposeAfter;
  const placement: PlacementPlan = {
    ...choosePlacement(dice, primary),
    status: 'proposed',
    proposedMs,
    confirmedMs: null,
    admittedMs: null,
    dischargedMs: null,
    dischargeOutcome: null,
    cancelledMs: null,
    cancelReason: null,
    checkInsMadeBeforeMs: 0,
  };
  plan.placement = placement;
  plan.updatedMs = Math.max(plan.updatedMs, proposedMs);
  const step = (atMs: number) => atMs < nowMs;

  if (dice.chance(0.1)) {
    // A proposal that fell through, some after the clinic had agreed.
    const confirmedMs = proposedMs + 90 * MINUTE;
    const cancelledMs = proposedMs + dice.between(24, 144) * HOUR;
    const [reason, why] = dice.pick(CANCELLATIONS);
    if (dice.chance(1 / 3) && step(confirmedMs)) {
      placement.status = 'confirmed';
      placement.confirmedMs = confirmedMs;
      move('placement', confirmedMs);
    }
    if (step(cancelledMs + 5 * MINUTE)) {
      placement.status = 'cancelled';
      placement.cancelledMs = cancelledMs;
      placement.cancelReason = why;
      move('closed', cancelledMs + 5 * MINUTE, reason);
    }
    return plan;
  }

  const confirmedMs = proposedMs + dice.between(1, 48) * HOUR;
  const admittedMs = confirmedMs + dice.between(24, 240) * HOUR;
  const outcome = dice.weighted(DISCHARGES);
  const stayDays = outcome === 'completed' ? placement.lengthDays - dice.between(0, 1) : dice.between(2, Math.max(2, Math.floor(placement.lengthDays * 0.7)));
  const dischargedMs = admittedMs + Math.max(1, stayDays) * DAY;
  if (!step(confirmedMs)) return plan;
  placement.status = 'confirmed';
  placement.confirmedMs = confirmedMs;
  move('placement', confirmedMs);
  if (!step(admittedMs)) return plan;
  placement.status = 'admitted';
  placement.admittedMs = admittedMs;
  plan.updatedMs = Math.max(plan.updatedMs, admittedMs);
  if (!step(dischargedMs + 10 * MINUTE)) return plan;
  placement.status = 'discharged';
  placement.dischargedMs = dischargedMs;
  placement.dischargeOutcome = outcome;
  if (outcome === 'transferred') {
    move('closed', dischargedMs + 10 * MINUTE, 'referred_elsewhere');
    return plan;
  }
  move('aftercare', dischargedMs + 10 * MINUTE);
  // A quarter stay in touch for the whole year; the rest stop after a month or so.
  const stays = dice.chance(0.25);
  // Closed as completed once the last check-in (made at 11:00 on its day) is done.
  const dischargedDay = Date.parse(copyDay(dischargedMs));
  const closeMs = stays ? dischargedDay + 365 * DAY + 12 * HOUR : dischargedMs + (30 + dice.between(1, 10)) * DAY;
  placement.checkInsMadeBeforeMs = Math.min(nowMs, closeMs);
  if (step(closeMs)) move('closed', closeMs, stays ? 'completed' : 'declined');
  return plan;
}

// ---- The cases table ----

export const CASE_COLUMNS = [
  'id', 'reference', 'stage', 'origin', 'client_name', 'caller_name', 'caller_relation', 'phone_e164', 'email', 'substances', 'urgency_reason',
  'consent_to_contact', 'consent_to_contact_text', 'consent_to_health_data', 'consent_to_health_data_text', 'consented_at',
  'assigned_adviser_id', 'opened_by', 'stage_changed_at', 'version', 'created_at', 'updated_at', 'client_date_of_birth',
  'relation_detail', 'postcode', 'region', 'preferred_contact_times', 'safe_to_leave_voicemail', 'safe_to_say_who_we_are',
  'assessment', 'primary_substance', 'criteria_met', 'severity', 'audit_score', 'risk_level', 'is_dual_diagnosis', 'assessment_complete',
  'funding_route', 'budget_min_pence', 'budget_max_pence', 'insurer', 'policy_number', 'who_pays', 'finance_notes',
  'next_action', 'next_action_due_at', 'contact_version', 'assessment_version', 'finances_version', 'closure_reason',
] as const;

const CONTACT_TEXT = copyText(CONSENT_TO_CONTACT_TEXT);
const HEALTH_TEXT = copyText(CONSENT_TO_HEALTH_DATA_TEXT);
const NO_ASSESSMENT = [NULL, NULL, NULL, NULL, NULL, NULL, 'f', 'f'].join('\t');
const CONTACT_TIMES = [NULL, NULL, 'Mornings', 'Evenings', 'After 5pm', 'Any time'];
const NEXT_ACTIONS = ['Call back to finish the assessment', 'Chase the clinic for a bed date', 'Check funding with the family', 'Send the clinic information pack', 'Ring the GP for a summary'];
const POSTCODE_AREAS: Record<Region, string> = {
  north_east: 'NE', north_west: 'M', yorkshire_and_the_humber: 'LS', east_midlands: 'NG', west_midlands: 'B',
  east_of_england: 'NR', london: 'SE', south_east: 'BN', south_west: 'BS', wales: 'CF',
};

/** H-<year it opened>-<number>, the number from case_reference_seq as insertCase pads it. */
export const caseReference = (createdMs: number, index: number) =>
  `H-${new Date(createdMs).getUTCFullYear()}-${String(index + 1).padStart(5, '0')}`;

export function caseRow(world: BenchWorld, plan: CasePlan): string {
  const i = plan.index;
  const isOpen = plan.stage !== 'closed';
  // Half the open cases have a next action, some already overdue.
  const hasNextAction = isOpen && i % 2 === 0;
  const dob = `${new Date(plan.createdMs).getUTCFullYear() - 19 - (i % 45)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
  return [
    plan.id,
    caseReference(plan.createdMs, i),
    plan.stage,
    'callback',
    plan.clientName,
    plan.callerName,
    plan.relation,
    plan.phone,
    plan.email ?? NULL,
    plan.substances,
    plan.urgency ?? NULL,
    't',
    CONTACT_TEXT,
    copyBool(plan.consentToHealthData),
    HEALTH_TEXT,
    copyTime(plan.createdMs),
    plan.ownerId,
    plan.ownerId,
    copyTime(plan.stageChangedMs),
    String(plan.version),
    copyTime(plan.createdMs),
    copyTime(plan.updatedMs),
    dob,
    plan.relationDetail ?? NULL,
    `${POSTCODE_AREAS[plan.region]}${1 + (i % 19)} ${1 + (i % 9)}ZZ`,
    plan.region,
    CONTACT_TIMES[i % CONTACT_TIMES.length]!,
    copyBool(i % 4 !== 0),
    copyBool(i % 3 !== 0),
    plan.assessment ? plan.assessment.copy : NO_ASSESSMENT,
    plan.finances ?? NO_FINANCES,
    hasNextAction ? NEXT_ACTIONS[i % NEXT_ACTIONS.length]! : NULL,
    hasNextAction ? copyTime(world.nowMs + ((i % 10) - 2) * DAY) : NULL,
    '2',
    plan.assessment ? '2' : '1',
    plan.finances ? '2' : '1',
    plan.closureReason ?? NULL,
  ].join('\t');
}

// ---- Callback requests: one behind each case, and a live queue with no case yet ----

export const CALLBACK_COLUMNS = [
  'id', 'reference', 'idempotency_key', 'full_name', 'phone_e164', 'email', 'for_whom', 'best_time_kind', 'best_time_at', 'substances',
  'message', 'immediate_danger', 'urgency_reason', 'consent_to_contact', 'consent_to_contact_text', 'consent_to_health_data',
  'consent_to_health_data_text', 'requested_at', 'status', 'due_at', 'attempt_count', 'unanswered_count', 'first_attempt_at',
  'first_attempt_due_at', 'claimed_by', 'claim_expires_at', 'case_id', 'created_at', 'updated_at',
] as const;

/** Requests waiting now with no case: the queue the benchmark's advisers see. */
export const LIVE_QUEUE = 150;

/** When the calls on case `plan`'s request were made: the answered one just before the case opened. */
function attemptTimes(plan: CasePlan): number[] {
  const gap = (40 + (plan.index % 200)) * MINUTE;
  return Array.from({ length: plan.attemptCount }, (_, k) => plan.createdMs - 2 * MINUTE - (plan.attemptCount - 1 - k) * gap);
}

const idempotencyKey = (number: number) => `bench-${number.toString(36).padStart(10, '0')}`;
const BEST_TIMES = ['asap', 'asap', 'asap', 'asap', 'morning', 'afternoon', 'evening', 'asap', 'at', 'asap'] as const;

export function callbackRowForCase(plan: CasePlan): string {
  const i = plan.index;
  const times = attemptTimes(plan);
  const firstAttemptMs = times[0]!;
  const requestedMs = firstAttemptMs - (3 + (i % 50)) * MINUTE;
  const urgent = plan.urgency !== null;
  const kind = urgent ? 'asap' : BEST_TIMES[i % BEST_TIMES.length]!;
  const firstDueMs = requestedMs + (urgent ? 15 : 60) * MINUTE;
  return [
    benchId(IdKind.callback, i),
    callbackReference(i),
    idempotencyKey(i),
    plan.callerName,
    plan.phone,
    plan.email ?? NULL,
    plan.relation,
    kind,
    kind === 'at' ? copyTime(firstDueMs) : NULL,
    // Health information only with consent, as the request form keeps it.
    plan.consentToHealthData ? plan.substances : '{}',
    NULL,
    copyBool(plan.urgency === 'immediate_danger'),
    plan.urgency ?? NULL,
    't',
    CONTACT_TEXT,
    copyBool(plan.consentToHealthData),
    HEALTH_TEXT,
    copyTime(requestedMs),
    'case_opened',
    copyTime(times.at(-1)!),
    String(plan.attemptCount),
    String(plan.attemptCount - 1),
    copyTime(firstAttemptMs),
    copyTime(firstDueMs),
    NULL,
    NULL,
    plan.id,
    copyTime(requestedMs),
    copyTime(plan.createdMs),
  ].join('\t');
}

/** Live request `n` (0 to LIVE_QUEUE - 1): asked for in the last three hours, some urgent, some claimed. */
export function liveCallbackRow(world: BenchWorld, n: number, into: string[], attempts: string[]): void {
  const dice = new Dice(11, n);
  const number = world.caseCount + n;
  const { first, surname } = personName(number, 0x27d4eb2d);
  const requestedMs = world.nowMs - dice.between(1, 180) * MINUTE;
  const urgency = n % 10 === 0 ? (n % 20 === 0 ? 'immediate_danger' : 'risk_mentioned') : null;
  const firstDueMs = requestedMs + (urgency ? 15 : 60) * MINUTE;
  const unanswered = dice.chance(0.3) ? dice.between(1, 2) : 0;
  const adviser = staffMember(dice.between(0, STAFF_COUNTS.adviser - 1)).id;
  const id = benchId(IdKind.callback, number);
  const callTimes = Array.from({ length: unanswered }, (_, k) => requestedMs + (5 + k * 30) * MINUTE).filter((at) => at < world.nowMs);
  for (const [k, at] of callTimes.entries()) {
    attempts.push([benchId(IdKind.attempt, number * 8 + k), id, adviser, k % 2 ? 'voicemail' : 'no_answer', NULL, NULL, copyTime(at)].join('\t'));
  }
  const claimed = n % 10 === 5;
  const consent = dice.chance(0.85);
  into.push(
    [
      id,
      callbackReference(number),
      idempotencyKey(number),
      `${first} ${surname}`,
      mobileNumber(number),
      dice.chance(0.7) ? emailAddress(first, surname, number) : NULL,
      dice.weighted(RELATIONS),
      'asap',
      NULL,
      consent ? copyArray([dice.weighted(SUBSTANCE_WEIGHTS)]) : '{}',
      dice.chance(0.3) ? copyText('Please ring after 6 if you can.\nMobile is best.') : NULL,
      copyBool(urgency === 'immediate_danger'),
      urgency ?? NULL,
      't',
      CONTACT_TEXT,
      copyBool(consent),
      HEALTH_TEXT,
      copyTime(requestedMs),
      'open',
      copyTime(callTimes.length ? callTimes.at(-1)! + 2 * HOUR : firstDueMs),
      String(callTimes.length),
      String(callTimes.length),
      callTimes.length ? copyTime(callTimes[0]!) : NULL,
      copyTime(firstDueMs),
      claimed ? adviser : NULL,
      claimed ? copyTime(world.nowMs + 10 * MINUTE) : NULL,
      NULL,
      copyTime(requestedMs),
      copyTime(callTimes.at(-1) ?? requestedMs),
    ].join('\t'),
  );
}

// ---- Call attempts ----

export const ATTEMPT_COLUMNS = ['id', 'callback_id', 'adviser_id', 'outcome', 'notes', 'call_back_at', 'attempted_at'] as const;
const UNANSWERED = ['no_answer', 'voicemail', 'no_answer'] as const;

export function attemptRowsForCase(plan: CasePlan, into: string[]): void {
  const callbackId = benchId(IdKind.callback, plan.index);
  const times = attemptTimes(plan);
  for (let k = 0; k < times.length; k += 1) {
    const isLast = k === times.length - 1;
    into.push(
      [
        benchId(IdKind.attempt, plan.index * 8 + k),
        callbackId,
        plan.ownerId,
        isLast ? 'answered' : UNANSWERED[(plan.index + k) % UNANSWERED.length]!,
        isLast && plan.index % 7 === 0 ? 'Spoke to them; opened a case.' : NULL,
        NULL,
        copyTime(times[k]!),
      ].join('\t'),
    );
  }
}

// ---- Placements and their aftercare check-ins ----

export const PLACEMENT_COLUMNS = [
  'id', 'case_id', 'clinic_id', 'status', 'programme', 'length_days', 'weekly_price_pence', 'fee_terms', 'fee_pence', 'proposed_by',
  'proposed_at', 'confirmed_by', 'confirmed_at', 'admitted_on', 'admitted_by', 'discharged_on', 'discharge_outcome', 'discharged_by',
  'cancelled_at', 'cancelled_by', 'cancel_reason', 'version', 'updated_at',
] as const;

export function placementRow(plan: CasePlan): string | null {
  const p = plan.placement;
  if (!p) return null;
  const by = plan.ownerId;
  const confirmed = p.confirmedMs !== null;
  const steps = [p.confirmedMs, p.admittedMs, p.dischargedMs, p.cancelledMs].filter((at) => at !== null).length;
  return [
    benchId(IdKind.placement, plan.index),
    plan.id,
    p.clinic.id,
    p.status,
    p.programme,
    String(p.lengthDays),
    String(p.weeklyPricePence),
    confirmed ? copyText(p.clinic.feeTermsJson) : NULL,
    confirmed ? String(placementFee(p.clinic, p.weeklyPricePence, p.lengthDays)) : NULL,
    by,
    copyTime(p.proposedMs),
    confirmed ? by : NULL,
    copyTime(p.confirmedMs),
    copyDay(p.admittedMs),
    p.admittedMs === null ? NULL : by,
    copyDay(p.dischargedMs),
    p.dischargeOutcome ?? NULL,
    p.dischargedMs === null ? NULL : by,
    copyTime(p.cancelledMs),
    p.cancelledMs === null ? NULL : by,
    copyText(p.cancelReason),
    String(1 + steps),
    copyTime(Math.max(p.proposedMs, p.confirmedMs ?? 0, p.admittedMs ?? 0, p.dischargedMs ?? 0, p.cancelledMs ?? 0)),
  ].join('\t');
}

export const CHECK_IN_COLUMNS = ['id', 'case_id', 'placement_id', 'days_after', 'due_on', 'outcome', 'notes', 'recorded_by', 'recorded_at', 'version'] as const;
const CHECK_IN_DAYS = [7, 30, 90, 180, 365];
const CHECK_IN_OUTCOMES = ['well', 'well', 'well', 'struggling', 'well', 'unreachable', 'well', 'struggling', 'well', 'well'];

/** The five check-ins a discharge books; those that fell due while the case was followed are made. */
export function checkInRows(plan: CasePlan, into: string[]): void {
  const p = plan.placement;
  if (!p || p.dischargedMs === null) return;
  const dischargedDay = Date.parse(copyDay(p.dischargedMs));
  for (let k = 0; k < CHECK_IN_DAYS.length; k += 1) {
    const dueMs = dischargedDay + CHECK_IN_DAYS[k]! * DAY;
    const recordedMs = dueMs + 11 * HOUR;
    const made = recordedMs < p.checkInsMadeBeforeMs;
    const outcome = CHECK_IN_OUTCOMES[(plan.index + k) % CHECK_IN_OUTCOMES.length]!;
    into.push(
      [
        benchId(IdKind.checkIn, plan.index * 8 + k),
        plan.id,
        benchId(IdKind.placement, plan.index),
        String(CHECK_IN_DAYS[k]),
        copyDay(dueMs),
        made ? outcome : NULL,
        NULL,
        made ? plan.ownerId : NULL,
        made ? copyTime(recordedMs) : NULL,
        made ? '2' : '1',
      ].join('\t'),
    );
  }
}
