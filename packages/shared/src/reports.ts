import { z } from 'zod';
import { checkInOutcomeOptions } from './aftercare';
import { fundingRouteOptions, severityBandLabels, type SeverityBand } from './assessment';
import { serviceLabels, type Service } from './clinics';
import { formatPence } from './format';
import { labelsOf, valuesOf } from './options';
import { dischargeOutcomeOptions } from './placements';
import { regionLabel, regionValues } from './regions';
import { substanceIds, substanceLabel } from './substances';
import { fromUkDate, toUkDate } from './uk-date';

// The placement report: one row per placement, for managers to account for the service's work
// and income. The screen, the CSV, the Excel file and the PDF read the same rows through the
// same columns, so a download is exactly what was on screen.

export const REPORT_PAGE_SIZE = 100;

const fundingLabels = labelsOf(fundingRouteOptions);

export const reportPeriodByOptions = [
  { value: 'admission', label: 'Admission date' },
  { value: 'proposal', label: 'Proposal date' },
] as const;
export type ReportPeriodBy = (typeof reportPeriodByOptions)[number]['value'];

/** Where a placement has got to: its step while on the go, how it ended once discharged. */
export const reportOutcomeOptions = [
  { value: 'proposed', label: 'Proposed' },
  { value: 'confirmed', label: 'Confirmed, awaiting admission' },
  { value: 'in_treatment', label: 'In treatment' },
  ...dischargeOutcomeOptions,
  { value: 'cancelled', label: 'Cancelled' },
] as const;
export type ReportOutcome = (typeof reportOutcomeOptions)[number]['value'];
export const reportOutcomeLabels = labelsOf(reportOutcomeOptions);

/** After discharge, how aftercare stands: the last check-in's outcome, or none made yet. */
export const aftercareStatusOptions = [
  { value: 'awaiting_check_in', label: 'Awaiting first check-in' },
  ...checkInOutcomeOptions.map((option) => ({ value: option.value, label: `Last check-in: ${option.label.toLowerCase()}` })),
] as Array<{ value: AftercareStatus; label: string }>;
export type AftercareStatus = 'awaiting_check_in' | (typeof checkInOutcomeOptions)[number]['value'];
export const aftercareStatusLabels = labelsOf(aftercareStatusOptions);

/** "" from a form or an address is no filter at all. */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === '' || value === null ? undefined : value), schema.optional());

const isIsoDay = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

const reportDay = (name: string) =>
  z.preprocess((value) => (typeof value === 'string' ? fromUkDate(value) : value), z.iso.date({ error: `Enter the ${name} as day/month/year, like 01/11/2026` }));

// The filters arrive as a tRPC input from the screen and as query parameters on a download
// link: one schema reads both, so the two can never select different rows.
export const placementReportFiltersSchema = z
  .object({
    periodBy: z.preprocess(
      (value) => (value === '' || value === undefined ? 'admission' : value),
      z.enum(valuesOf(reportPeriodByOptions), { error: 'Choose admission date or proposal date' }),
    ),
    from: reportDay('first day'),
    to: reportDay('last day'),
    clinicId: optional(z.uuid({ error: 'Choose a clinic from the list' })),
    region: optional(z.enum(regionValues, { error: 'Choose a region from the list' })),
    adviserId: optional(z.uuid({ error: 'Choose an adviser from the list' })),
    fundingRoute: optional(z.enum(valuesOf(fundingRouteOptions), { error: 'Choose a funding route from the list' })),
    substance: optional(z.enum(substanceIds, { error: 'Choose a substance from the list' })),
    outcome: optional(z.enum(valuesOf(reportOutcomeOptions), { error: 'Choose an outcome from the list' })),
  })
  // Only two real days can be out of order: a day typed wrongly is reported at its own field.
  .refine((filters) => !isIsoDay(filters.from) || !isIsoDay(filters.to) || filters.from <= filters.to, {
    error: 'The last day must not be before the first day',
    path: ['to'],
  });
export type PlacementReportFilters = z.output<typeof placementReportFiltersSchema>;
export type PlacementReportFiltersInput = z.input<typeof placementReportFiltersSchema>;

export const placementReportPageSchema = z.object({
  filters: placementReportFiltersSchema,
  page: z.number().int().min(1).max(100_000).default(1),
});

/** The filters as a query string, for a download link and for the address of the screen. */
export function reportQueryOf(filters: PlacementReportFilters): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) {
    if (value !== undefined && value !== '') search.set(name, String(value));
  }
  return search.toString();
}

