import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import { matchesContact } from '../../db/contact-match';
import type { CasesTable, Database } from '../../db/database';

/** Inserts a case with the next reference, H-<year in London>-<five or more digits>. */
export async function insertCase(trx: Kysely<Database>, row: Omit<Insertable<CasesTable>, 'reference'>) {
  return trx
    .insertInto('cases')
    .values({
      ...row,
      // lpad alone would cut a sixth digit off (PostgreSQL truncates to the length given), and
      // case 100,000 would collide with case 10,000: pad to five, never cut.
      reference: sql<string>`(select 'H-' || to_char(now() at time zone 'Europe/London', 'YYYY') || '-' || lpad(n::text, greatest(5, length(n::text)), '0') from nextval('case_reference_seq') as n)`,
    })
    .returning(['id', 'reference'])
    .executeTakeFirstOrThrow();
}

export async function findCaseSummaryById(db: Kysely<Database>, id: string) {
  return db.selectFrom('cases').select(['id', 'reference', 'stage', 'erased_at as erasedAt']).where('id', '=', id).executeTakeFirst();
}

/** Earlier cases for the same phone or email, newest first: the duplicate check. */
export async function findCasesByContact(db: Kysely<Database>, contact: { phoneE164?: string; email?: string }, limit: number) {
  if (!contact.phoneE164 && !contact.email) return [];
  return db
    .selectFrom('cases')
    .select([
      'id',
      'reference',
      'stage',
      'caller_name as callerName',
      'client_name as clientName',
      'caller_relation as callerRelation',
      'created_at as openedAt',
      'stage_changed_at as stageChangedAt',
    ])
    .where(matchesContact('cases', contact))
    .orderBy('created_at', 'desc')
    .orderBy('reference', 'desc')
    .limit(limit)
    .execute();
}

export async function findCaseByReference(db: Kysely<Database>, reference: string) {
  return db
    .selectFrom('cases')
    .leftJoin('users as adviser', 'adviser.id', 'cases.assigned_adviser_id')
    .leftJoin('users as withdrawal_recorder', 'withdrawal_recorder.id', 'cases.contact_withdrawn_by')
    .select([
      'cases.id',
      'cases.reference',
      'cases.stage',
      'cases.origin',
      'cases.client_name as clientName',
      'cases.client_date_of_birth as dateOfBirth',
      'cases.caller_name as callerName',
      'cases.caller_relation as callerRelation',
      'cases.relation_detail as relationDetail',
      'cases.phone_e164 as phone',
      'cases.email',
      'cases.postcode',
      'cases.region',
      'cases.preferred_contact_times as preferredContactTimes',
      'cases.safe_to_leave_voicemail as safeToLeaveVoicemail',
      'cases.safe_to_say_who_we_are as safeToSayWhoWeAre',
      'cases.substances',
      'cases.urgency_reason as urgencyReason',
      'cases.consent_to_contact as consentToContact',
      'cases.consent_to_contact_text as consentToContactText',
      'cases.consent_to_health_data as consentToHealthData',
      'cases.consent_to_health_data_text as consentToHealthDataText',
      'cases.consented_at as consentedAt',
      'cases.health_data_consent_at as healthDataConsentAt',
      'cases.assessment',
      'cases.risk_level as riskLevel',
      'cases.severity',
      'cases.criteria_met as criteriaMet',
      'cases.is_dual_diagnosis as isDualDiagnosis',
      'cases.assessment_complete as assessmentComplete',
      'cases.funding_route as fundingRoute',
      'cases.budget_min_pence as budgetMinPence',
      'cases.budget_max_pence as budgetMaxPence',
      'cases.insurer',
      'cases.policy_number as policyNumber',
      'cases.who_pays as whoPays',
      'cases.finance_notes as financeNotes',
      'cases.next_action as nextAction',
      'cases.next_action_due_at as nextActionDueAt',
      'cases.closure_reason as closureReason',
      'cases.assigned_adviser_id as assignedAdviserId',
      'adviser.full_name as assignedAdviserName',
      'cases.stage_changed_at as stageChangedAt',
      'cases.created_at as openedAt',
      'cases.version',
      'cases.contact_version as contactVersion',
      'cases.assessment_version as assessmentVersion',
      'cases.finances_version as financesVersion',
      'cases.erased_at as erasedAt',
      'cases.contact_withdrawn_on as contactWithdrawnOn',
      'cases.contact_withdrawn_via as contactWithdrawnVia',
      'withdrawal_recorder.full_name as contactWithdrawnByName',
    ])
    .where('cases.reference', '=', reference)
    .executeTakeFirst();
}

