import { placementReportColumns, totalsRowOf, type PlacementReportTotals } from '@harbour/shared/reports';

// RFC 4180 CSV that Excel opens as UTF-8 (the byte order mark tells it so), with every cell a
// spreadsheet would take for a formula made inert: a name typed as "=HYPERLINK(…)" on a case
// must not run on a manager's machine. The rows' cells are written by the database
// (placement-report-cells.ts); this file writes the header and totals lines around them and
// turns what PostgreSQL's COPY sends, or the embedded engine's batches, into the file's lines.

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

const QUOTE = 0x22;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/**
 * COPY's CSV ends each row with a bare line feed; Harbour's files end rows with CR LF as RFC
 * 4180 says (and Excel on Windows expects). A line feed inside a quoted cell is part of the
 * cell and stays as it is: quotes come in pairs within a row, so a line feed ends a row when
 * the quotes seen since the row began are even. Chunks split rows anywhere; the count carries.
 */
export class CopyRowEnds {
  private isInQuotes = false;
  private rowEnds: Uint32Array = new Uint32Array(4096);

  toCrlf(chunk: Buffer): Buffer {
    let count = 0;
    let isInQuotes = this.isInQuotes;
    for (let index = 0; index < chunk.length; index += 1) {
      const byte = chunk[index];
      if (byte === QUOTE) isInQuotes = !isInQuotes;
      else if (byte === LINE_FEED && !isInQuotes) {
        if (count === this.rowEnds.length) this.rowEnds = growTo(this.rowEnds, count * 2);
        this.rowEnds[count] = index;
        count += 1;
      }
    }
    this.isInQuotes = isInQuotes;
    if (count === 0) return chunk;
    const lines = Buffer.allocUnsafe(chunk.length + count);
    let from = 0;
    let to = 0;
    for (let row = 0; row < count; row += 1) {
      const end = this.rowEnds[row]!;
      to += chunk.copy(lines, to, from, end);
      lines[to] = CARRIAGE_RETURN;
      lines[to + 1] = LINE_FEED;
      to += 2;
      from = end + 1;
    }
    chunk.copy(lines, to, from);
    return lines;
  }
}

function growTo(array: Uint32Array, length: number): Uint32Array {
  const grown = new Uint32Array(length);
  grown.set(array);
  return grown;
}
