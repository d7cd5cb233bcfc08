import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/database';

// The manager's figures over a run of months: counts and money, never a person.

/** Of the cases opened from `from` until `until`, how many reached each step on the way to completing a programme. */
export async function findFunnel(db: Kysely<Database>, from: Date, until: Date) {
  const reached = (condition: string) => sql.raw(`exists (select 1 from placements p where p.case_id = cases.id and ${condition})`);
  return db
    .selectFrom('cases')
    .select([
      sql<number>`count(*)::int`.as('enquiry'),
      sql<number>`count(*) filter (where cases.stage in ('assessment', 'placement', 'aftercare')
        or exists (select 1 from case_events e where e.case_id = cases.id and e.kind = 'stage_moved' and e.details->>'to' = 'assessment')
        or ${reached('true')})::int`.as('assessment'),
      sql<number>`count(*) filter (where ${reached('true')})::int`.as('placement'),
      sql<number>`count(*) filter (where ${reached('p.admitted_on is not null')})::int`.as('admission'),
      sql<number>`count(*) filter (where ${reached(`p.status = 'discharged' and p.discharge_outcome = 'completed'`)})::int`.as('completed'),
    ])
    .where('cases.created_at', '>=', from)
    .where('cases.created_at', '<', until)
    .executeTakeFirstOrThrow();
}

// Days from the London day the case was opened (the first contact) to the admission.
const daysToAdmission = sql`p.admitted_on - (c.created_at at time zone 'Europe/London')::date`;

/**
 * Admissions from `fromDay` to `toDay` (London days, both included): the median days from first
 * contact to admission over all of them, and month by month.
 */
export async function findDaysToAdmission(db: Kysely<Database>, fromDay: string, toDay: string) {
  const { rows } = await sql<{ month: string | null; medianDays: number | null; admissions: number }>`
    select to_char(p.admitted_on, 'YYYY-MM') as month,
           percentile_cont(0.5) within group (order by ${daysToAdmission})::float as "medianDays",
           count(*)::int as admissions
      from placements p
      join cases c on c.id = p.case_id
     where p.admitted_on between ${fromDay}::date and ${toDay}::date
     group by grouping sets ((to_char(p.admitted_on, 'YYYY-MM')), ())
  `.execute(db);
  const overall = rows.find((row) => row.month === null);
  return {
    medianDays: overall?.medianDays ?? null,
    byMonth: new Map(rows.filter((row) => row.month !== null).map((row) => [row.month!, row.medianDays])),
  };
}
