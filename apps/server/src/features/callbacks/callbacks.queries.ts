import { sql, type Kysely } from 'kysely';
import type { Insertable, Updateable } from 'kysely';
import { matchesContact } from '../../db/contact-match';
import type { CallbackRequestsTable, Database } from '../../db/database';
import { preparedQuery } from '../../db/prepared-query';

const LIVE_STATUSES = ['open', 'answered'] as const;

// A claim on a request waiting for a call lapses; once the call is answered the request stays
// with its adviser until they open the case. A claim held by someone whose account has been
// deactivated is no claim at all: they cannot make the call.
function isClaimLive(now: Date) {
  return sql<boolean>`(
    (callback_requests.status = 'answered' or callback_requests.claim_expires_at > ${now})
    and exists (select 1 from users holder where holder.id = callback_requests.claimed_by and holder.is_active)
  )`;
}

/** A request anyone may take: open, and not held by a live claim. */
function isFreeToClaim(now: Date) {
  return sql<boolean>`(callback_requests.status = 'open' and (callback_requests.claimed_by is null or not ${isClaimLive(now)}))`;
}

/** How long a new claim lasts: shorter for urgent requests. */
function claimExpiry(lapses: ClaimLapses) {
  return sql<Date>`case when callback_requests.urgency_reason is not null then ${lapses.urgent}::timestamptz else ${lapses.standard}::timestamptz end`;
}

export interface ClaimLapses {
  urgent: Date;
  standard: Date;
}

/** The claimer only while the claim is live: a lapsed claim reads as no claim at all. */
function liveClaimerId(now: Date) {
  return sql<string | null>`case when ${isClaimLive(now)} then callback_requests.claimed_by end`;
}

export async function insertCallbackRequest(trx: Kysely<Database>, row: Insertable<CallbackRequestsTable>) {
  return trx
    .insertInto('callback_requests')
    .values(row)
    .onConflict((conflict) => conflict.column('idempotency_key').doNothing())
    .returning(['id', 'reference', 'due_at as dueAt', 'urgency_reason as urgencyReason'])
    .executeTakeFirst();
}

export async function findRequestByIdempotencyKey(db: Kysely<Database>, idempotencyKey: string) {
  return db
    .selectFrom('callback_requests')
    .select(['id', 'reference', 'due_at as dueAt', 'urgency_reason as urgencyReason'])
    .where('idempotency_key', '=', idempotencyKey)
    .executeTakeFirst();
}

// The queue and its counts are every adviser's first screen, refreshed on every change:
// compiled once (db/prepared-query.ts). A row carries only what the queue screen shows or acts
// on (queue-row.tsx): every open screen fetches up to 200 of them on each change, and each date
// costs a superjson note as well as its text. When it was asked for and when a claim lapses are
// on the request's own page (findCallbackById).
const queue = preparedQuery((db: Kysely<Database>, now: Date, limit: number) =>
  db
    .selectFrom('callback_requests')
    .leftJoin('users as claimer', 'claimer.id', 'callback_requests.claimed_by')
    .select([
      'callback_requests.id',
      'callback_requests.reference',
      'callback_requests.full_name as fullName',
      'callback_requests.for_whom as forWhom',
      'callback_requests.best_time_kind as bestTimeKind',
      'callback_requests.best_time_at as bestTimeAt',
      'callback_requests.substances',
      'callback_requests.attempt_count as attemptCount',
      'callback_requests.due_at as dueAt',
      'callback_requests.urgency_reason as urgencyReason',
      'callback_requests.status',
      liveClaimerId(now).as('claimedById'),
      sql<string | null>`case when ${isClaimLive(now)} then claimer.full_name end`.as('claimedByName'),
    ])
    .where('callback_requests.status', 'in', LIVE_STATUSES)
    .orderBy(sql`(callback_requests.urgency_reason is not null)`, 'desc')
    .orderBy('callback_requests.due_at')
    .limit(limit),
);

/** The live queue in working order, one query, with the claimer's name joined in. */
export function findQueue(db: Kysely<Database>, now: Date, limit: number) {
  return queue(db, now, limit);
}

