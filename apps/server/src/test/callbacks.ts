import { randomUUID } from 'node:crypto';
import type { CallbackRequestInput } from '@harbour/shared/callbacks';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import type { SessionUser } from '../trpc/context';
import { callerFor } from './factories';

/** Tests stand at fixed moments; 10:00 on a Tuesday in December is 10:00 in London too. */
export const TUESDAY_10AM = new Date('2026-12-01T10:00:00Z');

export function minutesAfter(instant: Date, minutes: number): Date {
  return new Date(instant.getTime() + minutes * 60_000);
}

/** What a person filling in the public form might send: valid, with a fresh idempotency key. */
export function callbackRequestInput(overrides: Partial<CallbackRequestInput> = {}): CallbackRequestInput {
  return {
    fullName: 'Sam Taylor',
    phone: '07400 123456',
    email: 'sam.taylor@example.org',
    forWhom: 'self',
    bestTime: { kind: 'asap' },
    substances: ['alcohol'],
    immediateDanger: false,
    consentToContact: true,
    consentToHealthData: true,
    idempotencyKey: randomUUID(),
    ...overrides,
  };
}

let visitorSequence = 0;

/** A new address for each visitor, so the per-address limit bites only where a test means it to. */
export function nextClientIp(): string {
  visitorSequence += 1;
  return `10.0.${Math.floor(visitorSequence / 250) % 250}.${(visitorSequence % 250) + 1}`;
}

/** Submits the public form as a visitor would and returns the receipt with the stored id. */
export async function submitCallback(
  db: Kysely<Database>,
  overrides: Partial<CallbackRequestInput> = {},
  { now = TUESDAY_10AM, clientIp = nextClientIp() }: { now?: Date; clientIp?: string } = {},
) {
  const receipt = await callerFor(db, null, { now, clientIp }).callbacks.request(callbackRequestInput(overrides));
  const { id } = await db.selectFrom('callback_requests').select('id').where('reference', '=', receipt.reference).executeTakeFirstOrThrow();
  return { ...receipt, id };
}

/** An adviser claims the request and logs that the caller answered, as before opening a case. */
export async function reachCaller(db: Kysely<Database>, adviser: SessionUser, id: string, now: Date): Promise<void> {
  const caller = callerFor(db, adviser, { now });
  await caller.callbacks.claim({ id });
  await caller.callbacks.logAttempt({ id, outcome: 'answered' });
}

export function countRows(
  db: Kysely<Database>,
  table: 'callback_requests' | 'audit_events' | 'cases' | 'callback_attempts' | 'case_events' | 'case_crises' | 'case_notes',
): Promise<number> {
  return db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow()
    .then((row) => Number(row.count));
}

export function auditRows(db: Kysely<Database>, action: string) {
  return db
    .selectFrom('audit_events')
    .select(['actor_user_id as actorUserId', 'entity_id as entityId', 'details'])
    .where('action', '=', action)
    .orderBy('id')
    .execute();
}
