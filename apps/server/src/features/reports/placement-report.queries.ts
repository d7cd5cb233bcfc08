import { endOfLondonCalendarDay, startOfLondonCalendarDay } from '@harbour/shared/london-time';
import type { PlacementReportFilters, PlacementReportRow, ReportOutcome } from '@harbour/shared/reports';
import { sql, type ExpressionBuilder, type Kysely, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import type { Database } from '../../db/database';
import { csvCellsSql } from './placement-report-cells';

// The placement report's rows, read one way for the screen (a page), the downloads (batches
// after a cursor, or the CSV's cells for COPY to stream, so a million rows never sit in memory)
// and the summaries (grouped).

type ReportTables = Database & { p: Database['placements']; c: Database['cases']; clinic: Database['clinics']; adviser: Database['users'] };
type ReportQuery = SelectQueryBuilder<ReportTables, 'p' | 'c' | 'clinic' | 'adviser', object>;

function outcomeCondition(eb: ExpressionBuilder<ReportTables, 'p'>, outcome: ReportOutcome) {
  switch (outcome) {
    case 'in_treatment':
      return eb('p.status', '=', 'admitted');
    case 'proposed':
    case 'confirmed':
    case 'cancelled':
      return eb('p.status', '=', outcome);
    default:
      return eb.and([eb('p.status', '=', 'discharged'), eb('p.discharge_outcome', '=', outcome)]);
  }
}

function matchesFilters(filters: PlacementReportFilters) {
  return (eb: ExpressionBuilder<ReportTables, 'p' | 'c' | 'clinic'>) => {
    const conditions =
      filters.periodBy === 'admission'
        ? [eb('p.admitted_on', '>=', filters.from), eb('p.admitted_on', '<=', filters.to)]
        : [
            eb('p.proposed_at', '>=', startOfLondonCalendarDay(filters.from)),
            eb('p.proposed_at', '<', endOfLondonCalendarDay(filters.to)),
          ];
    if (filters.clinicId) conditions.push(eb('p.clinic_id', '=', filters.clinicId));
    if (filters.region) conditions.push(eb('clinic.region', '=', filters.region));
    if (filters.adviserId) conditions.push(eb('p.proposed_by', '=', filters.adviserId));
    if (filters.fundingRoute) conditions.push(eb('c.funding_route', '=', filters.fundingRoute));
    if (filters.substance) conditions.push(eb('c.primary_substance', '=', filters.substance));
    if (filters.outcome) conditions.push(outcomeCondition(eb, filters.outcome));
    return eb.and(conditions);
  };
}

function placementsMatching(db: Kysely<Database>, filters: PlacementReportFilters): ReportQuery {
  return (db as unknown as Kysely<ReportTables>)
    .selectFrom('placements as p')
    .innerJoin('cases as c', 'c.id', 'p.case_id')
    .innerJoin('clinics as clinic', 'clinic.id', 'p.clinic_id')
    .innerJoin('users as adviser', 'adviser.id', 'p.proposed_by')
    .where(matchesFilters(filters));
}

// The day the report sorts by: the admission, or the London day of the proposal.
const proposedOn = sql<string>`to_char(p.proposed_at at time zone 'Europe/London', 'YYYY-MM-DD')`;

// The fields worked out in SQL, read both by the rows (for the screen, Excel and PDF) and by the
// CSV's cells, so the two cannot disagree.
// The person treated: named on the case, or the caller when they rang for themselves.
const clientName = sql<string | null>`case when c.client_name is not null then c.client_name when c.caller_relation = 'self' then c.caller_name end`;
// A cancelled placement earns the service nothing, whatever was agreed.
const feePence = sql<number | null>`case when p.status = 'cancelled' then null else p.fee_pence end`;
const outcome = sql<ReportOutcome>`case p.status when 'admitted' then 'in_treatment' when 'discharged' then p.discharge_outcome else p.status end`;
const aftercareStatus = sql<string | null>`case when p.status = 'discharged' then coalesce(
  (select ci.outcome from aftercare_check_ins ci
    where ci.placement_id = p.id and ci.outcome is not null
    order by ci.days_after desc limit 1),
  'awaiting_check_in') end`;
const actualDays = sql<number | null>`p.discharged_on - p.admitted_on`;

function selectRows(query: ReportQuery) {
  return query.select([
    'p.id as placementId',
    'c.id as caseId',
    'c.reference',
    clientName.as('clientName'),
    proposedOn.as('proposedOn'),
    'p.admitted_on as admittedOn',
    'p.discharged_on as dischargedOn',
    'p.length_days as bookedDays',
    actualDays.as('actualDays'),
    'clinic.name as clinicName',
    'clinic.region',
    'p.programme',
    'c.funding_route as fundingRoute',
    'p.weekly_price_pence as weeklyPricePence',
    feePence.as('feePence'),
    outcome.as('outcome'),
    'adviser.full_name as adviserName',
    'c.primary_substance as primarySubstance',
    'c.severity',
    'c.is_dual_diagnosis as isDualDiagnosis',
    aftercareStatus.as('aftercareStatus'),
  ]);
}

// The same fields for the CSV's cells (placement-report-cells.ts), which formats days itself.
const csvFields: Record<keyof PlacementReportRow, RawBuilder<unknown>> = {
  placementId: sql`p.id`,
  caseId: sql`c.id`,
  reference: sql`c.reference`,
  initials: clientName,
  proposedOn: sql`(p.proposed_at at time zone 'Europe/London')`,
  admittedOn: sql`p.admitted_on`,
  dischargedOn: sql`p.discharged_on`,
  bookedDays: sql`p.length_days`,
  actualDays,
  clinicName: sql`clinic.name`,
  region: sql`clinic.region`,
  programme: sql`p.programme`,
  fundingRoute: sql`c.funding_route`,
  weeklyPricePence: sql`p.weekly_price_pence`,
  feePence,
  outcome,
  adviserName: sql`adviser.full_name`,
  primarySubstance: sql`c.primary_substance`,
  severity: sql`c.severity`,
  isDualDiagnosis: sql`c.is_dual_diagnosis`,
  aftercareStatus,
};

// By the period's day (or proposal time), then the placement: the order an index on
// (admitted_on, id) or (proposed_at, id) already holds, so a download's next batch is a
// range read rather than a sort of everything left.
function inReportOrder<Row>(query: SelectQueryBuilder<ReportTables, 'p' | 'c' | 'clinic' | 'adviser', Row>, periodBy: PlacementReportFilters['periodBy']) {
  const ordered = periodBy === 'admission' ? query.orderBy('p.admitted_on') : query.orderBy('p.proposed_at');
  return ordered.orderBy('p.id');
}

export type ReportRowRecord = Awaited<ReturnType<typeof findReportPage>>[number];

/** A page of the report as the screen shows it. */
export function findReportPage(db: Kysely<Database>, filters: PlacementReportFilters, page: number, pageSize: number) {
  return inReportOrder(selectRows(placementsMatching(db, filters)), filters.periodBy)
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
}

/** Where the last batch ended: the sort key of its last row. */
export interface ReportCursor {
  sortKey: string;
  placementId: string;
}

/** Rows after `cursor` in report order: read by index, however deep. */
function afterCursor<Row>(query: SelectQueryBuilder<ReportTables, 'p' | 'c' | 'clinic' | 'adviser', Row>, filters: PlacementReportFilters, cursor: ReportCursor | null) {
  const sortKey = filters.periodBy === 'admission' ? sql<string>`p.admitted_on::text` : sql<string>`p.proposed_at::text`;
  let ordered = query.select([sortKey.as('sortKey'), sql<string>`p.id`.as('cursorId')]);
  if (cursor) {
    const key = filters.periodBy === 'admission' ? sql`${cursor.sortKey}::date` : sql`${cursor.sortKey}::timestamptz`;
    const column = filters.periodBy === 'admission' ? sql`p.admitted_on` : sql`p.proposed_at`;
    ordered = ordered.where(sql<boolean>`(${column}, p.id) > (${key}, ${cursor.placementId}::uuid)`);
  }
  return inReportOrder(ordered, filters.periodBy);
}

/** The next batch of the report after `cursor`, for a download. */
export function findReportBatch(db: Kysely<Database>, filters: PlacementReportFilters, cursor: ReportCursor | null, size: number) {
  return afterCursor(selectRows(placementsMatching(db, filters)), filters, cursor).limit(size).execute();
}

/** The report's rows as the CSV's cells, in report order: the query COPY streams. */
export function reportCsvQuery(db: Kysely<Database>, filters: PlacementReportFilters) {
  return inReportOrder(placementsMatching(db, filters).select(csvCellsSql((field) => csvFields[field])), filters.periodBy);
}

/** The next batch of the CSV's cells after `cursor`, where COPY cannot stream (the embedded engine). */
export function findReportCsvBatch(db: Kysely<Database>, filters: PlacementReportFilters, cursor: ReportCursor | null, size: number) {
  return afterCursor(placementsMatching(db, filters).select(csvCellsSql((field) => csvFields[field])), filters, cursor).limit(size).execute();
}

// What the totals and the groups count: the same sums, so a group's figures add up to the totals.
const tallies = () => [
  sql<number>`count(*)::int`.as('placements'),
  sql<number>`count(p.admitted_on)::int`.as('admissions'),
  sql<number>`count(*) filter (where p.status = 'discharged' and p.discharge_outcome = 'completed')::int`.as('completions'),
  sql<number>`count(*) filter (where p.status = 'discharged')::int`.as('discharges'),
  sql<number>`coalesce(sum(p.fee_pence) filter (where p.status <> 'cancelled'), 0)::bigint`.as('feesPence'),
];

/** The totals row, over every row the filters select. */
export function reportTotalsQuery(db: Kysely<Database>, filters: PlacementReportFilters) {
  return placementsMatching(db, filters).select(tallies());
}

export function findReportTotals(db: Kysely<Database>, filters: PlacementReportFilters) {
  return reportTotalsQuery(db, filters).executeTakeFirstOrThrow();
}

const groupKeys = {
  clinic: { key: sql<string>`clinic.name`, groupBy: [sql`clinic.id`, sql`clinic.name`] },
  fundingRoute: { key: sql<string>`coalesce(c.funding_route, 'undecided')`, groupBy: [sql`coalesce(c.funding_route, 'undecided')`] },
  admissionMonth: { key: sql<string>`to_char(p.admitted_on, 'YYYY-MM')`, groupBy: [sql`to_char(p.admitted_on, 'YYYY-MM')`] },
};

/** The report's rows added up by clinic, by funding route or by month of admission; most placements first. */
export function findReportGroups(db: Kysely<Database>, filters: PlacementReportFilters, by: keyof typeof groupKeys) {
  const { key, groupBy } = groupKeys[by];
  return placementsMatching(db, filters).select(key.as('key')).groupBy(groupBy).select(tallies()).orderBy('placements', 'desc').orderBy('key').execute();
}

/** The clinic and adviser a report is filtered to, by name, for its heading. */
export async function findFilterNames(db: Kysely<Database>, filters: Pick<PlacementReportFilters, 'clinicId' | 'adviserId'>) {
  const [clinic, adviser] = await Promise.all([
    filters.clinicId ? db.selectFrom('clinics').select('name').where('id', '=', filters.clinicId).executeTakeFirst() : undefined,
    filters.adviserId ? db.selectFrom('users').select('full_name as name').where('id', '=', filters.adviserId).executeTakeFirst() : undefined,
  ]);
  return { clinic: clinic?.name ?? null, adviser: adviser?.name ?? null };
}
