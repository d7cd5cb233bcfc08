import { sql, type Kysely } from 'kysely';
import { matchesContact } from '../../db/contact-match';
import type { Database } from '../../db/database';
import type { ContactWithdrawalChannel } from '@harbour/shared/privacy';

export async function lockCaseByReference(trx: Kysely<Database>, reference: string) {
  return trx
    .selectFrom('cases')
    .select(['id', 'reference', 'caller_name as callerName', 'phone_e164 as phoneE164', 'email', 'erased_at as erasedAt', 'contact_withdrawn_on as withdrawnOn'])
    .where('reference', '=', reference)
    .forUpdate()
    .executeTakeFirst();
}

export async function recordWithdrawal(
  trx: Kysely<Database>,
  caseId: string,
  withdrawal: { on: string; via: ContactWithdrawalChannel; by: string; at: Date },
): Promise<void> {
  await trx
    .updateTable('cases')
    .set((eb) => ({
      contact_withdrawn_on: withdrawal.on,
      contact_withdrawn_via: withdrawal.via,
      contact_withdrawn_by: withdrawal.by,
      contact_withdrawn_recorded_at: withdrawal.at,
      // A planned call is exactly what they asked us not to make.
      next_action: null,
      next_action_due_at: null,
      version: eb('version', '+', 1),
      updated_at: withdrawal.at,
    }))
    .where('id', '=', caseId)
    .execute();
}

/** Closes the person's live callback requests (this case's, and unlinked ones from the same phone or email). */
export async function closeLiveRequestsOf(trx: Kysely<Database>, person: { caseId: string; phoneE164: string; email: string | null }, at: Date) {
  return trx
    .updateTable('callback_requests')
    .set((eb) => ({ status: 'declined', claimed_by: null, claim_expires_at: null, version: eb('version', '+', 1), updated_at: at }))
    .where('status', 'in', ['open', 'answered'])
    .where((eb) =>
      eb.or([
        eb('case_id', '=', person.caseId),
        eb.and([eb('case_id', 'is', null), matchesContact('callback_requests', { phoneE164: person.phoneE164, email: person.email ?? undefined })]),
      ]),
    )
    .returning('id')
    .execute();
}

/**
 * The withdrawal that forbids calling about this request: the person withdrew, on its case or
 * on a case with the same phone or email, after the request was made. A request made after the
 * withdrawal is them asking again, and may be answered.
 */
export async function findWithdrawalCoveringRequest(db: Kysely<Database>, requestId: string) {
  return db
    .selectFrom('callback_requests as request')
    .innerJoin('cases', (join) =>
      join.on((eb) =>
        eb.or([
          eb('cases.id', '=', eb.ref('request.case_id')),
          sql<boolean>`(cases.phone_e164 = request.phone_e164 or cases.email = request.email)`,
        ]),
      ),
    )
    .select(['request.full_name as name', 'cases.contact_withdrawn_on as withdrawnOn'])
    .where('request.id', '=', requestId)
    .where('cases.contact_withdrawn_on', 'is not', null)
    .where('cases.erased_at', 'is', null)
    .whereRef('request.requested_at', '<=', 'cases.contact_withdrawn_recorded_at')
    .orderBy('cases.contact_withdrawn_on', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function findWithdrawalOfCase(db: Kysely<Database>, caseId: string) {
  return db
    .selectFrom('cases')
    .select(['caller_name as name', 'contact_withdrawn_on as withdrawnOn'])
    .where('id', '=', caseId)
    .where('contact_withdrawn_on', 'is not', null)
    .executeTakeFirst();
}

/** The latest withdrawal by someone with this phone or email, for flagging their new request. */
export async function findWithdrawalOfContact(db: Kysely<Database>, contact: { phoneE164: string; email: string | null }) {
  return db
    .selectFrom('cases')
    .select('contact_withdrawn_on as withdrawnOn')
    .where(matchesContact('cases', { phoneE164: contact.phoneE164, email: contact.email ?? undefined }))
    .where('contact_withdrawn_on', 'is not', null)
    .where('erased_at', 'is', null)
    .orderBy('contact_withdrawn_on', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function flagRequestAfterWithdrawal(trx: Kysely<Database>, requestId: string, withdrawnOn: string): Promise<void> {
  await trx.updateTable('callback_requests').set({ follows_withdrawal_on: withdrawnOn }).where('id', '=', requestId).execute();
}

export async function findRequestContact(db: Kysely<Database>, requestId: string) {
  return db.selectFrom('callback_requests').select(['phone_e164 as phoneE164', 'email']).where('id', '=', requestId).executeTakeFirst();
}
