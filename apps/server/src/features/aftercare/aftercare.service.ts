import { checkInOutcomeLabels, checkInTiming, RELAPSE_NEXT_ACTION, type AftercarePlan, type CheckInOutcome } from '@harbour/shared/aftercare';
import { formatDateTime } from '@harbour/shared/format';
import { londonDayOf } from '@harbour/shared/london-day';
import type { Kysely } from 'kysely';
import type { StaffActor } from '../../actor';
import type { Database } from '../../db/database';
import { publishChange } from '../../realtime/changes';
import { badRequest, conflict, notFound } from '../../trpc/errors';
import { recordAudit, recordLookUp } from '../audit/audit.service';
import { lockCaseToChange } from '../cases/case-access.service';
import { addToTimeline, putNextAction } from '../cases/case-changes.service';
import { findAftercarePlan, findCheckInForUpdate, findCheckInsOfCase, findDueCheckIns, isOfLatestPlacement } from './aftercare.queries';

/** The plan and the check-ins, read with the case (whose view is audited). */
export async function aftercareOfCase(db: Kysely<Database>, caseId: string) {
  const [plan, checkIns] = await Promise.all([findAftercarePlan(db, caseId), findCheckInsOfCase(db, caseId)]);
  return { plan: plan ?? null, checkIns };
}

export async function saveAftercarePlan(
  db: Kysely<Database>,
  actor: StaffActor,
  input: { caseId: string; version: number; plan: AftercarePlan },
  now: Date,
): Promise<{ version: number }> {
  return db.transaction().execute(async (trx) => {
    const locked = await lockCaseToChange(trx, actor, input.caseId);
    if (locked.stage !== 'placement' && locked.stage !== 'aftercare') {
      throw badRequest('An aftercare plan is made once the client is in a placement or in aftercare');
    }
    const current = await findAftercarePlan(trx, input.caseId);
    if ((current?.version ?? 0) !== input.version) {
      const who = current ? `${current.updatedByName} saved the aftercare plan at ${formatDateTime(current.updatedAt)}` : 'Someone changed the aftercare plan';
      throw conflict(`${who}, after you opened it. Reload to see their change; what you typed stays on screen.`);
    }
    const columns = {
      support_groups: input.plan.supportGroups,
      local_services: input.plan.localServices ?? null,
      therapy: input.plan.therapy ?? null,
      notes: input.plan.notes ?? null,
      updated_by: actor.userId,
      updated_at: now,
    };
    const version = input.version + 1;
    if (current) {
      await trx.updateTable('aftercare_plans').set({ ...columns, version }).where('case_id', '=', input.caseId).execute();
    } else {
      await trx.insertInto('aftercare_plans').values({ case_id: input.caseId, ...columns, version }).execute();
    }
    const details = { supportGroups: input.plan.supportGroups };
    await addToTimeline(trx, { caseId: input.caseId, actorId: actor.userId, kind: 'aftercare_plan_saved', details, at: now });
    await recordAudit(trx, { actorUserId: actor.userId, action: 'aftercare.plan_saved', entityType: 'case', entityId: input.caseId, requestId: actor.requestId });
    await publishChange(trx, { topic: 'cases', id: input.caseId });
    return { version };
  });
}

/**
 * Records how a check-in call went. A relapse puts a decision on the case's next action, due
 * now, so it reaches a team lead's worklist; the team lead reopens the case with a reason.
 */
export async function recordCheckIn(
  db: Kysely<Database>,
  actor: StaffActor,
  input: { id: string; version: number; outcome: CheckInOutcome; notes?: string },
  now: Date,
): Promise<{ version: number }> {
  return db.transaction().execute(async (trx) => {
    const peek = await trx.selectFrom('aftercare_check_ins').select('case_id').where('id', '=', input.id).executeTakeFirst();
    if (!peek) throw notFound('That check-in does not exist');
    const locked = await lockCaseToChange(trx, actor, peek.case_id);
    const checkIn = await findCheckInForUpdate(trx, input.id);
    if (!checkIn) throw notFound('That check-in does not exist');
    if (checkIn.version !== input.version || checkIn.outcome !== null) {
      const who = checkIn.recorded_by
        ? await trx.selectFrom('users').select('full_name').where('id', '=', checkIn.recorded_by).executeTakeFirst()
        : undefined;
      const what = checkIn.outcome ? `"${checkInOutcomeLabels[checkIn.outcome]}"` : 'an outcome';
      throw conflict(`${who?.full_name ?? 'Someone'} recorded ${what} for this check-in${checkIn.recorded_at ? ` at ${formatDateTime(checkIn.recorded_at)}` : ''}. Reload to see it.`);
    }
    if (locked.stage !== 'aftercare') throw badRequest('Check-ins are recorded while the case is in Aftercare');
    if (!(await isOfLatestPlacement(trx, checkIn.case_id, checkIn.placement_id))) {
      throw badRequest('This check-in belongs to an earlier discharge; record the ones booked for the latest');
    }
    const updated = await trx
      .updateTable('aftercare_check_ins')
      .set({ outcome: input.outcome, notes: input.notes ?? null, recorded_by: actor.userId, recorded_at: now, version: checkIn.version + 1 })
      .where('id', '=', checkIn.id)
      .returning('version')
      .executeTakeFirstOrThrow();
    if (input.outcome === 'relapsed') {
      await putNextAction(trx, actor, locked, RELAPSE_NEXT_ACTION, now, now);
    }
    const details = { checkInId: checkIn.id, daysAfter: checkIn.days_after, outcome: input.outcome, timing: checkInTiming(checkIn.due_on, now) };
    await addToTimeline(trx, { caseId: locked.id, actorId: actor.userId, kind: 'check_in_recorded', details: { ...details, notes: input.notes ?? null }, at: now });
    await recordAudit(trx, { actorUserId: actor.userId, action: 'aftercare.check_in_recorded', entityType: 'case', entityId: locked.id, requestId: actor.requestId, details });
    await publishChange(trx, { topic: 'cases', id: locked.id });
    return { version: updated.version };
  });
}

/** The check-in calls due today or overdue, oldest first; who was shown them is audited. */
export async function listDueCheckIns(db: Kysely<Database>, actor: StaffActor, input: { scope: 'mine' | 'all' }, now: Date) {
  const today = londonDayOf(now);
  const rows = await findDueCheckIns(db, { today, adviserId: input.scope === 'mine' ? actor.userId : undefined });
  await recordLookUp(db, actor, { action: 'aftercare.check_ins_listed', entityType: 'case', ids: [...new Set(rows.map((row) => row.caseId))] });
  return rows.map((row) => ({ ...row, timing: checkInTiming(row.dueOn, now) }));
}