/** Requests this adviser holds a live claim on: the calls they said they would make. */
export function findClaimedBy(db: Kysely<Database>, userId: string, now: Date) {
  return db
    .selectFrom('callback_requests')
    .select([
      'callback_requests.id',
      'callback_requests.reference',
      'callback_requests.full_name as fullName',
      'callback_requests.due_at as dueAt',
      'callback_requests.urgency_reason as urgencyReason',
      'callback_requests.status',
      'callback_requests.claim_expires_at as claimExpiresAt',
    ])
    .where('callback_requests.status', 'in', LIVE_STATUSES)
    .where('callback_requests.claimed_by', '=', userId)
    .where(isClaimLive(now))
    .orderBy('callback_requests.due_at')
    .execute();
}

const queueCounts = preparedQuery((db: Kysely<Database>, now: Date) =>
  db
    .selectFrom('callback_requests')
    .select((eb) => [
      eb.fn.countAll<number>().as('live'),
      eb.fn.countAll<number>().filterWhere('urgency_reason', 'is not', null).as('urgent'),
      eb.fn
        .countAll<number>()
        .filterWhere(sql<boolean>`urgency_reason is not null and ${isFreeToClaim(now)}`)
        .as('urgentWaiting'),
      eb.fn.countAll<number>().filterWhere((w) => w.and([w('status', '=', 'open'), w('due_at', '<', now)])).as('overdue'),
    ])
    .where('status', 'in', LIVE_STATUSES),
);

export async function countQueue(db: Kysely<Database>, now: Date) {
  const [row] = await queueCounts(db, now);
  return { live: Number(row!.live), urgent: Number(row!.urgent), urgentWaiting: Number(row!.urgentWaiting), overdue: Number(row!.overdue) };
}

export async function findCallbackById(db: Kysely<Database>, id: string, now: Date) {
  return db
    .selectFrom('callback_requests')
    .leftJoin('users as claimer', 'claimer.id', 'callback_requests.claimed_by')
    .leftJoin('cases', 'cases.id', 'callback_requests.case_id')
    .select([
      'callback_requests.id',
      'callback_requests.reference',
      'callback_requests.full_name as fullName',
      'callback_requests.phone_e164 as phone',
      'callback_requests.email',
      'callback_requests.for_whom as forWhom',
      'callback_requests.best_time_kind as bestTimeKind',
      'callback_requests.best_time_at as bestTimeAt',
      'callback_requests.substances',
      'callback_requests.message',
      'callback_requests.immediate_danger as immediateDanger',
      'callback_requests.urgency_reason as urgencyReason',
      'callback_requests.consent_to_contact as consentToContact',
      'callback_requests.consent_to_contact_text as consentToContactText',
      'callback_requests.consent_to_health_data as consentToHealthData',
      'callback_requests.consent_to_health_data_text as consentToHealthDataText',
      'callback_requests.requested_at as requestedAt',
      'callback_requests.status',
      'callback_requests.due_at as dueAt',
      'callback_requests.attempt_count as attemptCount',
      'callback_requests.unanswered_count as unansweredCount',
      liveClaimerId(now).as('claimedById'),
      sql<string | null>`case when ${isClaimLive(now)} then claimer.full_name end`.as('claimedByName'),
      'callback_requests.claim_expires_at as claimExpiresAt',
      // Who last held it, lapsed or not: a lapsed holder may still log the call they were on.
      'callback_requests.claimed_by as heldById',
      'callback_requests.case_id as caseId',
      'cases.reference as caseReference',
      'callback_requests.version',
      'callback_requests.follows_withdrawal_on as followsWithdrawalOn',
    ])
    .where('callback_requests.id', '=', id)
    .executeTakeFirst();
}

export async function findCallbackByCaseId(db: Kysely<Database>, caseId: string) {
  return db
    .selectFrom('callback_requests')
    .select(['id', 'reference', 'requested_at as requestedAt', 'message', 'substances', 'best_time_kind as bestTimeKind', 'best_time_at as bestTimeAt', 'status'])
    .where('case_id', '=', caseId)
    .orderBy('requested_at')
    .execute();
}

