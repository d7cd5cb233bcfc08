import { sql, type Kysely, type RawBuilder } from 'kysely';
import { caseRecordColumns } from '../../db/case-record-columns';
import { matchesContact } from '../../db/contact-match';
import type { Database } from '../../db/database';
import { columnRules, erasedValues, FREE_TEXT_EVENT_KEYS, type ColumnRule } from './privacy-columns';

type Contact = { phoneE164: string; email: string | null };

export async function findCaseOfSubject(db: Kysely<Database>, reference: string) {
  return db
    .selectFrom('cases')
    .select([
      'id',
      'reference',
      'stage',
      'caller_name as callerName',
      'client_name as clientName',
      'phone_e164 as phoneE164',
      'email',
      'created_at as openedAt',
      'erased_at as erasedAt',
      'contact_withdrawn_on as contactWithdrawnOn',
    ])
    .where('reference', '=', reference)
    .executeTakeFirst();
}

/** Other cases with the same phone or email, the one rule for "the same person"; erased cases match nobody. */
export async function findOtherCasesOfContact(db: Kysely<Database>, contact: Contact, exceptId: string) {
  return db
    .selectFrom('cases')
    .select(['id', 'reference', 'stage', 'caller_name as callerName', 'client_name as clientName', 'created_at as openedAt'])
    .where(matchesContact('cases', { phoneE164: contact.phoneE164 || undefined, email: contact.email ?? undefined }))
    .where('id', '<>', exceptId)
    .where('erased_at', 'is', null)
    .orderBy('created_at', 'desc')
    .limit(50)
    .execute();
}

export async function findCasesByReferences(db: Kysely<Database>, references: readonly string[]) {
  if (references.length === 0) return [];
  return db
    .selectFrom('cases')
    .select(['id', 'reference', 'phone_e164 as phoneE164', 'email', 'erased_at as erasedAt'])
    .where('reference', 'in', references)
    .execute();
}

/**
 * The callback requests of these cases, and those never linked to a case that came from the
 * same phone or email: everything the person asked us through the form.
 */
export async function findRequestIdsOfPerson(db: Kysely<Database>, caseIds: readonly string[], contacts: readonly Contact[]) {
  if (caseIds.length === 0) return [];
  const sameContact = contacts
    .filter((contact) => contact.phoneE164 !== '' || contact.email)
    .map((contact) => matchesContact('callback_requests', { phoneE164: contact.phoneE164 || undefined, email: contact.email ?? undefined }));
  const unlinkedOfContact: RawBuilder<boolean> = sameContact.length ? sql<boolean>`(case_id is null and (${sql.join(sameContact, sql` or `)}))` : sql<boolean>`false`;
  const rows = await db
    .selectFrom('callback_requests')
    .select('id')
    .where((eb) => eb.or([eb('case_id', 'in', caseIds), unlinkedOfContact]))
    .where('erased_at', 'is', null)
    .execute();
  return rows.map((row) => row.id);
}


