import { randomInt } from 'node:crypto';
import { claimLapsesAt, countsAsScheduledRetry, firstDueAt, nextDueAfterUnanswered, urgencyOf } from '@harbour/shared/callback-rules';
import { startOfLondonDay } from '@harbour/shared/london-time';
import {
  CONSENT_TO_CONTACT_TEXT,
  CONSENT_TO_HEALTH_DATA_TEXT,
  type CallbackStatus,
  type callbackRequestSchema,
  type logAttemptSchema,
} from '@harbour/shared/callbacks';
import { HELPLINE_PHONE } from '@harbour/shared/helpline';
import { contactKeys } from '@harbour/shared/phone';
import { can } from '@harbour/shared/permissions';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { StaffActor } from '../../actor';
import type { Database } from '../../db/database';
import { isUniqueViolation } from '../../db/errors';
import { publishChange } from '../../realtime/changes';
import { badRequest, conflict, forbidden, notFound, UserFacingError } from '../../trpc/errors';
import { recordAudit, recordLookUp, type AuditAction } from '../audit/audit.service';
import { callbackRequestLimit, hitLimit } from '../rate-limits/rate-limits.service';
import { flagIfContactWithdrawn, refuseCallIfWithdrawn } from '../privacy/contact-consent.service';
import { findPreviousContacts, openEnquiry, recordContactOnCase, requireCase, type PreviousContact } from '../cases/cases.service';
import { isActiveStaffMember } from '../users/users.service';
import {
  claimIfFree,
  claimNextFree,
  findOwnOpenClaim,
  countLiveClaimsByAdviser,
  countQueue,
  findAttempts,
  findCallbackByCaseId,
  findCallbackById,
  findClaimedBy,
  findLiveByContact,
  findNewlyLapsedClaims,
  findClaimState,
  findQueue,
  findRequestByIdempotencyKey,
  findRecentlyUnreachable,
  findSlaSince,
  insertAttempt,
  insertCallbackRequest,
  lockCallback,
  recordCallOnRequest,
  updateCallback,
} from './callbacks.queries';


type CallbackRequest = z.output<typeof callbackRequestSchema>;
type AttemptInput = z.output<typeof logAttemptSchema>;

export const REQUESTS_PER_ADDRESS = callbackRequestLimit.limit;
export const QUEUE_PAGE_SIZE = 200;

const REFERENCE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
function newReference(): string {
  let code = '';
  for (let index = 0; index < 6; index += 1) code += REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)];
  return `CB-${code}`;
}

/** A change to a request: in the audit trail and announced to open screens, in the same transaction. */
async function recordChange(
  trx: Kysely<Database>,
  actor: { userId: string | null; requestId: string },
  action: AuditAction,
  id: string,
  details?: Record<string, unknown>,
): Promise<void> {
  await recordAudit(trx, { actorUserId: actor.userId, action, entityType: 'callback_request', entityId: id, requestId: actor.requestId, details });
  await publishChange(trx, { topic: 'callbacks', id });
}

export interface RequestReceipt {
  reference: string;
  dueBy: Date;
  isUrgent: boolean;
}

function receiptOf(row: { reference: string; dueAt: Date; urgencyReason: string | null }): RequestReceipt {
  return { reference: row.reference, dueBy: row.dueAt, isUrgent: row.urgencyReason !== null };
}

/**
 * The public form's one write. The same idempotency key always answers with the first
 * request's receipt, so a double tap or a retry after a dropped connection stores one
 * request.
 */