/** "Mary Jane O'Neil" as "MJO": a report leaves Harbour, so it never carries a name. */
export function initialsOf(name: string): string {
  return name
    .split(/[\s-]+/)
    .map((part) => part.replace(/[^\p{L}]/gu, '').charAt(0).toUpperCase())
    .join('');
}

/** "Placements admitted from 01/10/2026 to 31/10/2026" */
export function periodTextOf(filters: Pick<PlacementReportFilters, 'periodBy' | 'from' | 'to'>): string {
  const verb = filters.periodBy === 'admission' ? 'admitted' : 'proposed';
  return `Placements ${verb} from ${toUkDate(filters.from)} to ${toUkDate(filters.to)}`;
}

/**
 * The filters besides the period, as a reader would say them; the clinic and adviser by name,
 * null for one no longer on record, undefined while the names are still being read.
 */
export function describeReportFilters(filters: PlacementReportFilters, names: { clinic?: string | null; adviser?: string | null }): string[] {
  const described: string[] = [];
  const nameOf = (name: string | null | undefined, gone: string, pending: string) => (name === undefined ? pending : (name ?? gone));
  if (filters.clinicId) described.push(`Clinic: ${nameOf(names.clinic, 'a clinic no longer listed', 'the chosen clinic')}`);
  if (filters.region) described.push(`Region: ${regionLabel(filters.region)}`);
  if (filters.adviserId) described.push(`Adviser: ${nameOf(names.adviser, 'a former colleague', 'the chosen adviser')}`);
  if (filters.fundingRoute) described.push(`Funding: ${fundingLabels[filters.fundingRoute]}`);
  if (filters.substance) described.push(`Primary substance: ${substanceLabel(filters.substance)}`);
  if (filters.outcome) described.push(`Outcome: ${reportOutcomeLabels[filters.outcome]}`);
  return described;
}

/** One placement as the report shows it. Days are London calendar days ("2026-11-03"). */
export interface PlacementReportRow {
  placementId: string;
  caseId: string;
  reference: string;
  initials: string;
  proposedOn: string;
  admittedOn: string | null;
  dischargedOn: string | null;
  bookedDays: number;
  /** Admission to discharge; none until discharged. */
  actualDays: number | null;
  clinicName: string;
  region: string;
  programme: Service;
  fundingRoute: string | null;
  weeklyPricePence: number;
  /** The service's fee, once agreed; none for a cancelled placement. */
  feePence: number | null;
  outcome: ReportOutcome;
  adviserName: string;
  primarySubstance: string | null;
  severity: SeverityBand | null;
  isDualDiagnosis: boolean;
  /** Only after discharge. */
  aftercareStatus: AftercareStatus | null;
}

export type ReportCellKind = 'text' | 'date' | 'number' | 'money';

export interface ReportColumn {
  header: string;
  kind: ReportCellKind;
  /** Characters, for the Excel column. */
  width: number;
  /** The cell as read on screen and in the CSV; "" when there is nothing to show. */
  text: (row: PlacementReportRow) => string;
  /** The typed cell for Excel: a day, a number, pounds; null for an empty cell. */
  value: (row: PlacementReportRow) => string | number | null;
}

const whole = new Intl.NumberFormat('en-GB');
const day = (pick: (row: PlacementReportRow) => string | null) => ({
  kind: 'date' as const,
  width: 12,
  text: (row: PlacementReportRow) => {
    const value = pick(row);
    return value ? toUkDate(value) : '';
  },
  value: pick,
});
const count = (pick: (row: PlacementReportRow) => number | null) => ({
  kind: 'number' as const,
  width: 9,
  text: (row: PlacementReportRow) => {
    const value = pick(row);
    return value === null ? '' : whole.format(value);
  },
  value: pick,
});
const money = (pick: (row: PlacementReportRow) => number | null) => ({
  kind: 'money' as const,
  width: 13,
  text: (row: PlacementReportRow) => {
    const value = pick(row);
    return value === null ? '' : formatPence(value);
  },
  value: (row: PlacementReportRow) => {
    const value = pick(row);
    return value === null ? null : value / 100;
  },
});
const words = (width: number, pick: (row: PlacementReportRow) => string) => ({ kind: 'text' as const, width, text: pick, value: pick });

