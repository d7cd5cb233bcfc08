import { LAST_CHECK_IN_DAYS } from '@harbour/shared/aftercare';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/database';

const ACTIVE = ['proposed', 'confirmed', 'admitted'] as const;

/** What the stage rules need to know of a case's placements and its last check-in, in one query. */
export async function placementFactsOf(db: Kysely<Database>, caseId: string) {
  const row = await db
    .selectFrom('placements')
    .select([
      sql<boolean>`coalesce(bool_or(status in ('confirmed', 'admitted')), false)`.as('hasConfirmedPlacement'),
      sql<'proposed' | 'confirmed' | 'admitted' | null>`max(status) filter (where status in ('proposed', 'confirmed', 'admitted'))`.as('activePlacement'),
      sql<boolean>`coalesce(bool_or(status = 'discharged'), false)`.as('hasDischarged'),
      // The last check-in of the latest discharge, and not a relapse: that reopens, not closes.
      sql<boolean>`exists (
        select 1 from aftercare_check_ins check_in
        where check_in.placement_id = (
            select latest.id from placements latest
             where latest.case_id = ${caseId} and latest.status <> 'cancelled'
             order by latest.proposed_at desc limit 1)
          and check_in.days_after = ${LAST_CHECK_IN_DAYS} and check_in.outcome is not null and check_in.outcome <> 'relapsed'
      )`.as('lastCheckInDone'),
    ])
    .where('case_id', '=', caseId)
    .executeTakeFirstOrThrow();
  return {
    hasConfirmedPlacement: row.hasConfirmedPlacement,
    activePlacement: row.activePlacement,
    placementDischarged: row.hasDischarged && row.activePlacement === null,
    lastCheckInDone: row.lastCheckInDone && row.activePlacement === null,
  };
}

/** A case's placements, newest first, with the clinic and who took each step. */
export function findPlacementsOfCase(db: Kysely<Database>, caseId: string) {
  return db
    .selectFrom('placements')
    .innerJoin('clinics', 'clinics.id', 'placements.clinic_id')
    .innerJoin('users as proposer', 'proposer.id', 'placements.proposed_by')
    .leftJoin('users as confirmer', 'confirmer.id', 'placements.confirmed_by')
    .leftJoin('users as admitter', 'admitter.id', 'placements.admitted_by')
    .leftJoin('users as discharger', 'discharger.id', 'placements.discharged_by')
    .leftJoin('users as canceller', 'canceller.id', 'placements.cancelled_by')
    .select([
      'placements.id',
      'placements.version',
      'placements.status',
      'placements.programme',
      'placements.length_days as lengthDays',
      'placements.weekly_price_pence as weeklyPricePence',
      'placements.fee_terms as feeTerms',
      'placements.fee_pence as feePence',
      'placements.proposed_at as proposedAt',
      'proposer.full_name as proposedByName',
      'placements.confirmed_at as confirmedAt',
      'confirmer.full_name as confirmedByName',
      'placements.admitted_on as admittedOn',
      'admitter.full_name as admittedByName',
      'placements.discharged_on as dischargedOn',
      'placements.discharge_outcome as dischargeOutcome',
      'discharger.full_name as dischargedByName',
      'placements.cancelled_at as cancelledAt',
      'canceller.full_name as cancelledByName',
      'placements.cancel_reason as cancelReason',
      'clinics.id as clinicId',
      'clinics.name as clinicName',
      'clinics.town as clinicTown',
      'clinics.region as clinicRegion',
      'clinics.phone_e164 as clinicPhone',
      'clinics.beds_available as clinicBedsAvailable',
    ])
    .where('placements.case_id', '=', caseId)
    .orderBy('placements.proposed_at', 'desc')
    .execute();
}

export function findActivePlacement(db: Kysely<Database>, caseId: string) {
  return db
    .selectFrom('placements')
    .innerJoin('clinics', 'clinics.id', 'placements.clinic_id')
    .innerJoin('users', 'users.id', 'placements.proposed_by')
    .select(['placements.status', 'placements.proposed_at as proposedAt', 'clinics.name as clinicName', 'users.full_name as proposedByName'])
    .where('placements.case_id', '=', caseId)
    .where('placements.status', 'in', ACTIVE)
    .executeTakeFirst();
}

export function findPlacementForUpdate(trx: Kysely<Database>, id: string) {
  return trx.selectFrom('placements').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export type LockedPlacement = NonNullable<Awaited<ReturnType<typeof findPlacementForUpdate>>>;

/** Who took the placement's latest step and when: what a conflict tells the loser. */
export function findLastPlacementStep(db: Kysely<Database>, caseId: string, placementId: string) {
  return db
    .selectFrom('case_events')
    .leftJoin('users', 'users.id', 'case_events.actor_id')
    .select(['users.full_name as actorName', 'case_events.occurred_at as at', 'case_events.kind'])
    .where('case_events.case_id', '=', caseId)
    .where(sql<boolean>`case_events.details->>'placementId' = ${placementId}`)
    .orderBy('case_events.occurred_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}