export async function requestCallback(
  db: Kysely<Database>,
  input: CallbackRequest,
  request: { requestId: string; clientIp: string | null; now: Date },
): Promise<RequestReceipt> {
  if (input.website) {
    throw badRequest(`We could not accept this request. Please call us on ${HELPLINE_PHONE} instead.`);
  }
  const earlier = await findRequestByIdempotencyKey(db, input.idempotencyKey);
  if (earlier) return receiptOf(earlier);

  const urgencyReason = urgencyOf(input);
  const dueAt = firstDueAt(request.now, input.bestTime, urgencyReason !== null);

  for (let attempt = 1; ; attempt += 1) {
    try {
      return await db.transaction().execute(async (trx) => {
        const inserted = await insertCallbackRequest(trx, {
          reference: newReference(),
          idempotency_key: input.idempotencyKey,
          full_name: input.fullName,
          phone_e164: input.phone,
          email: input.email ?? null,
          for_whom: input.forWhom,
          best_time_kind: input.bestTime.kind,
          best_time_at: input.bestTime.kind === 'at' ? input.bestTime.at : null,
          // Substances are health information: without that consent they are not kept.
          substances: input.consentToHealthData ? (input.substances ?? []) : [],
          message: input.message ?? null,
          immediate_danger: input.immediateDanger,
          urgency_reason: urgencyReason,
          consent_to_contact: input.consentToContact,
          consent_to_contact_text: CONSENT_TO_CONTACT_TEXT,
          consent_to_health_data: input.consentToHealthData,
          consent_to_health_data_text: CONSENT_TO_HEALTH_DATA_TEXT,
          requested_at: request.now,
          due_at: dueAt,
          first_attempt_due_at: dueAt,
        });
        // Another request with this key committed first: answer with its receipt.
        if (!inserted) {
          const winner = await findRequestByIdempotencyKey(trx, input.idempotencyKey);
          if (!winner) throw new Error('idempotency conflict without a stored request');
          return receiptOf(winner);
        }
        // Counted only once the request is new, so a resend racing its original costs nothing;
        // refusing rolls the insert back with the count.
        if (!(await hitLimit(trx, callbackRequestLimit, request.clientIp, request.now))) {
          throw new UserFacingError(
            'TOO_MANY_REQUESTS',
            `We have had several requests from your connection in the last few minutes. To speak to someone now, call us on ${HELPLINE_PHONE}. If a life is in danger, call 999.`,
          );
        }
        await recordChange(trx, { userId: null, requestId: request.requestId }, 'callbacks.requested', inserted.id, { urgencyReason });
        await flagIfContactWithdrawn(trx, inserted.id);
        return receiptOf(inserted);
      });
    } catch (error) {
      // Six random characters collide rarely; when they do, draw again.
      if (isUniqueViolation(error) && attempt < 3) continue;
      throw error;
    }
  }
}

export async function listQueue(db: Kysely<Database>, now: Date) {
  const [items, totals] = await Promise.all([findQueue(db, now, QUEUE_PAGE_SIZE), countQueue(db, now)]);
  return { items, totals, pageSize: QUEUE_PAGE_SIZE };
}

/** The requests an adviser has claimed and not yet finished, for their worklist. */
export function callbacksClaimedBy(db: Kysely<Database>, userId: string, now: Date) {
  return findClaimedBy(db, userId, now);
}

export type CallbackDetails = NonNullable<Awaited<ReturnType<typeof findCallbackById>>> & {
  attempts: Awaited<ReturnType<typeof findAttempts>>;
  previousContacts: PreviousContact[];
};

/** One request with its calls so far and any earlier cases for the same person. Audited. */
export async function viewCallback(db: Kysely<Database>, actor: StaffActor, id: string, now: Date): Promise<CallbackDetails> {
  return db.transaction().execute(async (trx) => {
    const found = await findCallbackById(trx, id, now);
    if (!found) throw notFound('That callback request does not exist');
    const attempts = await findAttempts(trx, [found.id]);
    const previousContacts = await findPreviousContacts(trx, { phoneE164: found.phone, email: found.email ?? undefined });
    await recordAudit(trx, {
      actorUserId: actor.userId,
      action: 'callbacks.viewed',
      entityType: 'callback_request',
      entityId: found.id,
      requestId: actor.requestId,
    });
    return { ...found, attempts, previousContacts };
  });
}

