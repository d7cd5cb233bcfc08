import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import { auditWriterFor } from './audit-writer.service';
import { insertAuditEvent, type NewAuditEvent } from './audit.queries';

export type AuditAction =
  | 'auth.signed_in'
  | 'auth.sign_in_failed'
  | 'auth.signed_out'
  | 'auth.password_changed'
  | 'auth.other_sessions_ended'
  | 'auth.sign_in_code_requested'
  | 'mfa.enabled'
  | 'mfa.disabled'
  | 'mfa.recovery_codes_replaced'
  | 'mfa.reset'
  | 'users.sessions_ended'
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
  | 'cases.updated'
  | 'cases.listed'
  | 'cases.note_added'
  | 'cases.note_pinned'
  | 'cases.crisis_raised'
  | 'cases.crisis_action_recorded'
  | 'cases.crises_listed'
  | 'callbacks.looked_up'
  | 'clinics.created'
  | 'clinics.updated'
  | 'clinics.beds_confirmed'
  | 'clinics.matched'
  | 'placements.proposed'
  | 'placements.confirmed'
  | 'placements.admitted'
  | 'placements.discharged'
  | 'placements.cancelled'
  | 'aftercare.plan_saved'
  | 'aftercare.check_in_recorded'
  | 'aftercare.check_ins_listed'
  | 'reports.viewed'
  | 'reports.exported'
  | 'privacy.subject_looked_up'
  | 'privacy.subject_access'
  | 'privacy.erased'
  | 'privacy.contact_withdrawn'
  | 'privacy.retention_run';

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

/**
 * A search that found people: who looked, and which records it showed. A search that found
 * nobody shows nobody's data and is not recorded.
 */
export async function recordLookUp(
  db: Kysely<Database>,
  actor: { userId: string; requestId: string },
  lookUp: { action: AuditAction; entityType: string; ids: string[] },
): Promise<void> {
  if (lookUp.ids.length === 0) return;
  await recordRead(db, {
    actorUserId: actor.userId,
    action: lookUp.action,
    entityType: lookUp.entityType,
    requestId: actor.requestId,
    details: { ids: lookUp.ids },
  });
}

/**
 * The trail of a read, committed before the read's data may be sent: await it before
 * returning. Outside a transaction it goes through the group-commit writer, which writes the
 * rows of reads arriving together in one statement; inside one it is part of the transaction.
 */
export async function recordRead(db: Kysely<Database>, event: NewAuditEvent & { action: AuditAction }): Promise<void> {
  if (db.isTransaction) await insertAuditEvent(db, event);
  else await auditWriterFor(db).write(event);
}
