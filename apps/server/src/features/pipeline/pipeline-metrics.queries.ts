import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/database';
import { isStaleCase } from '../../db/stale-case';

// The figures a team lead and a manager read of the pipeline, each one query.

/** Of the cases opened in the period, how many reached an assessment and how many were admitted. */
export async function findConversion(db: Kysely<Database>, from: Date, until: Date) {
  return db
    .selectFrom('cases')
    .select([
      sql<number>`count(*)::int`.as('opened'),
      sql<number>`count(*) filter (where cases.stage in ('assessment', 'placement', 'aftercare')
        or exists (select 1 from case_events e where e.case_id = cases.id and e.kind = 'stage_moved' and e.details->>'to' = 'assessment'))::int`.as('assessed'),
      sql<number>`count(*) filter (where exists (
        select 1 from placements p where p.case_id = cases.id and p.admitted_on is not null))::int`.as('admitted'),
    ])
    .where('cases.created_at', '>=', from)
    .where('cases.created_at', '<', until)
    .executeTakeFirstOrThrow();
}

/**
 * For each stage, the median days a case spent in it before moving on, over the moves made
 * in the period: the time from entering the stage (the previous move, or the case opening
 * for Enquiry) to leaving it.
 */
export async function findMedianDaysInStage(db: Kysely<Database>, from: Date, until: Date) {
  const { rows } = await sql<{ stage: string; medianDays: number; moves: number }>`
    with moves as (
      select e.case_id, e.details->>'from' as stage, e.occurred_at,
             coalesce(lag(e.occurred_at) over (partition by e.case_id order by e.occurred_at), c.created_at) as entered_at
        from case_events e
        join cases c on c.id = e.case_id
       where e.kind = 'stage_moved'
    )
    select stage,
           round((percentile_cont(0.5) within group (order by extract(epoch from occurred_at - entered_at)) / 86400)::numeric, 1)::float as "medianDays",
           count(*)::int as moves
      from moves
     where occurred_at >= ${from} and occurred_at < ${until} and stage <> 'closed'
     group by stage
  `.execute(db);
  return rows;
}

/** Open cases per adviser, and how many of them are stale: too long in their stage, or the next action overdue by a day. */
export async function findStaleByAdviser(db: Kysely<Database>, now: Date) {
  return db
    .selectFrom('cases')
    .leftJoin('users as adviser', 'adviser.id', 'cases.assigned_adviser_id')
    .select([
      'cases.assigned_adviser_id as adviserId',
      'adviser.full_name as adviserName',
      sql<number>`count(*)::int`.as('open'),
      sql<number>`count(*) filter (where ${isStaleCase(now)})::int`.as('stale'),
    ])
    .where('cases.stage', '!=', 'closed')
    .groupBy(['cases.assigned_adviser_id', 'adviser.full_name'])
    .orderBy('stale', 'desc')
    .orderBy('adviser.full_name')
    .execute();
}
