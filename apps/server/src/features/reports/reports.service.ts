import { fundingRouteOptions } from '@harbour/shared/assessment';
import { caseStages, stageLabels, type CaseStage } from '@harbour/shared/cases';
import { endOfLondonCalendarDay, startOfLondonCalendarDay } from '@harbour/shared/london-time';
import { londonDayOf } from '@harbour/shared/london-day';
import { labelsOf } from '@harbour/shared/options';
import {
  REPORT_PAGE_SIZE,
  describeReportFilters,
  placementReportColumns,
  periodTextOf,
  initialsOf,
  type AftercareStatus,
  type PlacementReportFilters,
  type PlacementReportRow,
  type PlacementReportTotals,
} from '@harbour/shared/reports';
import type { Kysely } from 'kysely';
import type pg from 'pg';
import type { StaffActor } from '../../actor';
import { pooledClientOf } from '../../db/connect';
import type { Database } from '../../db/database';
import { inlineParameters } from '../../db/inline-parameters';
import { recordAudit } from '../audit/audit.service';
import { csvHeading, csvLinesOfCells, csvTotalsLine } from './placement-report-csv';
import { CopyCsvRows } from './placement-report-copy';
import {
  findFilterNames,
  findReportBatch,
  findReportCsvBatch,
  findReportGroups,
  findReportPage,
  findReportTotals,
  reportCsvQuery,
  reportTotalsQuery,
  type ReportCursor,
  type ReportRowRecord,
} from './placement-report.queries';
import type { PlacementSummary, SummaryGroup } from './placement-summary-pdf';
import { findDaysToAdmission, findFunnel } from './service-figures.queries';
import { countStaleByStage, findCallbackTimeliness, findOpenWorkByAdviser, findStaleCases } from './shift-figures.queries';

const DAY_MS = 24 * 3_600_000;
/** A download reads this many rows at a time: few round trips, little memory. */
const EXPORT_BATCH_SIZE = 2_000;
export const STALE_CASES_SHOWN = 25;
export const SLA_DAYS = 14;
export const SERVICE_MONTHS = 12;

const fundingLabels = labelsOf(fundingRouteOptions);

/**
 * Where reports go. Their reads go to `reportDb`: the read replica when DATABASE_REPLICA_URL
 * is set, else the primary. What they write (the audit trail) always goes to `db`, the primary.
 */
export interface ReportDatabases {
  db: Kysely<Database>;
  reportDb: Kysely<Database>;
}

/** The row as it may leave the database layer: initials, never the name. */
function reportRowOf({ clientName, ...record }: ReportRowRecord): PlacementReportRow {
  return { ...record, initials: clientName ? initialsOf(clientName) : '', aftercareStatus: record.aftercareStatus as AftercareStatus | null };
}

/** A page of the placement report and the totals of all its rows; who read which cases is recorded. */
export async function viewPlacementReport({ db, reportDb }: ReportDatabases, actor: StaffActor, filters: PlacementReportFilters, page: number) {
  const [records, totals] = await Promise.all([findReportPage(reportDb, filters, page, REPORT_PAGE_SIZE), findReportTotals(reportDb, filters)]);
  const rows = records.map(reportRowOf);
  await recordAudit(db, {
    actorUserId: actor.userId,
    action: 'reports.viewed',
    entityType: 'case',
    requestId: actor.requestId,
    details: { report: 'placements', filters, page, ids: [...new Set(rows.map((row) => row.caseId))] },
  });
  return { rows, totals, page, pageCount: Math.max(1, Math.ceil(totals.placements / REPORT_PAGE_SIZE)) };
}

/** Every row of the report in order, a batch at a time, however many there are. */
async function* allReportRows(reportDb: Kysely<Database>, filters: PlacementReportFilters): AsyncGenerator<PlacementReportRow> {
  let cursor: ReportCursor | null = null;
  for (;;) {
    const batch = await findReportBatch(reportDb, filters, cursor, EXPORT_BATCH_SIZE);
    for (const { sortKey: _sortKey, cursorId: _cursorId, ...record } of batch) yield reportRowOf(record);
    const last = batch.at(-1);
    if (!last || batch.length < EXPORT_BATCH_SIZE) return;
    cursor = { sortKey: last.sortKey, placementId: last.cursorId };
  }
}

