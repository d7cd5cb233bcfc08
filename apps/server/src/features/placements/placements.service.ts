import { checkInSchedule } from '@harbour/shared/aftercare';
import { serviceFeeOf, serviceLabels, type Service } from '@harbour/shared/clinics';
import { formatDateTime, formatPence } from '@harbour/shared/format';
import {
  placementStatusLabels,
  type DischargeOutcome,
  type PlacementStatus,
} from '@harbour/shared/placements';
import { checkStageMove } from '@harbour/shared/stages';
import { can } from '@harbour/shared/permissions';
import { sql, type Kysely } from 'kysely';
import type { StaffActor } from '../../actor';
import type { CaseEventKind, Database } from '../../db/database';
import { isUniqueViolation } from '../../db/errors';
import { publishChange } from '../../realtime/changes';
import { badRequest, conflict, notFound } from '../../trpc/errors';
import { recordAudit, type AuditAction } from '../audit/audit.service';
import { lockCaseToChange, type LockedCase } from '../cases/case-access.service';
import { addToTimeline, recordStageMove, stageFactsOf } from '../cases/case-changes.service';
import { lockClinic } from '../clinics/clinics.service';
import {
  findActivePlacement,
  findLastPlacementStep,
  findPlacementForUpdate,
  findPlacementsOfCase,
  placementFactsOf,
  type LockedPlacement,
} from './placements.queries';

// A placement's steps. Each locks the case first, then the placement, then the clinic, always
// in that order, so two advisers acting at once queue rather than deadlock; the second finds the
// version moved on and is told who took the step.

const stepWords: Record<string, string> = {
  placement_proposed: 'proposed it',
  placement_confirmed: 'confirmed it',
  placement_admitted: 'recorded the admission',
  placement_discharged: 'recorded the discharge',
  placement_cancelled: 'cancelled it',
};

type Step = { kind: CaseEventKind; action: AuditAction; details: Record<string, unknown>; words?: Record<string, unknown> };

/** The step on the case's timeline, in the audit trail (never the adviser's words) and on open screens. */
async function recordStep(trx: Kysely<Database>, actor: StaffActor, caseId: string, placementId: string, step: Step, now: Date) {
  const details = { placementId, ...step.details };
  await addToTimeline(trx, { caseId, actorId: actor.userId, kind: step.kind, details: { ...details, ...step.words }, at: now });
  await recordAudit(trx, { actorUserId: actor.userId, action: step.action, entityType: 'case', entityId: caseId, requestId: actor.requestId, details });
  await publishChange(trx, { topic: 'cases', id: caseId });
}

/** Locks the case and then the placement, checking the actor may change it and saw this version. */
async function lockPlacementStep(
  trx: Kysely<Database>,
  actor: StaffActor,
  input: { id: string; version: number },
  expected: PlacementStatus,
): Promise<{ locked: LockedCase; placement: LockedPlacement }> {
  const peek = await trx.selectFrom('placements').select('case_id').where('id', '=', input.id).executeTakeFirst();
  if (!peek) throw notFound('That placement does not exist');
  const locked = await lockCaseToChange(trx, actor, peek.case_id);
  const placement = await findPlacementForUpdate(trx, input.id);
  if (!placement) throw notFound('That placement does not exist');
  if (placement.version !== input.version) {
    const last = await findLastPlacementStep(trx, placement.case_id, placement.id);
    const who = last ? `${last.actorName ?? 'Someone'} ${stepWords[last.kind] ?? 'changed it'} at ${formatDateTime(last.at)}` : 'Someone changed it';
    throw conflict(`This placement changed after you opened it: ${who}. Reload to see where it is now.`);
  }
  if (locked.stage === 'closed') throw badRequest('This case is closed: a team lead can reopen it');
  if (placement.status !== expected) {
    throw badRequest(`This placement is ${placementStatusLabels[placement.status].toLowerCase()}, not ${placementStatusLabels[expected].toLowerCase()}`);
  }
  return { locked, placement };
}

/** A case's placements, newest first, read with the case. */
export function placementsOfCase(db: Kysely<Database>, caseId: string) {
  return findPlacementsOfCase(db, caseId);
}

/** Whether the case has a confirmed placement, a discharge and its last check-in, for the stage rules. */
export function placementFactsOfCase(db: Kysely<Database>, caseId: string) {
  return placementFactsOf(db, caseId);
}