export async function claimCallback(db: Kysely<Database>, actor: StaffActor, id: string, now: Date): Promise<{ id: string; reference: string }> {
  return db.transaction().execute(async (trx) => {
    const claimed = await claimIfFree(trx, id, actor.userId, now, lapsesFrom(now));
    if (!claimed) {
      const state = await findClaimState(trx, id);
      if (!state) throw notFound('That callback request does not exist');
      if (state.status !== 'open') throw conflict('This request is no longer waiting for a call');
      throw conflict(`Already claimed by ${state.claimerName ?? 'another adviser'}`);
    }
    await recordChange(trx, actor, 'callbacks.claimed', id);
    return claimed;
  });
}

function lapsesFrom(now: Date) {
  return { urgent: claimLapsesAt(now, true), standard: claimLapsesAt(now, false) };
}

/**
 * "Take next call": the request this adviser already holds, if any, so nobody gathers calls
 * they have not made; otherwise the most pressing request nobody holds; null when none waits.
 */
export async function claimNextCallback(
  db: Kysely<Database>,
  actor: StaffActor,
  now: Date,
): Promise<{ id: string; reference: string; isAlreadyYours: boolean } | null> {
  return db.transaction().execute(async (trx) => {
    const held = await findOwnOpenClaim(trx, actor.userId, now);
    if (held) return { ...held, isAlreadyYours: true };
    const claimed = await claimNextFree(trx, actor.userId, now, lapsesFrom(now));
    if (!claimed) return null;
    await recordChange(trx, actor, 'callbacks.claimed', claimed.id);
    return { ...claimed, isAlreadyYours: false };
  });
}

export async function releaseCallback(db: Kysely<Database>, actor: StaffActor, id: string, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const locked = await lockCallback(trx, id);
    if (!locked) throw notFound('That callback request does not exist');
    if (locked.claimedBy === null) return;
    if (locked.status !== 'open') throw conflict('This request is no longer waiting for a call');
    if (locked.claimedBy !== actor.userId && !can(actor.role, 'callbacks:supervise')) throw forbidden('Only a team lead can release a colleague\'s claim');
    await updateCallback(trx, id, { claimed_by: null, claim_expires_at: null }, now);
    await recordChange(trx, actor, 'callbacks.released', id, { from: locked.claimedBy });
  });
}

export async function assignCallback(
  db: Kysely<Database>,
  actor: StaffActor,
  input: { id: string; adviserId: string },
  now: Date,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (!(await isActiveStaffMember(trx, input.adviserId))) throw badRequest('Choose an active member of staff', 'adviserId');
    const locked = await lockCallback(trx, input.id);
    if (!locked) throw notFound('That callback request does not exist');
    if (locked.status !== 'open') throw conflict('This request is no longer waiting for a call');
    await updateCallback(trx, input.id, { claimed_by: input.adviserId, claim_expires_at: claimLapsesAt(now, locked.urgencyReason !== null) }, now);
    await recordChange(trx, actor, 'callbacks.assigned', input.id, { from: locked.claimedBy, to: input.adviserId });
  });
}

type RequestStatus = CallbackStatus;

/** Where a request goes after a call with this outcome. */
function afterCall(
  outcome: AttemptInput['outcome'],
  request: { unansweredCount: number; dueAt: Date; isUrgent: boolean },
  callBackAt: Date | undefined,
  now: Date,
): { status: RequestStatus; dueAt: Date | null; unansweredCount: number } {
  const unansweredSoFar = request.unansweredCount;
  switch (outcome) {
    case 'answered':
      return { status: 'answered', dueAt: null, unansweredCount: unansweredSoFar };
    case 'no_answer':
    case 'voicemail': {
      if (!countsAsScheduledRetry(now, request.dueAt, unansweredSoFar)) {
        return { status: 'open', dueAt: request.dueAt, unansweredCount: unansweredSoFar };
      }
      const unansweredCount = unansweredSoFar + 1;
      const retryAt = nextDueAfterUnanswered(now, unansweredCount, request.isUrgent);
      return retryAt === 'unreachable'
        ? { status: 'unreachable', dueAt: null, unansweredCount }
        : { status: 'open', dueAt: retryAt, unansweredCount };
    }
    case 'call_back_later':
      return { status: 'open', dueAt: callBackAt ?? null, unansweredCount: unansweredSoFar };
    case 'wrong_number':
    case 'declined':
      return { status: outcome, dueAt: null, unansweredCount: unansweredSoFar };
  }
}

