import type { withdrawContactConsentSchema } from '@harbour/shared/privacy';
import { toUkDate } from '@harbour/shared/uk-date';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { StaffActor } from '../../actor';
import type { Database } from '../../db/database';
import { publishChange } from '../../realtime/changes';
import { badRequest, conflict, notFound } from '../../trpc/errors';
import { recordAudit } from '../audit/audit.service';
import {
  closeLiveRequestsOf,
  findRequestContact,
  findWithdrawalCoveringRequest,
  findWithdrawalOfCase,
  findWithdrawalOfContact,
  flagRequestAfterWithdrawal,
  lockCaseByReference,
  recordWithdrawal,
} from './contact-consent.queries';

type Withdrawal = z.output<typeof withdrawContactConsentSchema>;

/** Records that the person withdrew consent to be contacted, and takes their requests out of the queue. */
export async function withdrawContactConsent(db: Kysely<Database>, actor: StaffActor, input: Withdrawal, now: Date): Promise<{ closedRequests: number }> {
  return db.transaction().execute(async (trx) => {
    const found = await lockCaseByReference(trx, input.reference);
    if (!found) throw notFound(`There is no case ${input.reference}`);
    if (found.erasedAt) throw conflict('This person has been erased: there is nobody left to contact', 'reference');
    if (found.withdrawnOn) throw conflict(`Withdrawal of consent was already recorded, on ${toUkDate(found.withdrawnOn)}`, 'reference');
    await recordWithdrawal(trx, found.id, { on: input.withdrawnOn, via: input.via, by: actor.userId, at: now });
    const closed = await closeLiveRequestsOf(trx, { caseId: found.id, phoneE164: found.phoneE164, email: found.email }, now);
    await recordAudit(trx, {
      actorUserId: actor.userId,
      action: 'privacy.contact_withdrawn',
      entityType: 'case',
      entityId: found.id,
      requestId: actor.requestId,
      details: { via: input.via, closedRequestIds: closed.map((row) => row.id) },
    });
    await publishChange(trx, { topic: 'cases', id: found.id });
    for (const row of closed) await publishChange(trx, { topic: 'callbacks', id: row.id });
    return { closedRequests: closed.length };
  });
}

const refusal = (name: string, withdrawnOn: string, what: string) =>
  badRequest(`${name} withdrew consent to be contacted on ${toUkDate(withdrawnOn)}: ${what}`);

/** Refuses a call about a request the person's withdrawal covers. Call inside the transaction that logs it. */
export async function refuseCallIfWithdrawn(trx: Kysely<Database>, requestId: string): Promise<void> {
  const withdrawal = await findWithdrawalCoveringRequest(trx, requestId);
  if (withdrawal?.withdrawnOn) throw refusal(withdrawal.name, withdrawal.withdrawnOn, 'do not call them about this request');
}

/** Refuses planning contact with someone who withdrew consent (a next action, a check-in call). */
export async function refuseContactIfWithdrawn(trx: Kysely<Database>, caseId: string, what: string): Promise<void> {
  const withdrawal = await findWithdrawalOfCase(trx, caseId);
  if (withdrawal?.withdrawnOn) throw refusal(withdrawal.name, withdrawal.withdrawnOn, what);
}

/**
 * A new request from someone who had withdrawn consent is kept (asking again is how they
 * change their mind) and flagged, so the adviser confirms consent on the call.
 */
export async function flagIfContactWithdrawn(trx: Kysely<Database>, requestId: string): Promise<void> {
  const contact = await findRequestContact(trx, requestId);
  if (!contact) return;
  const withdrawal = await findWithdrawalOfContact(trx, contact);
  if (withdrawal?.withdrawnOn) await flagRequestAfterWithdrawal(trx, requestId, withdrawal.withdrawnOn);
}
