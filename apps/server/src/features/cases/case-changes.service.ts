import { RELAPSE_NEXT_ACTION } from '@harbour/shared/aftercare';
import { assessmentGaps, assessmentSummaryOf, type Assessment, type financesSchema } from '@harbour/shared/assessment';
import { CONSENT_TO_HEALTH_DATA_TEXT } from '@harbour/shared/callbacks';
import type { contactDetailsSchema } from '@harbour/shared/case-record';
import { can } from '@harbour/shared/permissions';
import type { CaseStage } from '@harbour/shared/cases';
import { checkStageMove, type ClosureReason, type StageFacts, type moveStageSchema } from '@harbour/shared/stages';
import type { Kysely, Updateable } from 'kysely';
import type { z } from 'zod';
import type { StaffActor } from '../../actor';
import type { CaseEventKind, CasesTable, Database } from '../../db/database';
import { publishChange } from '../../realtime/changes';
import { badRequest, forbidden } from '../../trpc/errors';
import { recordAudit } from '../audit/audit.service';
import { changedFields, lockCaseForChange, maySeePolicyNumber, versionColumnOf, type CaseSection, type LockedCase } from './case-access.service';
import { findLastChange, insertCaseEvent } from './case-events.queries';
import { raiseCrisisOnSave } from './crises.service';
import { findOpenCrisis, hasContactBeenMade, updateCase } from './cases.queries';
import { isActiveStaffMember } from '../users/users.service';
import { refuseContactIfWithdrawn } from '../privacy/contact-consent.service';
import { placementFactsOfCase } from '../placements/placements.service';

interface Change {
  section: CaseSection;
  kind: CaseEventKind;
  set: Updateable<CasesTable>;
  /** What the timeline and the audit trail say: field names and codes, never a person's words. */
  details: Record<string, unknown>;
  /** The adviser's own words (a reason): on the case's timeline only, never in the audit trail. */
  words?: Record<string, unknown>;
}

/**
 * Writes one change to a locked case: the new values and the section's next version, an event
 * on its timeline, the audit entry, and a notice to open screens. Returns the new version.
 */
async function applyChange(trx: Kysely<Database>, actor: StaffActor, locked: LockedCase, change: Change, now: Date): Promise<number> {
  const column = versionColumnOf(change.section);
  const version = locked[column] + 1;
  await updateCase(trx, locked.id, { ...change.set, [column]: version, updated_at: now });
  await insertCaseEvent(trx, { caseId: locked.id, actorId: actor.userId, kind: change.kind, details: { ...change.details, ...change.words }, at: now });
  await recordAudit(trx, {
    actorUserId: actor.userId,
    action: 'cases.updated',
    entityType: 'case',
    entityId: locked.id,
    requestId: actor.requestId,
    details: { change: change.kind, ...change.details },
  });
  await publishChange(trx, { topic: 'cases', id: locked.id });
  return version;
}

type ContactDetails = z.output<typeof contactDetailsSchema>;

/** The contact section as the cases table stores it; the demo history writes it the same way. */
export const contactColumns = (contact: ContactDetails) => ({
  client_name: contact.clientName ?? null,
  client_date_of_birth: contact.dateOfBirth ?? null,
  caller_name: contact.callerName,
  caller_relation: contact.callerRelation,
  relation_detail: contact.relationDetail ?? null,
  phone_e164: contact.phone,
  email: contact.email ?? null,
  postcode: contact.postcode ?? null,
  region: contact.region ?? null,
  preferred_contact_times: contact.preferredContactTimes ?? null,
  safe_to_leave_voicemail: contact.safeToLeaveVoicemail ?? null,
  safe_to_say_who_we_are: contact.safeToSayWhoWeAre ?? null,
});

export async function updateContact(
  db: Kysely<Database>,
  actor: StaffActor,
  input: { id: string; version: number; contact: ContactDetails },
  now: Date,
): Promise<{ version: number }> {
  return db.transaction().execute(async (trx) => {
    const locked = await lockCaseForChange(trx, actor, input.id, 'contact', input.version);
    const set = contactColumns(input.contact);
    const fields = changedFields(locked, set);
    const version = await applyChange(trx, actor, locked, { section: 'contact', kind: 'contact_updated', set, details: { fields } }, now);
    return { version };
  });
}

/** Asked on the call when the web form did not get it; withdrawing it is handled with erasure. */
export async function recordHealthDataConsent(
  db: Kysely<Database>,
  actor: StaffActor,
  input: { id: string; version: number; given: boolean },
  now: Date,
): Promise<{ version: number }> {
  return db.transaction().execute(async (trx) => {
    const locked = await lockCaseForChange(trx, actor, input.id, 'contact', input.version);
    if (!input.given && locked.assessment !== null) {
      throw badRequest('This case already holds an assessment: withdrawing consent means erasing it, which a manager does');
    }
    const set = { consent_to_health_data: input.given, consent_to_health_data_text: CONSENT_TO_HEALTH_DATA_TEXT, health_data_consent_at: now };
    const details = { consent: 'health_data', given: input.given };
    const version = await applyChange(trx, actor, locked, { section: 'contact', kind: 'consent_recorded', set, details }, now);
    return { version };
  });
}

