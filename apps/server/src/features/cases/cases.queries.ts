import { sql, type Insertable, type Kysely } from 'kysely';
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
    .where((eb) => {
      const matches = [];
      if (contact.phoneE164) matches.push(eb('phone_e164', '=', contact.phoneE164));
      if (contact.email) matches.push(eb('email', '=', contact.email));
      return eb.or(matches);
    })
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
      'cases.notes',
      'cases.assigned_adviser_id as assignedAdviserId',
      'adviser.full_name as assignedAdviserName',
      'cases.stage_changed_at as stageChangedAt',
      'cases.created_at as openedAt',
      'cases.version',
    ])
    .where('cases.reference', '=', reference)
    .executeTakeFirst();
}
