import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/database';

export function findAftercarePlan(db: Kysely<Database>, caseId: string) {
  return db
    .selectFrom('aftercare_plans')
    .innerJoin('users', 'users.id', 'aftercare_plans.updated_by')
    .select([
      'aftercare_plans.version',
      'aftercare_plans.support_groups as supportGroups',
      'aftercare_plans.local_services as localServices',
      'aftercare_plans.therapy',
      'aftercare_plans.notes',
      'aftercare_plans.updated_at as updatedAt',
      'users.full_name as updatedByName',
    ])
    .where('aftercare_plans.case_id', '=', caseId)
    .executeTakeFirst();
}

/** Every check-in booked for the case, for all its discharges, in the order they fall due. */
export function findCheckInsOfCase(db: Kysely<Database>, caseId: string) {
  return db
    .selectFrom('aftercare_check_ins')
    .leftJoin('users', 'users.id', 'aftercare_check_ins.recorded_by')
    .select([
      'aftercare_check_ins.id',
      'aftercare_check_ins.version',
      'aftercare_check_ins.placement_id as placementId',
      'aftercare_check_ins.days_after as daysAfter',
      'aftercare_check_ins.due_on as dueOn',
      'aftercare_check_ins.outcome',
      'aftercare_check_ins.notes',
      'aftercare_check_ins.recorded_at as recordedAt',
      'users.full_name as recordedByName',
    ])
    .where('aftercare_check_ins.case_id', '=', caseId)
    .orderBy('aftercare_check_ins.due_on')
    .orderBy('aftercare_check_ins.days_after')
    .execute();
}

/**
 * Check-ins still to make, due on or before `today`, for cases in Aftercare, and only for the
 * case's latest discharge: a case reopened and placed again has a new schedule.
 */
export function findDueCheckIns(db: Kysely<Database>, filters: { today: string; adviserId?: string }) {
  let query = db
    .selectFrom('aftercare_check_ins as check_in')
    .innerJoin('cases', 'cases.id', 'check_in.case_id')
    .innerJoin('placements', 'placements.id', 'check_in.placement_id')
    .innerJoin('clinics', 'clinics.id', 'placements.clinic_id')
    .leftJoin('users as adviser', 'adviser.id', 'cases.assigned_adviser_id')
    .select([
      'check_in.id',
      'check_in.days_after as daysAfter',
      'check_in.due_on as dueOn',
      'cases.id as caseId',
      'cases.reference',
      'cases.client_name as clientName',
      'cases.caller_name as callerName',
      'cases.risk_level as riskLevel',
      'cases.assigned_adviser_id as adviserId',
      'adviser.full_name as adviserName',
      'placements.discharged_on as dischargedOn',
      'clinics.name as clinicName',
    ])
    .where('check_in.outcome', 'is', null)
    .where('check_in.due_on', '<=', filters.today)
    .where('cases.stage', '=', 'aftercare')
    // A check-in is a call: none for someone who withdrew consent to be contacted, or was erased.
    .where('cases.contact_withdrawn_on', 'is', null)
    .where('cases.erased_at', 'is', null)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('placements as later')
            .select(sql`1`.as('one'))
            .whereRef('later.case_id', '=', 'check_in.case_id')
            .whereRef('later.proposed_at', '>', 'placements.proposed_at')
            .where('later.status', '!=', 'cancelled'),
        ),
      ),
    );
  if (filters.adviserId) query = query.where('cases.assigned_adviser_id', '=', filters.adviserId);
  return query.orderBy('check_in.due_on').orderBy('cases.reference').limit(500).execute();
}

/** Whether no placement of the case was proposed after this one (cancelled ones aside). */
export async function isOfLatestPlacement(db: Kysely<Database>, caseId: string, placementId: string): Promise<boolean> {
  const later = await db
    .selectFrom('placements as later')
    .select('later.id')
    .where('later.case_id', '=', caseId)
    .where('later.status', '!=', 'cancelled')
    .where('later.proposed_at', '>', (eb) => eb.selectFrom('placements').select('proposed_at').where('id', '=', placementId))
    .limit(1)
    .executeTakeFirst();
  return later === undefined;
}

export function findCheckInForUpdate(trx: Kysely<Database>, id: string) {
  return trx.selectFrom('aftercare_check_ins').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}