/**
 * Records a call and moves the request on: answered waits for its case to be opened; no
 * answer and voicemail go back to the queue on the retry schedule until the person counts
 * as unreachable; wrong number and declined close it; "call later" books the time asked.
 */
export async function logAttempt(
  db: Kysely<Database>,
  actor: StaffActor,
  input: AttemptInput,
  now: Date,
): Promise<{ status: RequestStatus; nextDueAt: Date | null }> {
  return db.transaction().execute(async (trx) => {
    const locked = await lockCallback(trx, input.id);
    if (!locked) throw notFound('That callback request does not exist');
    if (locked.status !== 'open') throw conflict('This request is no longer waiting for a call');
    await refuseCallIfWithdrawn(trx, input.id);
    if (locked.claimedBy !== actor.userId) {
      const isHeldByOther = locked.claimedBy !== null && locked.claimExpiresAt !== null && locked.claimExpiresAt > now;
      throw conflict(isHeldByOther ? 'Another adviser has claimed this request' : 'Claim this request before logging a call');
    }

    const next = afterCall(
      input.outcome,
      { unansweredCount: locked.unansweredCount, dueAt: locked.dueAt, isUrgent: locked.urgencyReason !== null },
      input.callBackAt,
      now,
    );
    await insertAttempt(trx, {
      callbackId: input.id,
      adviserId: actor.userId,
      outcome: input.outcome,
      notes: input.notes,
      callBackAt: input.callBackAt,
      attemptedAt: now,
    });
    await recordCallOnRequest(
      trx,
      input.id,
      {
        status: next.status,
        due_at: next.dueAt ?? undefined,
        unanswered_count: next.unansweredCount,
        // An answered call keeps the adviser's claim while they open the case.
        claimed_by: next.status === 'answered' ? actor.userId : null,
        claim_expires_at: next.status === 'answered' ? claimLapsesAt(now, locked.urgencyReason !== null) : null,
      },
      now,
    );
    await recordChange(trx, actor, 'callbacks.attempt_logged', input.id, { outcome: input.outcome, status: next.status });
    return { status: next.status, nextDueAt: next.dueAt };
  });
}

/** A team lead gives an unreachable person another round of calls, due now. */
export async function reopenCallback(db: Kysely<Database>, actor: StaffActor, id: string, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const locked = await lockCallback(trx, id);
    if (!locked) throw notFound('That callback request does not exist');
    if (locked.status !== 'unreachable') throw conflict('Only a request marked unreachable can be reopened');
    await refuseCallIfWithdrawn(trx, id);
    await updateCallback(trx, id, { status: 'open', due_at: now, unanswered_count: 0, claimed_by: null, claim_expires_at: null }, now);
    await recordChange(trx, actor, 'callbacks.reopened', id);
  });
}

/**
 * After an answered call: a new enquiry carrying what the person gave us, or, when the
 * adviser recognised them under "Previous contacts", their earlier case.
 */