/** Everything held about these cases, each list oldest first, read in one round. */
export async function findHeldAbout(db: Kysely<Database>, caseIds: readonly string[], requestIds: readonly string[]) {
  const noRequests = requestIds.length === 0;
  const [cases, events, notes, requests, attempts, crises, placements, plans, checkIns, access] = await Promise.all([
    db
      .selectFrom('cases')
      .leftJoin('users as adviser', 'adviser.id', 'cases.assigned_adviser_id')
      .select([...caseRecordColumns, 'cases.primary_substance as primarySubstance', 'cases.audit_score as auditScore', 'adviser.full_name as assignedAdviserName'])
      .where('cases.id', 'in', caseIds)
      .orderBy('cases.created_at')
      .orderBy('cases.reference')
      .execute(),
    db
      .selectFrom('case_events')
      .leftJoin('users', 'users.id', 'case_events.actor_id')
      .select(['case_events.case_id as caseId', 'case_events.kind', 'case_events.details', 'case_events.occurred_at as at', 'users.full_name as byName'])
      .where('case_events.case_id', 'in', caseIds)
      .orderBy('case_events.occurred_at')
      .execute(),
    db
      .selectFrom('case_notes')
      .innerJoin('users', 'users.id', 'case_notes.author_id')
      .select(['case_notes.case_id as caseId', 'case_notes.body', 'case_notes.created_at as at', 'users.full_name as byName'])
      .where('case_notes.case_id', 'in', caseIds)
      .orderBy('case_notes.created_at')
      .execute(),
    noRequests
      ? []
      : db
          .selectFrom('callback_requests')
          .select([
            'id',
            'case_id as caseId',
            'reference',
            'full_name as fullName',
            'phone_e164 as phone',
            'email',
            'for_whom as forWhom',
            'best_time_kind as bestTimeKind',
            'best_time_at as bestTimeAt',
            'substances',
            'message',
            'immediate_danger as immediateDanger',
            'consent_to_contact as consentToContact',
            'consent_to_health_data as consentToHealthData',
            'requested_at as requestedAt',
            'status',
            'follows_withdrawal_on as followsWithdrawalOn',
          ])
          .where('id', 'in', requestIds)
          .orderBy('requested_at')
          .execute(),
    noRequests
      ? []
      : db
          .selectFrom('callback_attempts')
          .innerJoin('users', 'users.id', 'callback_attempts.adviser_id')
          .select([
            'callback_attempts.callback_id as callbackId',
            'callback_attempts.outcome',
            'callback_attempts.notes',
            'callback_attempts.call_back_at as callBackAt',
            'callback_attempts.attempted_at as at',
            'users.full_name as byName',
          ])
          .where('callback_attempts.callback_id', 'in', requestIds)
          .orderBy('callback_attempts.attempted_at')
          .execute(),
    db
      .selectFrom('case_crises')
      .select(['case_id as caseId', 'raised_at as raisedAt', 'actions', 'details', 'resolved_at as resolvedAt'])
      .where('case_id', 'in', caseIds)
      .orderBy('raised_at')
      .execute(),
    db
      .selectFrom('placements')
      .innerJoin('clinics', 'clinics.id', 'placements.clinic_id')
      .select([
        'placements.case_id as caseId',
        'clinics.name as clinicName',
        'placements.status',
        'placements.programme',
        'placements.length_days as lengthDays',
        'placements.weekly_price_pence as weeklyPricePence',
        'placements.fee_pence as feePence',
        'placements.proposed_at as proposedAt',
        'placements.confirmed_at as confirmedAt',
        'placements.admitted_on as admittedOn',
        'placements.discharged_on as dischargedOn',
        'placements.discharge_outcome as dischargeOutcome',
        'placements.cancelled_at as cancelledAt',
        'placements.cancel_reason as cancelReason',
      ])
      .where('placements.case_id', 'in', caseIds)
      .orderBy('placements.proposed_at')
      .execute(),
    db
      .selectFrom('aftercare_plans')
      .select(['case_id as caseId', 'support_groups as supportGroups', 'local_services as localServices', 'therapy', 'notes', 'updated_at as updatedAt'])
      .where('case_id', 'in', caseIds)
      .execute(),
    db
      .selectFrom('aftercare_check_ins')
      .select(['case_id as caseId', 'days_after as daysAfter', 'due_on as dueOn', 'outcome', 'notes', 'recorded_at as recordedAt'])
      .where('case_id', 'in', caseIds)
      .orderBy('due_on')
      .execute(),
    findAccessTo(db, caseIds, requestIds),
  ]);
  return { cases, events, notes, requests, attempts, crises, placements, plans, checkIns, access };
}

/** Who looked at or changed these records: entries naming them, or a search that showed them. */
function findAccessTo(db: Kysely<Database>, caseIds: readonly string[], requestIds: readonly string[]) {
  const ids = [...caseIds, ...requestIds];
  return db
    .selectFrom('audit_events')
    .leftJoin('users', 'users.id', 'audit_events.actor_user_id')
    .select([
      'audit_events.occurred_at as at',
      'audit_events.action',
      'audit_events.entity_type as entityType',
      'audit_events.entity_id as entityId',
      'audit_events.details',
      'users.full_name as byName',
    ])
    .where((eb) =>
      eb.or([
        eb.and([eb('audit_events.entity_type', '=', 'case'), eb('audit_events.entity_id', 'in', caseIds)]),
        ...(requestIds.length ? [eb.and([eb('audit_events.entity_type', '=', 'callback_request'), eb('audit_events.entity_id', 'in', requestIds)])] : []),
        sql<boolean>`audit_events.details -> 'ids' ?| ${sql.val(ids)}::text[]`,
        sql<boolean>`audit_events.details -> 'caseIds' ?| ${sql.val(ids)}::text[]`,
      ]),
    )
    .orderBy('audit_events.occurred_at')
    .orderBy('audit_events.id')
    .execute();
}

/** Which rows of each table belong to the person: by case, or by callback request. */
const rowsOfPerson: Partial<Record<keyof Database, { column: string; by: 'case' | 'request' }>> = {
  cases: { column: 'id', by: 'case' },
  callback_requests: { column: 'id', by: 'request' },
  callback_attempts: { column: 'callback_id', by: 'request' },
  case_notes: { column: 'case_id', by: 'case' },
  case_events: { column: 'case_id', by: 'case' },
  case_crises: { column: 'case_id', by: 'case' },
  placements: { column: 'case_id', by: 'case' },
  aftercare_plans: { column: 'case_id', by: 'case' },
  aftercare_check_ins: { column: 'case_id', by: 'case' },
};