export const placementReportColumns: ReportColumn[] = [
  { header: 'Case', ...words(10, (row) => row.reference) },
  { header: 'Client', ...words(7, (row) => row.initials) },
  { header: 'Proposed', ...day((row) => row.proposedOn) },
  { header: 'Admitted', ...day((row) => row.admittedOn) },
  { header: 'Discharged', ...day((row) => row.dischargedOn) },
  { header: 'Booked days', ...count((row) => row.bookedDays) },
  { header: 'Actual days', ...count((row) => row.actualDays) },
  { header: 'Clinic', ...words(32, (row) => row.clinicName) },
  { header: 'Region', ...words(20, (row) => regionLabel(row.region)) },
  { header: 'Programme', ...words(26, (row) => serviceLabels[row.programme]) },
  { header: 'Funding', ...words(24, (row) => (row.fundingRoute ? (fundingLabels[row.fundingRoute as keyof typeof fundingLabels] ?? row.fundingRoute) : '')) },
  { header: 'Weekly price', ...money((row) => row.weeklyPricePence) },
  { header: 'Service fee', ...money((row) => row.feePence) },
  { header: 'Outcome', ...words(26, (row) => reportOutcomeLabels[row.outcome]) },
  { header: 'Adviser', ...words(20, (row) => row.adviserName) },
  { header: 'Primary substance', ...words(20, (row) => (row.primarySubstance ? substanceLabel(row.primarySubstance) : '')) },
  { header: 'Severity', ...words(10, (row) => (row.severity ? severityBandLabels[row.severity] : '')) },
  { header: 'Dual diagnosis', ...words(9, (row) => (row.isDualDiagnosis ? 'Yes' : 'No')) },
  { header: 'Aftercare', ...words(26, (row) => (row.aftercareStatus ? aftercareStatusLabels[row.aftercareStatus] : '')) },
];

export interface PlacementReportTotals {
  placements: number;
  admissions: number;
  completions: number;
  discharges: number;
  feesPence: number;
}

const dischargeOutcomes: ReadonlySet<ReportOutcome> = new Set(dischargeOutcomeOptions.map((option) => option.value));

export const noTotals = (): PlacementReportTotals => ({ placements: 0, admissions: 0, completions: 0, discharges: 0, feesPence: 0 });

/** `totals` with `row` counted in, by the rules the database's totals follow. */
export function tallyRow(totals: PlacementReportTotals, row: PlacementReportRow): PlacementReportTotals {
  return {
    placements: totals.placements + 1,
    admissions: totals.admissions + (row.admittedOn ? 1 : 0),
    completions: totals.completions + (row.outcome === 'completed' ? 1 : 0),
    discharges: totals.discharges + (dischargeOutcomes.has(row.outcome) ? 1 : 0),
    feesPence: totals.feesPence + (row.feePence ?? 0),
  };
}

/** Of the placements that have ended in a discharge, the share that completed the programme; null before any discharge. */
export function completionRateOf(totals: Pick<PlacementReportTotals, 'completions' | 'discharges'>): number | null {
  return totals.discharges === 0 ? null : Math.round((totals.completions / totals.discharges) * 1000) / 10;
}

export interface TotalsCell {
  text: string;
  /** For Excel: a count with its unit in the cell's format, so it stays a number; or text. */
  value: string | number;
  excelFormat?: string;
}

/**
 * The totals row, cell by cell under the columns they add up: placements under Proposed,
 * admissions under Admitted, fees under Service fee, completions under Outcome.
 */
export function totalsRowOf(totals: PlacementReportTotals): Array<TotalsCell | null> {
  const rate = completionRateOf(totals);
  const counted = (value: number, unit: string): TotalsCell => ({ text: `${whole.format(value)} ${unit}`, value, excelFormat: `#,##0 "${unit}"` });
  const cells: Record<string, TotalsCell> = {
    Case: { text: 'Totals', value: 'Totals' },
    Proposed: counted(totals.placements, totals.placements === 1 ? 'placement' : 'placements'),
    Admitted: counted(totals.admissions, 'admitted'),
    Discharged: counted(totals.discharges, 'discharged'),
    'Service fee': { text: formatPence(totals.feesPence), value: totals.feesPence / 100 },
    Outcome: {
      text: `${whole.format(totals.completions)} completed${rate === null ? '' : `, ${rate}% of discharges`}`,
      value: `${whole.format(totals.completions)} completed${rate === null ? '' : `, ${rate}% of discharges`}`,
    },
  };
  return placementReportColumns.map((column) => cells[column.header] ?? null);
}