export async function findAttempts(db: Kysely<Database>, callbackIds: string[]) {
  if (callbackIds.length === 0) return [];
  return db
    .selectFrom('callback_attempts')
    .innerJoin('users', 'users.id', 'callback_attempts.adviser_id')
    .select([
      'callback_attempts.id',
      'callback_attempts.callback_id as callbackId',
      'callback_attempts.outcome',
      'callback_attempts.notes',
      'callback_attempts.call_back_at as callBackAt',
      'callback_attempts.attempted_at as attemptedAt',
      'users.full_name as adviserName',
    ])
    .where('callback_attempts.callback_id', 'in', callbackIds)
    .orderBy('callback_attempts.attempted_at')
    .execute();
}

/** Takes the request only if it is open and nobody holds a live claim: one winner, always. */
export async function claimIfFree(trx: Kysely<Database>, id: string, userId: string, now: Date, lapses: ClaimLapses) {
  return trx
    .updateTable('callback_requests')
    .set((eb) => ({ claimed_by: userId, claim_expires_at: claimExpiry(lapses), version: eb('version', '+', 1), updated_at: now }))
    .where('id', '=', id)
    // Claiming again what you hold (or held, if nobody has taken it since) renews the claim.
    .where((eb) => eb.or([isFreeToClaim(now), eb.and([eb('claimed_by', '=', userId), eb('status', '=', 'open')])]))
    .returning(['id', 'reference'])
    .executeTakeFirst();
}

/** The most pressing open request this adviser already holds, if any. */
export async function findOwnOpenClaim(db: Kysely<Database>, userId: string, now: Date) {
  return db
    .selectFrom('callback_requests')
    .select(['id', 'reference'])
    .where('claimed_by', '=', userId)
    .where('status', '=', 'open')
    .where('claim_expires_at', '>', now)
    .orderBy(sql`(urgency_reason is not null)`, 'desc')
    .orderBy('due_at')
    .limit(1)
    .executeTakeFirst();
}

/**
 * Takes the most pressing free request. SKIP LOCKED lets advisers pressing "Take next call"
 * at the same moment each get a different request instead of queuing behind one another.
 */
export async function claimNextFree(trx: Kysely<Database>, userId: string, now: Date, lapses: ClaimLapses) {
  return trx
    .updateTable('callback_requests')
    .set((eb) => ({ claimed_by: userId, claim_expires_at: claimExpiry(lapses), version: eb('version', '+', 1), updated_at: now }))
    .where('id', '=', (eb) =>
      eb
        .selectFrom('callback_requests')
        .select('callback_requests.id')
        .where(isFreeToClaim(now))
        .orderBy(sql`(callback_requests.urgency_reason is not null)`, 'desc')
        .orderBy('callback_requests.due_at')
        .limit(1)
        .forUpdate()
        .skipLocked(),
    )
    .returning(['id', 'reference'])
    .executeTakeFirst();
}

export async function findClaimState(db: Kysely<Database>, id: string) {
  return db
    .selectFrom('callback_requests')
    .leftJoin('users', 'users.id', 'callback_requests.claimed_by')
    .select([
      'callback_requests.reference',
      'callback_requests.status',
      'callback_requests.claimed_by as claimedBy',
      'callback_requests.claim_expires_at as claimExpiresAt',
      'users.full_name as claimerName',
    ])
    .where('callback_requests.id', '=', id)
    .executeTakeFirst();
}

/** Row-locks the request for the rest of the transaction. */
export async function lockCallback(trx: Kysely<Database>, id: string) {
  return trx
    .selectFrom('callback_requests')
    .select([
      'id',
      'reference',
      'status',
      'claimed_by as claimedBy',
      'claim_expires_at as claimExpiresAt',
      'unanswered_count as unansweredCount',
      'due_at as dueAt',
      'full_name as fullName',
      'phone_e164 as phone',
      'email',
      'for_whom as forWhom',
      'substances',
      'message',
      'urgency_reason as urgencyReason',
      'consent_to_contact as consentToContact',
      'consent_to_contact_text as consentToContactText',
      'consent_to_health_data as consentToHealthData',
      'consent_to_health_data_text as consentToHealthDataText',
      'requested_at as requestedAt',
    ])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function updateCallback(trx: Kysely<Database>, id: string, changes: Updateable<CallbackRequestsTable>, now: Date) {
  await trx
    .updateTable('callback_requests')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1), updated_at: now }))
    .where('id', '=', id)
    .execute();
}

