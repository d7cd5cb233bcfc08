import { aftercarePlanSchema, CHECK_IN_DAYS, type AftercarePlanInput, type CheckInOutcome } from '@harbour/shared/aftercare';
import type { Service } from '@harbour/shared/clinics';
import { londonDayOf } from '@harbour/shared/london-day';
import { cancelPlacementSchema, dischargePlacementSchema, type DischargeOutcome } from '@harbour/shared/placements';
import type { StageFacts } from '@harbour/shared/stages';
import type { Kysely } from 'kysely';
import type { StaffActor } from '../../actor';
import { recordCheckIn, saveAftercarePlan } from '../../features/aftercare/aftercare.service';
import { admitPlacement, cancelPlacement, confirmPlacement, dischargePlacement, proposePlacement } from '../../features/placements/placements.service';
import type { Database } from '../database';

// A demo case's placement, taken through the same services the case page calls, on the days it
// happened: proposed, confirmed, admitted, discharged, then aftercare check-ins on their due days.

export interface DemoPlacement {
  clinic: string;
  programme: Service;
  lengthDays: number;
  weeklyPounds: number;
  proposedDaysAgo: number;
  /** Cancelled this many days ago, with the adviser's reason; nothing follows. */
  cancelled?: { daysAgo: number; reason: string };
  confirmedDaysAgo?: number;
  admittedDaysAgo?: number;
  discharged?: { daysAgo: number; outcome: DischargeOutcome };
  plan?: AftercarePlanInput;
  /** Recorded in order from the 7-day check-in, each on its due day. */
  checkIns?: Array<{ outcome: CheckInOutcome; notes?: string }>;
}

const DAY_MS = 24 * 3_600_000;

/** Checks the words and the order of the days before anything is written; throws naming the person. */
export function checkDemoPlacement(placement: DemoPlacement, person: string): void {
  const fail = (why: string) => {
    throw new Error(`Demo placement for ${person}: ${why}`);
  };
  const days = [placement.proposedDaysAgo, placement.confirmedDaysAgo, placement.admittedDaysAgo, placement.discharged?.daysAgo].filter(
    (day): day is number => day !== undefined,
  );
  if (days.some((day, index) => index > 0 && day > days[index - 1]!)) fail('its steps must happen in order');
  if (placement.cancelled && placement.admittedDaysAgo !== undefined) fail('an admitted placement is discharged, not cancelled');
  if (placement.cancelled && !cancelPlacementSchema.shape.reason.safeParse(placement.cancelled.reason).success) fail('the cancellation reason is not valid');
  if (placement.discharged && !dischargePlacementSchema.shape.outcome.safeParse(placement.discharged.outcome).success) fail('the discharge outcome is not valid');
  if (placement.plan && !aftercarePlanSchema.safeParse(placement.plan).success) fail('the aftercare plan is not valid');
  if ((placement.checkIns?.length ?? 0) > 0 && !placement.discharged) fail('check-ins come after a discharge');
}

/** Where a placement leaves its case, and what the stage rules then see of it (as placementFactsOf reads it). */
export function demoPlacementFacts(placement: DemoPlacement): Pick<StageFacts, 'activePlacement' | 'lastCheckInDone'> & { stage: 'assessment' | 'placement' | 'aftercare' } {
  const admitted = placement.admittedDaysAgo !== undefined;
  const step = admitted ? 'admitted' : placement.confirmedDaysAgo !== undefined ? 'confirmed' : 'proposed';
  const checkIns = placement.checkIns ?? [];
  return {
    stage: placement.discharged ? 'aftercare' : admitted ? 'placement' : 'assessment',
    activePlacement: placement.cancelled || placement.discharged ? null : step,
    lastCheckInDone: checkIns.length === CHECK_IN_DAYS.length && checkIns.at(-1)!.outcome !== 'relapsed',
  };
}

/** Takes a case in Assessment through its placement; returns the moment of the last step. */
export async function seedDemoPlacement(
  db: Kysely<Database>,
  owner: StaffActor,
  input: { caseId: string; clinicId: string; placement: DemoPlacement },
  now: Date,
): Promise<Date> {
  const { caseId, clinicId, placement } = input;
  // Mid-morning on the day, a few minutes apart, so the timeline reads in order.
  const on = (daysAgo: number, minutes = 0) => new Date(now.getTime() - daysAgo * DAY_MS + minutes * 60_000);
  let at = on(placement.proposedDaysAgo);
  const proposed = await proposePlacement(
    db,
    owner,
    { caseId, clinicId, programme: placement.programme, lengthDays: placement.lengthDays, weeklyPricePence: placement.weeklyPounds * 100 },
    at,
  );
  let version = proposed.version;
  const step = { id: proposed.id };
  if (placement.cancelled) {
    at = on(placement.cancelled.daysAgo, 5);
    await cancelPlacement(db, owner, { ...step, version, reason: placement.cancelled.reason }, at);
    return at;
  }
  if (placement.confirmedDaysAgo === undefined) return at;
  at = on(placement.confirmedDaysAgo, 10);
  ({ version } = await confirmPlacement(db, owner, { ...step, version }, at));
  if (placement.admittedDaysAgo === undefined) return at;
  at = on(placement.admittedDaysAgo, 20);
  ({ version } = await admitPlacement(db, owner, { ...step, version, admittedOn: londonDayOf(at) }, at));
  if (placement.plan) {
    at = on(placement.admittedDaysAgo, 30);
    await saveAftercarePlan(db, owner, { caseId, version: 0, plan: aftercarePlanSchema.parse(placement.plan) }, at);
  }
  if (!placement.discharged) return at;
  at = on(placement.discharged.daysAgo, 40);
  await dischargePlacement(db, owner, { ...step, version, dischargedOn: londonDayOf(at), outcome: placement.discharged.outcome }, at);

  const checkIns = await db
    .selectFrom('aftercare_check_ins')
    .select(['id', 'version', 'due_on'])
    .where('placement_id', '=', proposed.id)
    .orderBy('days_after')
    .execute();
  for (const [index, answer] of (placement.checkIns ?? []).entries()) {
    const checkIn = checkIns[index];
    if (!checkIn) throw new Error('A demo placement has more check-ins than are booked');
    // Late morning in London on the day it was due.
    const calledAt = new Date(`${checkIn.due_on}T11:15:00Z`);
    if (calledAt > now) throw new Error(`A demo check-in due on ${checkIn.due_on} is not due yet`);
    await recordCheckIn(db, owner, { id: checkIn.id, version: checkIn.version, outcome: answer.outcome, notes: answer.notes }, calledAt);
    at = calledAt;
  }
  return at;
}