export async function updateAssessment(db: Kysely<Database>, actor: StaffActor, input: Assessment, now: Date) {
  const { id, version: readVersion, ...assessment } = input;
  return db.transaction().execute(async (trx) => {
    const locked = await lockCaseForChange(trx, actor, id, 'assessment', readVersion);
    if (!locked.consent_to_health_data) {
      throw badRequest("Record the client's consent to us keeping health information before saving the assessment");
    }
    const summary = assessmentSummaryOf(assessment);
    const previousSave = await findLastChange(trx, id, ['assessment_updated']);
    const fields = changedFields(locked.assessment, assessment);
    const set = assessmentColumns(assessment, summary, locked.substances);
    const details = { fields, riskLevel: summary.riskLevel, previousRiskLevel: locked.risk_level, severity: summary.severity };
    const version = await applyChange(trx, actor, locked, { section: 'assessment', kind: 'assessment_updated', set, details }, now);
    if (summary.riskLevel === 'immediate') {
      await raiseCrisisOnSave(trx, actor, { caseId: id, previousLevel: locked.risk_level, previousSaveAt: previousSave?.at ?? null }, now);
    }
    return { version, ...summary };
  });
}

/**
 * The assessment as the cases table stores it, with the figures read from it. What was
 * mentioned on earlier calls stays; the assessment adds what it found.
 */
export function assessmentColumns(assessment: Omit<Assessment, 'id' | 'version'>, summary: ReturnType<typeof assessmentSummaryOf>, mentionedBefore: string[]) {
  return {
    assessment: JSON.stringify(assessment),
    primary_substance: summary.primarySubstance,
    criteria_met: summary.criteriaMet,
    severity: summary.severity,
    audit_score: summary.auditScore,
    risk_level: summary.riskLevel,
    is_dual_diagnosis: summary.isDualDiagnosis,
    assessment_complete: summary.isComplete,
    substances: [...new Set([...mentionedBefore, ...assessment.substances.map((row) => row.substance)])].sort(),
  } satisfies Updateable<CasesTable>;
}

type Finances = z.output<typeof financesSchema>;

/** The finances section as the cases table stores it, but for the policy number, which depends on who may see it. */
export const financeColumns = (finances: Finances) =>
  ({
    funding_route: finances.fundingRoute ?? null,
    budget_min_pence: finances.budgetMinPence ?? null,
    budget_max_pence: finances.budgetMaxPence ?? null,
    insurer: finances.insurer ?? null,
    who_pays: finances.whoPays ?? null,
    finance_notes: finances.notes ?? null,
  }) satisfies Updateable<CasesTable>;

export async function updateFinances(
  db: Kysely<Database>,
  actor: StaffActor,
  input: { id: string; version: number; finances: Finances },
  now: Date,
): Promise<{ version: number }> {
  return db.transaction().execute(async (trx) => {
    const locked = await lockCaseForChange(trx, actor, input.id, 'finances', input.version);
    const { finances } = input;
    const set: Updateable<CasesTable> = {
      ...financeColumns(finances),
      // Someone who only sees it masked cannot have typed it: what is stored stays. With none
      // stored nothing was masked, so whatever they typed is theirs to save.
      ...(maySeePolicyNumber(actor, locked.assigned_adviser_id) || locked.policy_number === null
        ? { policy_number: finances.policyNumber ?? null }
        : {}),
    };
    const fields = changedFields(locked, set);
    const version = await applyChange(trx, actor, locked, { section: 'finances', kind: 'finances_updated', set, details: { fields } }, now);
    return { version };
  });
}

export async function setNextAction(
  db: Kysely<Database>,
  actor: StaffActor,
  input: { id: string; version: number; what: string; dueAt: Date },
  now: Date,
): Promise<{ version: number }> {
  return db.transaction().execute(async (trx) => {
    const locked = await lockCaseForChange(trx, actor, input.id, 'case', input.version);
    if (locked.stage === 'closed') throw badRequest('A closed case has no next action');
    await refuseContactIfWithdrawn(trx, locked.id, 'no next action can be planned');
    if (input.dueAt.getTime() < now.getTime() - 5 * 60_000) throw badRequest('The next action cannot be due in the past', 'dueAt');
    const set = { next_action: input.what, next_action_due_at: input.dueAt };
    const details = { dueAt: input.dueAt.toISOString() };
    const words = { what: input.what };
    const version = await applyChange(trx, actor, locked, { section: 'case', kind: 'next_action_set', set, details, words }, now);
    return { version };
  });
}

/** An entry on a case's timeline for a change recorded elsewhere (a placement, a check-in). */
export async function addToTimeline(
  trx: Kysely<Database>,
  event: { caseId: string; actorId: string; kind: CaseEventKind; details?: Record<string, unknown>; at: Date },
): Promise<void> {
  await insertCaseEvent(trx, event);
}