export async function proposePlacement(
  db: Kysely<Database>,
  actor: StaffActor,
  input: { caseId: string; clinicId: string; programme: Service; lengthDays: number; weeklyPricePence: number },
  now: Date,
): Promise<{ id: string; version: number }> {
  try {
    return await db.transaction().execute(async (trx) => {
      const locked = await lockCaseToChange(trx, actor, input.caseId);
      if (locked.stage !== 'assessment' && locked.stage !== 'placement') {
        throw badRequest(
          locked.stage === 'enquiry' ? 'Move the case to Assessment before proposing a clinic' : 'Only a case in Assessment or Placement can have a clinic proposed',
        );
      }
      const active = await findActivePlacement(trx, input.caseId);
      if (active) {
        throw conflict(
          `This case already has a placement at ${active.clinicName} (${placementStatusLabels[active.status].toLowerCase()}), proposed by ${active.proposedByName} at ${formatDateTime(active.proposedAt)}. Cancel it before proposing another.`,
        );
      }
      const clinic = await lockClinic(trx, input.clinicId);
      if (!clinic.is_active) throw badRequest(`${clinic.name} is marked inactive in the directory`, 'clinicId');
      if (!clinic.services.includes(input.programme)) {
        throw badRequest(`${clinic.name} does not offer ${serviceLabels[input.programme].toLowerCase()}`, 'programme');
      }
      if (!clinic.programme_lengths_days.includes(input.lengthDays)) {
        throw badRequest(`${clinic.name} offers programmes of ${clinic.programme_lengths_days.join(', ')} days`, 'lengthDays');
      }
      if (input.weeklyPricePence < clinic.weekly_price_min_pence || input.weeklyPricePence > clinic.weekly_price_max_pence) {
        const range = `${formatPence(clinic.weekly_price_min_pence)} to ${formatPence(clinic.weekly_price_max_pence)}`;
        throw badRequest(`Weekly price must be within ${clinic.name}'s range, ${range}; a manager can change the range in the directory`, 'weeklyPricePence');
      }
      const { id, version } = await trx
        .insertInto('placements')
        .values({
          case_id: input.caseId,
          clinic_id: input.clinicId,
          status: 'proposed',
          programme: input.programme,
          length_days: input.lengthDays,
          weekly_price_pence: input.weeklyPricePence,
          proposed_by: actor.userId,
          proposed_at: now,
          updated_at: now,
        })
        .returning(['id', 'version'])
        .executeTakeFirstOrThrow();
      const details = { clinicId: clinic.id, clinicName: clinic.name, programme: input.programme, lengthDays: input.lengthDays, weeklyPricePence: input.weeklyPricePence };
      await recordStep(trx, actor, locked.id, id, { kind: 'placement_proposed', action: 'placements.proposed', details }, now);
      return { id, version };
    });
  } catch (error) {
    // Only when two proposals raced past the check above: the unique index kept one.
    if (isUniqueViolation(error)) throw conflict('Someone proposed a placement for this case a moment ago. Reload to see it.');
    throw error;
  }
}

/** The clinic has agreed: the service's fee is worked out from today's terms and frozen. */
export async function confirmPlacement(db: Kysely<Database>, actor: StaffActor, input: { id: string; version: number }, now: Date) {
  return db.transaction().execute(async (trx) => {
    const { locked, placement } = await lockPlacementStep(trx, actor, input, 'proposed');
    const clinic = await lockClinic(trx, placement.clinic_id);
    const feePence = serviceFeeOf(clinic.fee_terms, placement.weekly_price_pence, placement.length_days);
    const updated = await trx
      .updateTable('placements')
      .set({
        status: 'confirmed',
        fee_terms: JSON.stringify(clinic.fee_terms),
        fee_pence: feePence,
        confirmed_by: actor.userId,
        confirmed_at: now,
        version: placement.version + 1,
        updated_at: now,
      })
      .where('id', '=', placement.id)
      .returning(['version'])
      .executeTakeFirstOrThrow();
    await recordStep(trx, actor, locked.id, placement.id, { kind: 'placement_confirmed', action: 'placements.confirmed', details: { clinicName: clinic.name, feePence } }, now);
    return { version: updated.version, feePence };
  });
}

/**
 * The person arrived at the clinic: it takes a bed, and a case still in Assessment moves to
 * Placement, if the stage rules allow (a complete assessment and a funding route).
 */
