import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import { recordAudit } from '../audit/audit.service';
import { findCaseIdsDueForRetention, findRequestIdsDueForRetention, insertRetentionRun, tryRetentionLock } from './privacy.queries';
import { eraseCases } from './privacy.service';

export const RETENTION_INTERVAL_MS = 24 * 60 * 60 * 1000;
/** Long enough after start-up that the server is serving before the job reads anything. */
export const RETENTION_FIRST_RUN_DELAY_MS = 5 * 60 * 1000;

export type RetentionResult =
  | { ran: true; closedBefore: Date; casesAnonymised: number; requestsAnonymised: number }
  | { ran: false; why: 'another server is running it' };

/** The day `years` years before `now`: a case closed before it has been kept long enough. */
export function retentionCutOff(now: Date, years: number): Date {
  const cutOff = new Date(now);
  cutOff.setUTCFullYear(cutOff.getUTCFullYear() - years);
  return cutOff;
}

/**
 * Anonymises closed cases kept past the retention period, with the erasure a manager uses, in
 * one transaction. Idempotent: an erased case is never picked again, so a second run finds
 * nothing. Each run is recorded (counts only) for the privacy page and the audit trail.
 */
export async function runRetention(db: Kysely<Database>, { now, years }: { now: Date; years: number }): Promise<RetentionResult> {
  return db.transaction().execute(async (trx) => {
    if (!(await tryRetentionLock(trx))) return { ran: false, why: 'another server is running it' } as const;
    const closedBefore = retentionCutOff(now, years);
    const caseIds = await findCaseIdsDueForRetention(trx, closedBefore);
    const requestIds = await findRequestIdsDueForRetention(trx, caseIds, closedBefore);
    const actor = { userId: null, requestId: 'retention-job' };
    if (caseIds.length > 0 || requestIds.length > 0) {
      await eraseCases(trx, actor, { caseIds, requestIds, reason: 'retention_period_ended' }, now);
    }
    const counts = { casesAnonymised: caseIds.length, requestsAnonymised: requestIds.length };
    await insertRetentionRun(trx, { ranAt: now, closedBefore, ...counts });
    await recordAudit(trx, { actorUserId: null, requestId: actor.requestId, action: 'privacy.retention_run', details: { closedBefore: closedBefore.toISOString(), years, ...counts } });
    return { ran: true, closedBefore, ...counts } as const;
  });
}
