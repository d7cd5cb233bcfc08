import type { Writable } from 'node:stream';
import { noTotals, placementReportColumns, tallyRow, totalsRowOf, type PlacementReportRow, type ReportCellKind } from '@harbour/shared/reports';

// The report as an Excel workbook: days as real dates and money as pounds, so a manager can
// sort and sum; written row by row into the response, so its size does not matter.

const formats: Record<ReportCellKind, string | undefined> = {
  text: undefined,
  date: 'dd/mm/yyyy',
  number: '#,##0',
  money: '"£"#,##0.00',
};

/** A day ("2026-11-03") as Excel reads a date: midnight with no time zone, which exceljs takes from UTC. */
const excelDate = (day: string) => new Date(`${day}T00:00:00Z`);

/** Until `out` can take more; refused if the reader goes away first, so nothing waits for ever. */
function drained(out: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    const onDrain = () => {
      out.off('close', onClose);
      resolve();
    };
    const onClose = () => {
      out.off('drain', onDrain);
      reject(new Error('The download was closed before it finished'));
    };
    out.once('drain', onDrain);
    out.once('close', onClose);
  });
}

export async function writePlacementReportXlsx(rows: AsyncIterable<PlacementReportRow>, out: Writable, title: string): Promise<void> {
  // Loaded on the first workbook, not at start: exceljs is about 28 MB resident that a server
  // which never writes one need not carry (the CSV export's memory target counts it).
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Harbour';
  workbook.title = title;
  const sheet = workbook.addWorksheet('Placements', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = placementReportColumns.map((column) => ({
    header: column.header,
    width: column.width,
    style: formats[column.kind] ? { numFmt: formats[column.kind] } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: placementReportColumns.length } };
  sheet.getRow(1).commit();

  let totals = noTotals();
  for await (const row of rows) {
    totals = tallyRow(totals, row);
    sheet
      .addRow(
        placementReportColumns.map((column) => {
          const value = column.value(row);
          return column.kind === 'date' && typeof value === 'string' ? excelDate(value) : value;
        }),
      )
      .commit();
    // The workbook writes into the response as it goes; a slow reader holds it here rather
    // than letting rows pile up in memory.
    if (out.writableNeedDrain) await drained(out);
  }

  const totalsRow = sheet.addRow(totalsRowOf(totals).map((cell) => cell?.value ?? null));
  totalsRowOf(totals).forEach((cell, index) => {
    if (cell?.excelFormat) totalsRow.getCell(index + 1).numFmt = cell.excelFormat;
  });
  totalsRow.font = { bold: true };
  totalsRow.commit();
  sheet.commit();
  await workbook.commit();
}