export type ExportFormat = 'csv' | 'xlsx' | 'pdf';

/** The trail records who took which rows before the first one leaves: a download cut short is still recorded. */
function recordExport(db: Kysely<Database>, actor: StaffActor, filters: PlacementReportFilters, format: ExportFormat, rows: number) {
  return recordAudit(db, {
    actorUserId: actor.userId,
    action: 'reports.exported',
    entityType: 'report',
    requestId: actor.requestId,
    details: { report: 'placements', format, filters, rows },
  });
}

/** The rows of the Excel download, recorded before the first one leaves. */
export async function exportPlacementRows({ db, reportDb }: ReportDatabases, actor: StaffActor, filters: PlacementReportFilters) {
  const totals = await findReportTotals(reportDb, filters);
  await recordExport(db, actor, filters, 'xlsx', totals.placements);
  return allReportRows(reportDb, filters);
}

/** A CSV download under way: its bytes, and the connection it holds until it ends. */
export interface CsvDownload {
  /** The file piece by piece, read at the pace the client takes it. */
  body: AsyncIterable<string | Buffer>;
  /** Lets go of the database: called once the body has gone, or with the error that cut it short. */
  finish(error?: unknown): Promise<void>;
}

// A download of a million rows takes longer than the pool's 10 s statement limit, and a slow
// connection longer still: COPY waits on the client (backpressure) while it holds its snapshot.
const COPY_STATEMENT_TIMEOUT = '1h';

/** The COPY that streams the report's CSV cells for these filters: what the export runs, and what a benchmark times. */
export function placementCsvCopySql(reportDb: Kysely<Database>, filters: PlacementReportFilters): string {
  return `copy (${inlineParameters(reportCsvQuery(reportDb, filters).compile())}) to stdout with (format csv)`;
}

/**
 * The placement report as a CSV file, recorded before the first row leaves. On PostgreSQL the
 * rows are COPY's output streamed as it arrives, with the totals read in the same snapshot so
 * they add up to exactly the rows sent; on the embedded engine, the same cells in batches.
 */
export async function exportPlacementCsv(
  { db, reportDb }: ReportDatabases,
  actor: StaffActor,
  filters: PlacementReportFilters,
  { via = pooledClientOf(reportDb) ? 'copy' : 'batches' }: { via?: 'copy' | 'batches' } = {},
): Promise<CsvDownload> {
  const connect = pooledClientOf(reportDb);
  if (via === 'copy' && connect) return copyCsv({ db, reportDb }, await connect(), actor, filters);
  const totals = await findReportTotals(reportDb, filters);
  await recordExport(db, actor, filters, 'csv', totals.placements);
  return { body: csvInBatches(reportDb, filters, totals), finish: () => Promise.resolve() };
}

async function copyCsv({ db, reportDb }: ReportDatabases, client: pg.PoolClient, actor: StaffActor, filters: PlacementReportFilters): Promise<CsvDownload> {
  let isFinished = false;
  const finish = async (error?: unknown) => {
    if (isFinished) return;
    isFinished = true;
    // A COPY cut short leaves the connection mid-stream: it is closed, not returned to the pool.
    if (error) {
      client.release(error instanceof Error ? error : new Error('CSV download cut short'));
      return;
    }
    try {
      await client.query('commit');
      client.release();
    } catch (commitError) {
      client.release(commitError as Error);
      throw commitError;
    }
  };
  try {
    await client.query('begin isolation level repeatable read read only');
    await client.query(`set local statement_timeout = '${COPY_STATEMENT_TIMEOUT}'`);
    const totalsQuery = reportTotalsQuery(reportDb, filters).compile();
    const { rows } = await client.query<PlacementReportTotals>(totalsQuery.sql, [...totalsQuery.parameters]);
    const totals = rows[0]!;
    await recordExport(db, actor, filters, 'csv', totals.placements);
    const copySql = placementCsvCopySql(reportDb, filters);
    async function* body() {
      yield csvHeading();
      yield* client.query(new CopyCsvRows(copySql)) as AsyncIterable<Buffer>;
      yield csvTotalsLine(totals);
    }
    return { body: body(), finish };
  } catch (error) {
    await finish(error);
    throw error;
  }
}