export async function openCaseFromCallback(
  db: Kysely<Database>,
  actor: StaffActor,
  input: { id: string; existingCaseId?: string },
  now: Date,
): Promise<{ caseReference: string; isNew: boolean }> {
  return db.transaction().execute(async (trx) => {
    const locked = await lockCallback(trx, input.id);
    if (!locked) throw notFound('That callback request does not exist');
    if (locked.status === 'case_opened') throw conflict('A case has already been opened for this request');
    if (locked.status !== 'answered') throw conflict('Log an answered call before opening a case');
    if (locked.claimedBy !== actor.userId && !can(actor.role, 'callbacks:supervise')) throw conflict('Another adviser is handling this request');

    const opened = input.existingCaseId
      ? await continueCase(trx, actor, input.existingCaseId, locked, now)
      : {
          ...(await openEnquiry(trx, actor, {
            origin: 'callback',
            callerName: locked.fullName,
            callerRelation: locked.forWhom,
            phoneE164: locked.phone,
            email: locked.email,
            substances: locked.substances,
            urgencyReason: locked.urgencyReason,
            consents: {
              toContact: locked.consentToContact,
              toContactText: locked.consentToContactText,
              toHealthData: locked.consentToHealthData,
              toHealthDataText: locked.consentToHealthDataText,
              givenAt: locked.requestedAt,
            },
            openedAt: now,
          })),
          isNew: true,
        };
    await updateCallback(trx, input.id, { status: 'case_opened', case_id: opened.id, claimed_by: null, claim_expires_at: null }, now);
    await recordChange(trx, actor, 'callbacks.case_opened', input.id, { caseId: opened.id, isNewCase: opened.isNew });
    return { caseReference: opened.reference, isNew: opened.isNew };
  });
}

/** Links an answered request to the person's earlier case, keeping what they told us this time. */
async function continueCase(
  trx: Kysely<Database>,
  actor: StaffActor,
  caseId: string,
  request: NonNullable<Awaited<ReturnType<typeof lockCallback>>>,
  now: Date,
): Promise<{ id: string; reference: string; isNew: false }> {
  const existing = await requireCase(trx, caseId);
  await recordContactOnCase(trx, actor, existing.id, {
    via: 'callback',
    urgencyReason: request.urgencyReason,
    substances: request.consentToHealthData ? request.substances : [],
    notes: request.message ? `Callback request ${request.reference}: ${request.message}` : undefined,
    at: now,
  });
  return { ...existing, isNew: false };
}

/** The requests and calls that led to a case, for its page. */
export async function requestsForCase(db: Kysely<Database>, caseId: string) {
  const requests = await findCallbackByCaseId(db, caseId);
  const attempts = await findAttempts(db, requests.map((request) => request.id));
  return requests.map((request) => ({ ...request, attempts: attempts.filter((attempt) => attempt.callbackId === request.id) }));
}

/** What a team lead watches: overdue and urgent counts, today's SLA, who holds what, who we could not reach. */
export async function teamOverview(db: Kysely<Database>, now: Date) {
  const [totals, sla, claims, unreachable] = await Promise.all([
    countQueue(db, now),
    findSlaSince(db, startOfLondonDay(now), now),
    countLiveClaimsByAdviser(db, now),
    findRecentlyUnreachable(db, new Date(now.getTime() - 7 * 86_400_000), 20),
  ]);
  return {
    totals,
    unreachable,
    slaToday: { ...sla, percentage: sla.due === 0 ? null : Math.round((sla.met / sla.due) * 100) },
    claimsByAdviser: claims.map((claim) => ({ ...claim, claims: Number(claim.claims) })),
  };
}

export const LAPSE_SWEEP_INTERVAL_MS = 60_000;

/**
 * Tells every screen about claims that lapsed since the last sweep, so the requests show as
 * free to take; run every minute. Running it twice (two servers) only repeats the news.
 */
export async function sweepLapsedClaims(db: Kysely<Database>, now: Date): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const ids = await findNewlyLapsedClaims(trx, new Date(now.getTime() - LAPSE_SWEEP_INTERVAL_MS), now);
    if (ids.length === 0) return 0;
    await recordAudit(trx, { actorUserId: null, action: 'callbacks.claims_lapsed', entityType: 'callback_request', details: { ids } });
    for (const id of ids) await publishChange(trx, { topic: 'callbacks', id });
    return ids.length;
  });
}


/** Requests still waiting from whoever is on the phone, as the adviser types their number. Audited when it finds any. */
export async function findWaitingForContact(db: Kysely<Database>, actor: StaffActor, typed: { phone?: string; email?: string }) {
  const found = await findLiveByContact(db, contactKeys(typed));
  await recordLookUp(db, actor, { action: 'callbacks.looked_up', entityType: 'callback_request', ids: found.map((request) => request.id) });
  return found;
}