/** Someone answered one of our calls about this case. */
export async function hasContactBeenMade(db: Kysely<Database>, caseId: string): Promise<boolean> {
  const found = await db
    .selectFrom('callback_attempts')
    .innerJoin('callback_requests', 'callback_requests.id', 'callback_attempts.callback_id')
    .select('callback_attempts.id')
    .where('callback_requests.case_id', '=', caseId)
    .where('callback_attempts.outcome', 'in', ['answered', 'call_back_later', 'declined'])
    .limit(1)
    .executeTakeFirst();
  return found !== undefined;
}

export async function findOpenCrisis(db: Kysely<Database>, caseId: string) {
  return db
    .selectFrom('case_crises')
    .innerJoin('users', 'users.id', 'case_crises.raised_by')
    .select(['case_crises.id', 'case_crises.raised_at as raisedAt', 'users.full_name as raisedByName'])
    .where('case_crises.case_id', '=', caseId)
    .where('case_crises.resolved_at', 'is', null)
    .executeTakeFirst();
}

export async function insertNote(
  trx: Kysely<Database>,
  note: { caseId: string; authorId: string; body: string; isPinned?: boolean; createdAt: Date },
): Promise<{ id: string }> {
  return trx
    .insertInto('case_notes')
    .values({ case_id: note.caseId, author_id: note.authorId, body: note.body, is_pinned: note.isPinned ?? false, created_at: note.createdAt })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function findNotes(db: Kysely<Database>, caseId: string) {
  return db
    .selectFrom('case_notes')
    .innerJoin('users', 'users.id', 'case_notes.author_id')
    .select(['case_notes.id', 'case_notes.body', 'case_notes.is_pinned as isPinned', 'case_notes.created_at as createdAt', 'users.full_name as authorName'])
    .where('case_notes.case_id', '=', caseId)
    .orderBy('case_notes.is_pinned', 'desc')
    .orderBy('case_notes.created_at', 'desc')
    .execute();
}

/**
 * A new contact with someone who already has a case: urgency is raised, never lowered, and
 * substances are added to what was known (only with consent to record them). No section's
 * version moves: nothing an adviser edits is overwritten, so nobody's open page goes stale.
 */
export async function mergeContactIntoCase(
  trx: Kysely<Database>,
  caseId: string,
  contact: { urgencyReason: Database['cases']['urgency_reason']; substances: string[] },
  now: Date,
): Promise<void> {
  await trx
    .updateTable('cases')
    .set((eb) => ({
      urgency_reason: eb.fn.coalesce('urgency_reason', sql<Database['cases']['urgency_reason']>`${contact.urgencyReason}::text`),
      substances: sql<string[]>`array(select distinct unnest(substances || ${contact.substances}::text[]) order by 1)`,
      updated_at: now,
    }))
    .where('id', '=', caseId)
    .execute();
}

/** The whole row, locked until the transaction ends: every change to a case starts here. */
export async function findCaseForUpdate(trx: Kysely<Database>, id: string) {
  return trx
    .selectFrom('cases')
    .leftJoin('users as adviser', 'adviser.id', 'cases.assigned_adviser_id')
    .selectAll('cases')
    .select('adviser.full_name as assignedAdviserName')
    .where('cases.id', '=', id)
    .forUpdate('cases')
    .executeTakeFirst();
}

export async function updateCase(trx: Kysely<Database>, id: string, set: Updateable<CasesTable>): Promise<void> {
  await trx.updateTable('cases').set(set).where('id', '=', id).execute();
}
