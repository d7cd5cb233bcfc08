import { placementReportColumns, totalsRowOf, type PlacementReportTotals } from '@harbour/shared/reports';

// RFC 4180 CSV that Excel opens as UTF-8 (the byte order mark tells it so), with every cell a
// spreadsheet would take for a formula made inert: a name typed as "=HYPERLINK(…)" on a case
// must not run on a manager's machine. The rows' cells are written by the database
// (placement-report-cells.ts); this file writes the header and totals lines around them and
// turns the embedded engine's batches into the file's lines (placement-report-copy.ts does
// what PostgreSQL's COPY sends).

const BYTE_ORDER_MARK = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** A leading formula character escaped with an apostrophe. */
export const inertText = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text);

/** Quoted if it must be, as RFC 4180 (and COPY's CSV) say: around commas, quotes and line breaks. */
const quoted = (text: string): string => (NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

/** One cell: a leading formula character escaped with an apostrophe, then quoted if it must be. */
export function csvCell(text: string): string {
  return quoted(inertText(text));
}

const csvLine = (cells: string[]) => `${cells.map(csvCell).join(',')}\r\n`;

/** The start of the file: the byte order mark and the header line. */
export const csvHeading = (): string => BYTE_ORDER_MARK + csvLine(placementReportColumns.map((column) => column.header));

/** The totals line under the rows, from the totals of the rows sent. */
export const csvTotalsLine = (totals: PlacementReportTotals): string => csvLine(totalsRowOf(totals).map((cell) => cell?.text ?? ''));

/** Rows of cells the database has made inert (null for empty) as lines, for the embedded engine's batches. */
export function csvLinesOfCells(rows: ReadonlyArray<ReadonlyArray<string | null>>): string {
  let lines = '';
  for (const cells of rows) lines += `${cells.map((cell) => (cell === null ? '' : quoted(cell))).join(',')}\r\n`;
  return lines;
}
