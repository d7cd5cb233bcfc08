import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import { insertAuditEvent, type NewAuditEvent } from './audit.queries';

export type AuditAction =
  | 'auth.signed_in'
  | 'auth.sign_in_failed'
  | 'auth.signed_out'
  | 'auth.password_changed'
  | 'users.created'
  | 'users.updated'
  | 'users.password_reset'
  | 'callbacks.requested'
  | 'callbacks.viewed'
  | 'callbacks.claimed'
  | 'callbacks.released'
  | 'callbacks.assigned'
  | 'callbacks.attempt_logged'
  | 'callbacks.reopened'
  | 'callbacks.case_opened'
  | 'callbacks.claims_lapsed'
  | 'cases.opened'
  | 'cases.viewed'
  | 'cases.contact_recorded'
  | 'cases.looked_up'
  | 'callbacks.looked_up';

/**
 * Call inside the transaction that makes the change, so the trail and the change commit or
 * fail together. Details hold ids and codes, never a person's words.
 */
export async function recordAudit(
  trx: Kysely<Database>,
  event: NewAuditEvent & { action: AuditAction },
): Promise<void> {
  await insertAuditEvent(trx, event);
}