export async function admitPlacement(db: Kysely<Database>, actor: StaffActor, input: { id: string; version: number; admittedOn: string }, now: Date) {
  return db.transaction().execute(async (trx) => {
    // A placement arranged on the phone may be written up after the person arrived, so the
    // admission may be any day that has happened, even before the proposal was recorded.
    const { locked, placement } = await lockPlacementStep(trx, actor, input, 'confirmed');
    if (locked.stage === 'assessment') {
      const check = checkStageMove(await stageFactsOf(trx, locked), { to: 'placement' }, can(actor.role, 'cases:supervise'));
      if (!check.allowed) throw badRequest(`The case cannot move to Placement yet: ${check.why}`);
    } else if (locked.stage !== 'placement') {
      throw badRequest('Only a case in Assessment or Placement can be admitted');
    }
    const clinic = await lockClinic(trx, placement.clinic_id);
    // The clinic has the person whatever the count said; a count already at 0 was out of date.
    await trx
      .updateTable('clinics')
      .set({ beds_available: sql<number>`greatest(beds_available - 1, 0)` })
      .where('id', '=', clinic.id)
      .execute();
    const updated = await trx
      .updateTable('placements')
      .set({ status: 'admitted', admitted_on: input.admittedOn, admitted_by: actor.userId, version: placement.version + 1, updated_at: now })
      .where('id', '=', placement.id)
      .returning(['version'])
      .executeTakeFirstOrThrow();
    await recordStep(trx, actor, locked.id, placement.id, { kind: 'placement_admitted', action: 'placements.admitted', details: { clinicName: clinic.name, admittedOn: input.admittedOn } }, now);
    if (locked.stage === 'assessment') await recordStageMove(trx, actor, locked, { to: 'placement', reason: `Admitted to ${clinic.name}` }, now);
    return { version: updated.version };
  });
}

/**
 * The person left the clinic: the bed is free again, the case moves to Aftercare and the
 * check-ins are booked for 7, 30, 90, 180 and 365 days after the discharge day.
 */
export async function dischargePlacement(
  db: Kysely<Database>,
  actor: StaffActor,
  input: { id: string; version: number; dischargedOn: string; outcome: DischargeOutcome },
  now: Date,
) {
  return db.transaction().execute(async (trx) => {
    const { locked, placement } = await lockPlacementStep(trx, actor, input, 'admitted');
    if (placement.admitted_on && input.dischargedOn < placement.admitted_on) {
      throw badRequest('Discharge date cannot be before the admission date', 'dischargedOn');
    }
    const clinic = await lockClinic(trx, placement.clinic_id);
    await trx
      .updateTable('clinics')
      .set({ beds_available: sql<number>`least(beds_available + 1, beds_total)` })
      .where('id', '=', clinic.id)
      .execute();
    const updated = await trx
      .updateTable('placements')
      .set({
        status: 'discharged',
        discharged_on: input.dischargedOn,
        discharge_outcome: input.outcome,
        discharged_by: actor.userId,
        version: placement.version + 1,
        updated_at: now,
      })
      .where('id', '=', placement.id)
      .returning(['version'])
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('aftercare_check_ins')
      .values(checkInSchedule(input.dischargedOn).map(({ daysAfter, dueOn }) => ({ case_id: locked.id, placement_id: placement.id, days_after: daysAfter, due_on: dueOn })))
      .execute();
    const details = { clinicName: clinic.name, dischargedOn: input.dischargedOn, outcome: input.outcome };
    await recordStep(trx, actor, locked.id, placement.id, { kind: 'placement_discharged', action: 'placements.discharged', details }, now);
    if (locked.stage === 'placement') await recordStageMove(trx, actor, locked, { to: 'aftercare', reason: `Discharged from ${clinic.name}` }, now);
    return { version: updated.version };
  });
}

/** A proposal or a confirmed placement that will not go ahead; an admission ends with a discharge. */
export async function cancelPlacement(db: Kysely<Database>, actor: StaffActor, input: { id: string; version: number; reason: string }, now: Date) {
  return db.transaction().execute(async (trx) => {
    const found = await trx.selectFrom('placements').select('status').where('id', '=', input.id).executeTakeFirst();
    if (found?.status === 'admitted') throw badRequest('The client has been admitted: record the discharge instead');
    const expected = found?.status === 'confirmed' ? 'confirmed' : 'proposed';
    const { locked, placement } = await lockPlacementStep(trx, actor, input, expected);
    const updated = await trx
      .updateTable('placements')
      .set({ status: 'cancelled', cancelled_at: now, cancelled_by: actor.userId, cancel_reason: input.reason, version: placement.version + 1, updated_at: now })
      .where('id', '=', placement.id)
      .returning(['version'])
      .executeTakeFirstOrThrow();
    await recordStep(trx, actor, locked.id, placement.id, { kind: 'placement_cancelled', action: 'placements.cancelled', details: { from: placement.status }, words: { reason: input.reason } }, now);
    return { version: updated.version };
  });
}
