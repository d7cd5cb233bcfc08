import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/database';

const caseColumns = [
  'cases.id as caseId',
  'cases.reference',
  'cases.client_name as clientName',
  'cases.caller_name as callerName',
  'cases.risk_level as riskLevel',
  'cases.stage',
] as const;

/** The adviser's open cases whose next action falls due by `until` (overdue ones included). */
export function findNextActionsDue(db: Kysely<Database>, adviserId: string, until: Date) {
  return db
    .selectFrom('cases')
    .select([...caseColumns, 'cases.next_action as nextAction', 'cases.next_action_due_at as dueAt'])
    .where('cases.assigned_adviser_id', '=', adviserId)
    .where('cases.stage', '!=', 'closed')
    .where('cases.next_action_due_at', '<=', until)
    .orderBy('cases.next_action_due_at')
    .limit(200)
    .execute();
}

/**
 * The last time someone spoke to the person: the call that opened the case, an answered
 * callback, what is only recorded during a conversation (their details, consent, an
 * assessment, the crisis action), or a check-in that reached them.
 */
const lastContactAt = sql<Date | null>`greatest(
  case when cases.origin = 'inbound_call' then cases.created_at end,
  (select max(attempt.attempted_at) from callback_attempts attempt
     join callback_requests request on request.id = attempt.callback_id
    where request.case_id = cases.id and attempt.outcome in ('answered', 'call_back_later', 'declined')),
  (select max(event.occurred_at) from case_events event
    where event.case_id = cases.id
      and event.kind in ('contact_updated', 'consent_recorded', 'assessment_updated', 'crisis_action_recorded')),
  (select max(check_in.recorded_at) from aftercare_check_ins check_in
    where check_in.case_id = cases.id and check_in.outcome <> 'unreachable')
)`;

/**
 * The adviser's high and immediate risk cases nobody has spoken to since `since`, before a
 * placement: once admitted the clinic has them, and aftercare has its own check-ins.
 */
export function findAtRiskWithoutContact(db: Kysely<Database>, adviserId: string, since: Date) {
  return db
    .selectFrom('cases')
    .select([...caseColumns, lastContactAt.as('lastContactAt')])
    .where('cases.assigned_adviser_id', '=', adviserId)
    .where('cases.stage', 'in', ['enquiry', 'assessment'])
    .where('cases.risk_level', 'in', ['high', 'immediate'])
    // Someone who asked not to be contacted is not chased, however long since we spoke.
    .where('cases.contact_withdrawn_on', 'is', null)
    .where(sql<boolean>`coalesce(${lastContactAt}, cases.created_at) < ${since}`)
    .limit(200)
    .execute();
}
