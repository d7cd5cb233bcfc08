import type { z } from 'zod';
import type { recordCrisisActionSchema } from '@harbour/shared/case-record';
import type { Kysely } from 'kysely';
import type { StaffActor } from '../../actor';
import type { Database } from '../../db/database';
import { publishChange } from '../../realtime/changes';
import { notFound } from '../../trpc/errors';
import { recordAudit, recordLookUp } from '../audit/audit.service';
import { insertCaseEvent } from './case-events.queries';
import { findCaseSummaryById } from './cases.queries';
import { findLatestCrisisRaisedAt, findOpenCrises, insertOpenCrisis, insertResolvedCrisis, resolveOpenCrisis } from './crises.queries';

// The crisis protocol: the moment an assessment says "immediate" a crisis is open, every team
// lead on shift sees it, and it stays open until the adviser records what was done.

/** Opens a crisis on the case unless one is open already. Call inside a transaction. */
export async function raiseCrisis(trx: Kysely<Database>, actor: StaffActor, caseId: string, now: Date): Promise<void> {
  const raised = await insertOpenCrisis(trx, { caseId, raisedBy: actor.userId, at: now });
  if (!raised) return;
  await insertCaseEvent(trx, { caseId, actorId: actor.userId, kind: 'crisis_raised', at: now });
  await recordAudit(trx, { actorUserId: actor.userId, action: 'cases.crisis_raised', entityType: 'case', entityId: caseId, requestId: actor.requestId });
  await publishChange(trx, { topic: 'crises', id: caseId });
}

/**
 * A save that makes the risk immediate raises the crisis too, in case the screen's own alert
 * never arrived. Not when the risk was already immediate, and not when a crisis was raised
 * since the last save: the screen raised it while the adviser answered, and it may already
 * have been dealt with. Call inside the transaction that saves the assessment.
 */
export async function raiseCrisisOnSave(
  trx: Kysely<Database>,
  actor: StaffActor,
  save: { caseId: string; previousLevel: string | null; previousSaveAt: Date | null },
  now: Date,
): Promise<void> {
  if (save.previousLevel === 'immediate') return;
  const latestRaise = await findLatestCrisisRaisedAt(trx, save.caseId);
  const isRaisedSinceLastSave = latestRaise !== null && (save.previousSaveAt === null || latestRaise > save.previousSaveAt);
  if (!isRaisedSinceLastSave) await raiseCrisis(trx, actor, save.caseId, now);
}

/** The screen raises it as soon as the adviser's answers say "immediate", before any save. */
export async function raiseCrisisOnCase(db: Kysely<Database>, actor: StaffActor, caseId: string, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (!(await findCaseSummaryById(trx, caseId))) throw notFound('That case does not exist');
    await raiseCrisis(trx, actor, caseId, now);
  });
}

type CrisisAction = z.output<typeof recordCrisisActionSchema>;

/**
 * Closes the open crisis with what was done. Anyone on shift may: a team lead who takes over
 * the call records it as well as the adviser. With no crisis open (the alert was lost on the
 * way) the action is still recorded, as a crisis raised and resolved at once.
 */
export async function recordCrisisAction(db: Kysely<Database>, actor: StaffActor, input: CrisisAction, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (!(await findCaseSummaryById(trx, input.id))) throw notFound('That case does not exist');
    const resolution = { actions: input.actions, details: input.details ?? null, resolvedBy: actor.userId, at: now };
    if (!(await resolveOpenCrisis(trx, input.id, resolution))) await insertResolvedCrisis(trx, input.id, resolution);
    await insertCaseEvent(trx, {
      caseId: input.id,
      actorId: actor.userId,
      kind: 'crisis_action_recorded',
      details: { actions: input.actions, details: input.details ?? null },
      at: now,
    });
    await recordAudit(trx, {
      actorUserId: actor.userId,
      action: 'cases.crisis_action_recorded',
      entityType: 'case',
      entityId: input.id,
      requestId: actor.requestId,
      details: { actions: input.actions },
    });
    await publishChange(trx, { topic: 'crises', id: input.id });
    await publishChange(trx, { topic: 'cases', id: input.id });
  });
}

/** Every crisis still waiting for its action, oldest first: what a team lead's alert shows. */
export async function listOpenCrises(db: Kysely<Database>, actor: StaffActor) {
  const crises = await findOpenCrises(db);
  await recordLookUp(db, actor, { action: 'cases.crises_listed', entityType: 'case', ids: crises.map((crisis) => crisis.caseId) });
  return crises;
}