/** Puts something on a locked case's next action, as a change of its own. */
export async function putNextAction(trx: Kysely<Database>, actor: StaffActor, locked: LockedCase, what: string, dueAt: Date, now: Date): Promise<number> {
  const set = { next_action: what, next_action_due_at: dueAt };
  return applyChange(trx, actor, locked, { section: 'case', kind: 'next_action_set', set, details: { dueAt: dueAt.toISOString() }, words: { what } }, now);
}

export async function assignCase(
  db: Kysely<Database>,
  actor: StaffActor,
  input: { id: string; version: number; adviserId: string | null },
  now: Date,
): Promise<{ version: number }> {
  return db.transaction().execute(async (trx) => {
    const locked = await lockCaseForChange(trx, actor, input.id, 'case', input.version);
    // An adviser may take an unassigned case, or hand their own back; moving work between
    // colleagues is a team lead's call.
    const isSelfService = input.adviserId === actor.userId || (input.adviserId === null && locked.assigned_adviser_id === actor.userId);
    if (!can(actor.role, 'cases:supervise') && !isSelfService) throw forbidden('Only a team lead can give a case to someone else');
    if (input.adviserId !== null) {
      if (!(await isActiveStaffMember(trx, input.adviserId))) throw badRequest('Choose an active member of staff', 'adviserId');
    }
    const set = { assigned_adviser_id: input.adviserId };
    const details = { from: locked.assigned_adviser_id, to: input.adviserId };
    const version = await applyChange(trx, actor, locked, { section: 'case', kind: 'assigned', set, details }, now);
    return { version };
  });
}

/** The facts the stage rules need, read from the case, its calls, placements and check-ins. */
export async function stageFactsOf(
  db: Kysely<Database>,
  row: Pick<LockedCase, 'id' | 'stage' | 'origin' | 'consent_to_contact' | 'consent_to_health_data' | 'assessment' | 'funding_route'>,
  /** Whether a crisis is open, when the caller has already read it. */
  hasOpenCrisis?: boolean,
): Promise<StageFacts> {
  const assessment = row.assessment ?? { substances: [], criteria: {}, risk: {} };
  return {
    stage: row.stage,
    contactMade: row.origin === 'inbound_call' || (await hasContactBeenMade(db, row.id)),
    consentsRecorded: row.consent_to_contact && row.consent_to_health_data,
    assessmentGaps: assessmentGaps(assessment),
    fundingRouteSet: row.funding_route !== null && row.funding_route !== 'undecided',
    ...(await placementFactsOfCase(db, row.id)),
    hasOpenCrisis: hasOpenCrisis ?? (await findOpenCrisis(db, row.id)) !== undefined,
  };
}

/** A case's version, stage and the facts its stage rules need, without locking it. */
export async function caseForStageOptions(db: Kysely<Database>, id: string) {
  const row = await db
    .selectFrom('cases')
    .select(['id', 'version', 'stage', 'origin', 'consent_to_contact', 'consent_to_health_data', 'assessment', 'funding_route'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  return { version: row.version, stage: row.stage, facts: await stageFactsOf(db, row) };
}

export async function moveStage(db: Kysely<Database>, actor: StaffActor, input: z.output<typeof moveStageSchema>, now: Date): Promise<{ version: number }> {
  return db.transaction().execute(async (trx) => {
    const locked = await lockCaseForChange(trx, actor, input.id, 'case', input.version);
    const check = checkStageMove(await stageFactsOf(trx, locked), input, can(actor.role, 'cases:supervise'));
    if (!check.allowed) throw badRequest(check.why, 'to');
    const version = await recordStageMove(trx, actor, locked, input, now);
    return { version };
  });
}

/**
 * Moves a locked case to another stage once the rules have allowed it: from a team lead's or an
 * adviser's choice, or because a placement was admitted or discharged. Returns the new version.
 */
export async function recordStageMove(
  trx: Kysely<Database>,
  actor: StaffActor,
  locked: LockedCase,
  move: { to: CaseStage; closureReason?: ClosureReason; reason?: string },
  now: Date,
): Promise<number> {
  const isClosing = move.to === 'closed';
  // A closed case waits for nothing; a case leaving Aftercare has had its relapse decided.
  const answersNextAction = isClosing || (locked.stage === 'aftercare' && locked.next_action === RELAPSE_NEXT_ACTION);
  const set: Updateable<CasesTable> = {
    stage: move.to,
    stage_changed_at: now,
    closure_reason: isClosing ? (move.closureReason ?? null) : null,
    ...(answersNextAction ? { next_action: null, next_action_due_at: null } : {}),
  };
  const details = { from: locked.stage, to: move.to, closureReason: move.closureReason ?? null };
  const words = { reason: move.reason ?? null };
  return applyChange(trx, actor, locked, { section: 'case', kind: 'stage_moved', set, details, words }, now);
}
