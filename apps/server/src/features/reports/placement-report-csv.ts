import { placementReportColumns, noTotals, tallyRow, totalsRowOf, type PlacementReportRow } from '@harbour/shared/reports';

// RFC 4180 CSV that Excel opens as UTF-8 (the byte order mark tells it so), with every cell a
// spreadsheet would take for a formula made inert: a name typed as "=HYPERLINK(…)" on a case
// must not run on a manager's machine.

const BYTE_ORDER_MARK = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;
/** Lines are sent in chunks of about this many characters: fewer, larger writes. */
const CHUNK_CHARACTERS = 64 * 1024;

/** One cell: a leading formula character escaped with an apostrophe, then quoted if it must be. */
export function csvCell(text: string): string {
  const inert = FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(inert) ? `"${inert.replaceAll('"', '""')}"` : inert;
}

const csvLine = (cells: string[]) => `${cells.map(csvCell).join(',')}\r\n`;

/**
 * The report as CSV text, piece by piece, for streaming: the header, the rows as the screen
 * shows them, and the totals of the rows sent.
 */
export async function* placementReportCsv(rows: AsyncIterable<PlacementReportRow>): AsyncGenerator<string> {
  let chunk = BYTE_ORDER_MARK + csvLine(placementReportColumns.map((column) => column.header));
  let totals = noTotals();
  for await (const row of rows) {
    totals = tallyRow(totals, row);
    chunk += csvLine(placementReportColumns.map((column) => column.text(row)));
    if (chunk.length >= CHUNK_CHARACTERS) {
      yield chunk;
      chunk = '';
    }
  }
  yield chunk + csvLine(totalsRowOf(totals).map((cell) => cell?.text ?? ''));
}
