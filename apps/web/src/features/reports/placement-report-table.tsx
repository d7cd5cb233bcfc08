import { placementReportColumns, totalsRowOf, type PlacementReportRow, type PlacementReportTotals } from '@harbour/shared/reports';
import { Link } from 'react-router';

const isFigure = (kind: string) => kind !== 'text';

/**
 * One row per placement under the same columns, in the same words, as the downloads; the
 * totals of every page at the foot. The case reference opens the case.
 */
export function PlacementReportTable({ rows, totals, caption }: { rows: PlacementReportRow[]; totals: PlacementReportTotals; caption: string }) {
  return (
    // Focusable so the keyboard can scroll the wide table sideways.
    <div className="table-wrap report-table" tabIndex={0} role="region" aria-label="Placements, scrolls sideways">
      <table className="table table--compact">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {placementReportColumns.map((column) => (
              <th key={column.header} scope="col" className={isFigure(column.kind) ? 'report-table__figure' : undefined}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.placementId}>
              {placementReportColumns.map((column, index) =>
                index === 0 ? (
                  <th key={column.header} scope="row">
                    <Link to={`/cases/${row.reference}`}>{row.reference}</Link>
                  </th>
                ) : (
                  <td key={column.header} className={isFigure(column.kind) ? 'report-table__figure' : undefined}>
                    {column.text(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            {totalsRowOf(totals).map((cell, index) =>
              index === 0 ? (
                <th key={index} scope="row">
                  {cell?.text}
                </th>
              ) : (
                <td key={index} className={isFigure(placementReportColumns[index]!.kind) ? 'report-table__figure' : undefined}>
                  {cell?.text ?? ''}
                </td>
              ),
            )}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