/** Counts a call on the request: attempts +1, the first call's time kept, and the new state. */
export async function recordCallOnRequest(trx: Kysely<Database>, id: string, changes: Updateable<CallbackRequestsTable>, now: Date) {
  await trx
    .updateTable('callback_requests')
    .set((eb) => ({
      ...changes,
      attempt_count: eb('attempt_count', '+', 1),
      first_attempt_at: eb.fn.coalesce('first_attempt_at', sql<Date>`${now}::timestamptz`),
      version: eb('version', '+', 1),
      updated_at: now,
    }))
    .where('id', '=', id)
    .execute();
}

export async function insertAttempt(
  trx: Kysely<Database>,
  row: { callbackId: string; adviserId: string; outcome: Database['callback_attempts']['outcome']; notes?: string; callBackAt?: Date; attemptedAt: Date },
): Promise<void> {
  await trx
    .insertInto('callback_attempts')
    .values({
      callback_id: row.callbackId,
      adviser_id: row.adviserId,
      outcome: row.outcome,
      notes: row.notes ?? null,
      call_back_at: row.callBackAt ?? null,
      attempted_at: row.attemptedAt,
    })
    .execute();
}

/**
 * Claims that lapsed in the window just gone. They are not cleared: the adviser who held one
 * may still log the call they were on, unless a colleague has taken the request since.
 */
export async function findNewlyLapsedClaims(db: Kysely<Database>, since: Date, now: Date): Promise<string[]> {
  const rows = await db
    .selectFrom('callback_requests')
    .select('id')
    .where('status', '=', 'open')
    .where('claim_expires_at', '>', since)
    .where('claim_expires_at', '<=', now)
    .execute();
  return rows.map((row) => row.id);
}

/** First calls due today so far, and how many were made by their due time. */
export async function findSlaSince(db: Kysely<Database>, since: Date, now: Date) {
  const row = await db
    .selectFrom('callback_requests')
    .select((eb) => [
      eb.fn.countAll<number>().as('due'),
      eb.fn.countAll<number>().filterWhere(sql<boolean>`first_attempt_at is not null and first_attempt_at <= first_attempt_due_at`).as('met'),
    ])
    .where('first_attempt_due_at', '>=', since)
    .where('first_attempt_due_at', '<=', now)
    .executeTakeFirstOrThrow();
  return { due: Number(row.due), met: Number(row.met) };
}

export async function countLiveClaimsByAdviser(db: Kysely<Database>, now: Date) {
  return db
    .selectFrom('callback_requests')
    .innerJoin('users', 'users.id', 'callback_requests.claimed_by')
    .select((eb) => ['users.id as adviserId', 'users.full_name as fullName', eb.fn.countAll<number>().as('claims')])
    .where('callback_requests.status', 'in', LIVE_STATUSES)
    .where(isClaimLive(now))
    .groupBy(['users.id', 'users.full_name'])
    .orderBy('users.full_name')
    .execute();
}

/** Requests given up on as unreachable lately, newest first: a team lead may reopen them. */
export async function findRecentlyUnreachable(db: Kysely<Database>, since: Date, limit: number) {
  return db
    .selectFrom('callback_requests')
    .select(['id', 'reference', 'full_name as fullName', 'attempt_count as attemptCount', 'updated_at as markedAt'])
    .where('status', '=', 'unreachable')
    .where('updated_at', '>=', since)
    .orderBy('updated_at', 'desc')
    .limit(limit)
    .execute();
}

/** Live requests from the same phone or email: an inbound call may be one of them calling back. */
export async function findLiveByContact(db: Kysely<Database>, contact: { phoneE164?: string; email?: string }) {
  if (!contact.phoneE164 && !contact.email) return [];
  return db
    .selectFrom('callback_requests')
    .select(['id', 'reference', 'full_name as fullName', 'status', 'attempt_count as attemptCount', 'requested_at as requestedAt'])
    .where('status', 'in', LIVE_STATUSES)
    .where(matchesContact('callback_requests', contact))
    .orderBy('requested_at', 'desc')
    .limit(10)
    .execute();
}