async function* csvInBatches(reportDb: Kysely<Database>, filters: PlacementReportFilters, totals: PlacementReportTotals): AsyncGenerator<string> {
  yield csvHeading();
  let cursor: ReportCursor | null = null;
  for (;;) {
    const batch = await findReportCsvBatch(reportDb, filters, cursor, EXPORT_BATCH_SIZE);
    yield csvLinesOfCells(batch.map((row) => cellsOf(row as unknown as Record<string, string | null>)));
    const last = batch.at(-1);
    if (!last || batch.length < EXPORT_BATCH_SIZE) break;
    cursor = { sortKey: last.sortKey, placementId: last.cursorId };
  }
  yield csvTotalsLine(totals);
}

const cellsOf = (row: Record<string, string | null>) => placementReportColumns.map((_column, index) => row[`cell_${index}`] ?? null);

/** The first day of the month `months` months before the month of `day` ("2026-11-17", 11 → "2025-12-01"). */
function monthStartBefore(day: string, months: number): string {
  const [year, month] = day.split('-').map(Number) as [number, number];
  const start = new Date(Date.UTC(year, month - 1 - months, 1));
  return start.toISOString().slice(0, 10);
}

/** The last London day of the month of `day`. */
function monthEndOf(day: string): string {
  const [year, month] = day.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

/** The twelve months that end with the month of `lastDay`: admissions, fees and median days to admission in each, oldest first. */
/** The twelve whole months that end with the month of `lastDay`, as London days. */
const serviceWindowTo = (lastDay: string) => ({ from: monthStartBefore(lastDay, SERVICE_MONTHS - 1), to: monthEndOf(lastDay) });

async function serviceMonths(db: Kysely<Database>, filters: Omit<PlacementReportFilters, 'from' | 'to' | 'periodBy'>, lastDay: string) {
  const { from, to } = serviceWindowTo(lastDay);
  const [groups, days] = await Promise.all([
    findReportGroups(db, { ...filters, periodBy: 'admission', from, to }, 'admissionMonth'),
    findDaysToAdmission(db, from, to),
  ]);
  const byMonth = new Map(groups.map((group) => [group.key, group]));
  const months = Array.from({ length: SERVICE_MONTHS }, (_, index) => monthStartBefore(lastDay, SERVICE_MONTHS - 1 - index).slice(0, 7));
  return {
    medianDaysToAdmission: days.medianDays,
    monthly: months.map((month) => ({
      month,
      placements: byMonth.get(month)?.admissions ?? 0,
      feesPence: byMonth.get(month)?.feesPence ?? 0,
      medianDaysToAdmission: days.byMonth.get(month) ?? null,
    })),
  };
}

const funnelSteps = [
  { key: 'enquiry', label: 'Enquiry' },
  { key: 'assessment', label: 'Assessment' },
  { key: 'placement', label: 'Placement proposed' },
  { key: 'admission', label: 'Admitted' },
  { key: 'completed', label: 'Completed the programme' },
] as const;

async function funnelOf(db: Kysely<Database>, fromDay: string, toDay: string) {
  const from = startOfLondonCalendarDay(fromDay);
  const until = endOfLondonCalendarDay(toDay);
  const counts = await findFunnel(db, from, until);
  return funnelSteps.map((step) => ({ label: step.label, count: counts[step.key] }));
}

const groupOf = (label: string, { placements, admissions, completions, feesPence }: Omit<SummaryGroup, 'label'>): SummaryGroup => ({
  label,
  placements,
  admissions,
  completions,
  feesPence,
});

/**
 * The manager's dashboard: admissions and fees month by month over the last twelve months,
 * admissions by clinic, how far the cases opened in those months went, and how long from
 * first contact to admission. Counts and money only.
 */
export async function serviceDashboard(reportDb: Kysely<Database>, now: Date) {
  const today = londonDayOf(now);
  const window = serviceWindowTo(today);
  const [months, byClinic, funnel] = await Promise.all([
    serviceMonths(reportDb, {}, today),
    findReportGroups(reportDb, { periodBy: 'admission', ...window }, 'clinic'),
    funnelOf(reportDb, window.from, today),
  ]);
  return {
    from: window.from,
    to: today,
    monthly: months.monthly,
    byClinic: byClinic.filter((group) => group.admissions > 0).map((group) => groupOf(group.key, group)),
    funnel,
    medianDaysToAdmission: months.medianDaysToAdmission,
  };
}

/**
 * The team lead's dashboard: callbacks made in time, day by day over the last fortnight; open
 * cases per stage; the stale ones; each adviser's open work.
 */
export async function shiftDashboard({ db, reportDb }: ReportDatabases, actor: StaffActor, now: Date) {
  const today = londonDayOf(now);
  const firstDay = new Date(Date.parse(`${today}T12:00:00Z`) - (SLA_DAYS - 1) * DAY_MS).toISOString().slice(0, 10);
  const [timeliness, work, staleCases, staleByStage] = await Promise.all([
    findCallbackTimeliness(reportDb, startOfLondonCalendarDay(firstDay), now),
    findOpenWorkByAdviser(reportDb, now),
    findStaleCases(reportDb, now, STALE_CASES_SHOWN),
    countStaleByStage(reportDb, now),
  ]);
  const byDay = new Map(timeliness.map((row) => [row.day, row]));
  const days = Array.from({ length: SLA_DAYS }, (_, index) => new Date(Date.parse(`${firstDay}T12:00:00Z`) + index * DAY_MS).toISOString().slice(0, 10));
  const openStages = caseStages.filter((stage): stage is Exclude<CaseStage, 'closed'> => stage !== 'closed');
  const openPerStage = openStages.map((stage) => ({
    stage,
    label: stageLabels[stage],
    open: work.reduce((sum, adviser) => sum + adviser[stage], 0),
    stale: staleByStage.find((row) => row.stage === stage)?.count ?? 0,
  }));
  await recordAudit(db, {
    actorUserId: actor.userId,
    action: 'cases.listed',
    entityType: 'case',
    requestId: actor.requestId,
    details: { view: 'shift dashboard', ids: staleCases.map((row) => row.id) },
  });
  return {
    callbackTimeliness: days.map((day) => {
      const row = byDay.get(day);
      const inTime = row?.inTime ?? 0;
      const late = row?.late ?? 0;
      return {
        day,
        inTime,
        late,
        urgentInTime: row?.urgentInTime ?? 0,
        urgentLate: row?.urgentLate ?? 0,
        percentInTime: inTime + late === 0 ? null : Math.round((inTime / (inTime + late)) * 1000) / 10,
      };
    }),
    openPerStage,
    staleCount: openPerStage.reduce((sum, stage) => sum + stage.stale, 0),
    staleCases,
    openWork: work,
  };
}

/** The monthly summary PDF's figures for the report's filters; recorded like any download. */
export async function placementSummary(
  { db, reportDb }: ReportDatabases,
  actor: StaffActor & { fullName: string },
  filters: PlacementReportFilters,
  now: Date,
): Promise<PlacementSummary> {
  const { periodBy: _periodBy, from: _from, to: _to, ...otherFilters } = filters;
  const [totals, byClinic, byFundingRoute, months, funnel, names] = await Promise.all([
    findReportTotals(reportDb, filters),
    findReportGroups(reportDb, filters, 'clinic'),
    findReportGroups(reportDb, filters, 'fundingRoute'),
    serviceMonths(reportDb, otherFilters, filters.to),
    funnelOf(reportDb, serviceWindowTo(filters.to).from, filters.to),
    findFilterNames(reportDb, filters),
  ]);
  await recordExport(db, actor, filters, 'pdf', totals.placements);
  return {
    periodText: periodTextOf(filters),
    filtersText: describeReportFilters(filters, names),
    generatedAt: now,
    generatedBy: actor.fullName,
    totals: totals satisfies PlacementReportTotals,
    byClinic: byClinic.map((group) => groupOf(group.key, group)),
    byFundingRoute: byFundingRoute.map((group) => groupOf(fundingLabels[group.key as keyof typeof fundingLabels] ?? group.key, group)),
    monthly: months.monthly,
    funnel,
    medianDaysToAdmission: months.medianDaysToAdmission,
  };
}
