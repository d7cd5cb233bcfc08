import { sql, type Insertable, type Kysely } from 'kysely';
import { matchesContact } from '../../db/contact-match';
import type { CasesTable, Database } from '../../db/database';

/** Inserts a case with the next reference, H-<year in London>-<five or more digits>. */
export async function insertCase(trx: Kysely<Database>, row: Omit<Insertable<CasesTable>, 'reference'>) {
  return trx
    .insertInto('cases')
    .values({
      ...row,
      reference: sql<string>`'H-' || to_char(now() at time zone 'Europe/London', 'YYYY') || '-' || lpad(nextval('case_reference_seq')::text, 5, '0')`,
    })
    .returning(['id', 'reference'])
    .executeTakeFirstOrThrow();
}

export async function findCaseSummaryById(db: Kysely<Database>, id: string) {
  return db.selectFrom('cases').select(['id', 'reference', 'stage']).where('id', '=', id).executeTakeFirst();
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
    .select([
      'cases.id',
      'cases.reference',
      'cases.stage',
      'cases.origin',
      'cases.client_name as clientName',
      'cases.caller_name as callerName',
      'cases.caller_relation as callerRelation',
      'cases.phone_e164 as phone',
      'cases.email',
      'cases.substances',
      'cases.urgency_reason as urgencyReason',
      'cases.consent_to_contact as consentToContact',
      'cases.consent_to_contact_text as consentToContactText',
      'cases.consent_to_health_data as consentToHealthData',
      'cases.consent_to_health_data_text as consentToHealthDataText',
      'cases.consented_at as consentedAt',
      'cases.assigned_adviser_id as assignedAdviserId',
      'adviser.full_name as assignedAdviserName',
      'cases.stage_changed_at as stageChangedAt',
      'cases.created_at as openedAt',
      'cases.version',
    ])
    .where('cases.reference', '=', reference)
    .executeTakeFirst();
}

export async function insertNote(trx: Kysely<Database>, note: { caseId: string; authorId: string; body: string; createdAt: Date }): Promise<void> {
  await trx
    .insertInto('case_notes')
    .values({ case_id: note.caseId, author_id: note.authorId, body: note.body, created_at: note.createdAt })
    .execute();
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
 * substances are added to what was known (only with consent to record them).
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
      version: eb('version', '+', 1),
      updated_at: now,
    }))
    .where('id', '=', caseId)
    .execute();
}
