import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import { caseRecordColumns } from '../../db/case-record-columns';
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
      ...caseRecordColumns,
      'cases.assessment_complete as assessmentComplete',
      'cases.assigned_adviser_id as assignedAdviserId',
      'adviser.full_name as assignedAdviserName',
      'cases.version',
      'cases.contact_version as contactVersion',
      'cases.assessment_version as assessmentVersion',
      'cases.finances_version as financesVersion',
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
