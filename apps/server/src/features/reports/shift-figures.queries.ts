import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/database';
import { isStaleCase } from '../../db/stale-case';

// The team lead's figures for the shift: whether callbacks are made in time, and where the
// open work is and with whom.

/**
 * Callback requests by the London day their first call fell due, from `from` to `now`: made in
 * time, made late or not made though due, and the urgent ones of each. A request closed
 * without a call (the person rang in first) counts as neither.
 */
export async function findCallbackTimeliness(db: Kysely<Database>, from: Date, now: Date) {
  const late = sql`(cb.first_attempt_at > cb.first_attempt_due_at or (cb.first_attempt_at is null and cb.status = 'open' and cb.first_attempt_due_at < ${now}))`;
  const { rows } = await sql<{ day: string; inTime: number; late: number; urgentInTime: number; urgentLate: number }>`
    select to_char(cb.first_attempt_due_at at time zone 'Europe/London', 'YYYY-MM-DD') as day,
           count(*) filter (where cb.first_attempt_at <= cb.first_attempt_due_at)::int as "inTime",
           count(*) filter (where ${late})::int as late,
           count(*) filter (where cb.urgency_reason is not null and cb.first_attempt_at <= cb.first_attempt_due_at)::int as "urgentInTime",
           count(*) filter (where cb.urgency_reason is not null and ${late})::int as "urgentLate"
      from callback_requests cb
     where cb.first_attempt_due_at >= ${from} and cb.first_attempt_due_at <= ${now}
     group by 1
  `.execute(db);
  return rows;
}

/** Each adviser's open cases by stage, how many are stale or have a next action overdue, and the callbacks they hold now. */
export async function findOpenWorkByAdviser(db: Kysely<Database>, now: Date) {
  const { rows } = await sql<{
    adviserId: string | null;
    adviserName: string | null;
    enquiry: number;
    assessment: number;
    placement: number;
    aftercare: number;
    stale: number;
    overdueActions: number;
    callbacksHeld: number;
  }>`
    with work as (
      select cases.assigned_adviser_id as adviser_id,
             count(*) filter (where cases.stage = 'enquiry')::int as enquiry,
             count(*) filter (where cases.stage = 'assessment')::int as assessment,
             count(*) filter (where cases.stage = 'placement')::int as placement,
             count(*) filter (where cases.stage = 'aftercare')::int as aftercare,
             count(*) filter (where ${isStaleCase(now)})::int as stale,
             count(*) filter (where cases.next_action_due_at < ${now})::int as overdue_actions
        from cases
       where cases.stage <> 'closed'
       group by cases.assigned_adviser_id
    ), held as (
      select claimed_by as adviser_id, count(*)::int as callbacks_held
        from callback_requests
       where status = 'open' and claimed_by is not null and claim_expires_at > ${now}
       group by claimed_by
    )
    select u.id as "adviserId", u.full_name as "adviserName",
           coalesce(work.enquiry, 0) as enquiry, coalesce(work.assessment, 0) as assessment,
           coalesce(work.placement, 0) as placement, coalesce(work.aftercare, 0) as aftercare,
           coalesce(work.stale, 0) as stale, coalesce(work.overdue_actions, 0) as "overdueActions",
           coalesce(held.callbacks_held, 0) as "callbacksHeld"
      from users u
      left join work on work.adviser_id = u.id
      left join held on held.adviser_id = u.id
     where (u.is_active and u.role <> 'manager') or work.adviser_id is not null
    union all
    select null, null, enquiry, assessment, placement, aftercare, stale, overdue_actions, 0
      from work where adviser_id is null
    order by 2 nulls first
  `.execute(db);
  return rows;
}

/** The open cases that have gone stale, stalest first: references only, for the team lead to open. */
export function findStaleCases(db: Kysely<Database>, now: Date, limit: number) {
  return db
    .selectFrom('cases')
    .leftJoin('users as adviser', 'adviser.id', 'cases.assigned_adviser_id')
    .select([
      'cases.id',
      'cases.reference',
      'cases.stage',
      'cases.stage_changed_at as stageChangedAt',
      'cases.next_action_due_at as nextActionDueAt',
      'cases.risk_level as riskLevel',
      'adviser.full_name as adviserName',
    ])
    .where(isStaleCase(now))
    .orderBy('cases.stage_changed_at')
    .limit(limit)
    .execute();
}

/** How many open cases are stale, stage by stage. */
export async function countStaleByStage(db: Kysely<Database>, now: Date) {
  return db
    .selectFrom('cases')
    .select(['cases.stage', sql<number>`count(*)::int`.as('count')])
    .where(isStaleCase(now))
    .groupBy('cases.stage')
    .execute();
}