function assignmentOf(column: string, rule: ColumnRule & { personal: true }): RawBuilder<unknown> | null {
  switch (rule.erase) {
    case 'generated':
      return null;
    case 'free_text_keys':
      return sql`${sql.ref(column)} = ${sql.ref(column)} - ${sql.val([...FREE_TEXT_EVENT_KEYS])}::text[]`;
    default:
      return sql`${sql.ref(column)} = ${erasedValues[rule.erase]}`;
  }
}

/** What else an erased case and request record about themselves. */
function markErased(table: string, erasedBy: string | null, at: Date): RawBuilder<unknown>[] {
  if (table === 'cases') {
    // Every section's version moves, so a page still open on the case cannot save over the erasure.
    return [
      sql`erased_at = ${at}`,
      sql`erased_by = ${erasedBy}`,
      sql`version = version + 1`,
      sql`contact_version = contact_version + 1`,
      sql`assessment_version = assessment_version + 1`,
      sql`finances_version = finances_version + 1`,
      sql`next_action_due_at = null`,
      sql`updated_at = ${at}`,
    ];
  }
  if (table === 'callback_requests') {
    // Nobody can call a number that is no longer held: a live request leaves the queue.
    return [
      sql`erased_at = ${at}`,
      sql`status = case when status in ('open', 'answered') then 'declined' else status end`,
      sql`claimed_by = null`,
      sql`claim_expires_at = null`,
      sql`version = version + 1`,
      sql`updated_at = ${at}`,
    ];
  }
  return [];
}

/**
 * Erases every personal column, as privacy-columns.ts classifies them, in every row of the
 * person's cases and callback requests. Call inside a transaction.
 */
export async function eraseRows(
  trx: Kysely<Database>,
  rows: { caseIds: readonly string[]; requestIds: readonly string[]; erasedBy: string | null; at: Date },
): Promise<void> {
  for (const [table, rules] of Object.entries(columnRules)) {
    const personal = Object.entries(rules as Record<string, ColumnRule>).filter((entry): entry is [string, ColumnRule & { personal: true }] => entry[1].personal);
    // Only PostgreSQL's own workings (generated columns, trigger-kept tables): they follow the rest.
    if (personal.every(([, rule]) => rule.erase === 'generated')) continue;
    const scope = rowsOfPerson[table as keyof Database];
    if (!scope) throw new Error(`${table} holds personal columns but privacy.queries.ts does not say which rows are the person's`);
    const ids = scope.by === 'case' ? rows.caseIds : rows.requestIds;
    if (ids.length === 0) continue;
    const assignments = [
      ...personal.map(([column, rule]) => assignmentOf(column, rule)).filter((assignment) => assignment !== null),
      ...markErased(table, rows.erasedBy, rows.at),
    ];
    await sql`update ${sql.table(table)} set ${sql.join(assignments)} where ${sql.ref(scope.column)} = any(${sql.val([...ids])}::uuid[])`.execute(trx);
  }
}

export async function findCaseIdsDueForRetention(trx: Kysely<Database>, closedBefore: Date): Promise<string[]> {
  const rows = await trx
    .selectFrom('cases')
    .select('id')
    .where('stage', '=', 'closed')
    .where('stage_changed_at', '<', closedBefore)
    .where('erased_at', 'is', null)
    .execute();
  return rows.map((row) => row.id);
}

/** Requests of those cases, and requests that never became a case and finished before the cut-off. */
export async function findRequestIdsDueForRetention(trx: Kysely<Database>, caseIds: readonly string[], closedBefore: Date): Promise<string[]> {
  const rows = await trx
    .selectFrom('callback_requests')
    .select('id')
    .where('erased_at', 'is', null)
    .where((eb) =>
      eb.or([
        ...(caseIds.length ? [eb('case_id', 'in', caseIds)] : []),
        eb.and([eb('case_id', 'is', null), eb('status', 'not in', ['open', 'answered']), eb('updated_at', '<', closedBefore)]),
      ]),
    )
    .execute();
  return rows.map((row) => row.id);
}

/** Only one server runs the job at a time; the lock ends with the transaction. */
export async function tryRetentionLock(trx: Kysely<Database>): Promise<boolean> {
  const { rows } = await sql<{ locked: boolean }>`select pg_try_advisory_xact_lock(hashtext('harbour.retention')) as locked`.execute(trx);
  return rows[0]?.locked === true;
}

export async function insertRetentionRun(
  trx: Kysely<Database>,
  run: { ranAt: Date; closedBefore: Date; casesAnonymised: number; requestsAnonymised: number },
): Promise<void> {
  await trx
    .insertInto('retention_runs')
    .values({ ran_at: run.ranAt, closed_before: run.closedBefore, cases_anonymised: run.casesAnonymised, requests_anonymised: run.requestsAnonymised })
    .execute();
}

export async function findLastRetentionRun(db: Kysely<Database>) {
  return db
    .selectFrom('retention_runs')
    .select(['ran_at as ranAt', 'closed_before as closedBefore', 'cases_anonymised as casesAnonymised', 'requests_anonymised as requestsAnonymised'])
    .orderBy('ran_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}
