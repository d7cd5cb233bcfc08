import { reportQueryOf, type PlacementReportFilters } from '@harbour/shared/reports';

const files = [
  { format: 'csv', label: 'Download CSV', note: 'opens in Excel' },
  { format: 'xlsx', label: 'Download Excel workbook', note: 'dates and pounds as real cells' },
  { format: 'pdf', label: 'Download PDF summary', note: 'totals and charts, no names' },
];

/**
 * The report as files, with exactly the filters on screen. Plain links: the browser saves what
 * arrives as it arrives, however long the report.
 */
export function ReportDownloads({ filters }: { filters: PlacementReportFilters }) {
  const query = reportQueryOf(filters);
  return (
    <ul className="report-downloads" aria-label="Downloads">
      {files.map((file) => (
        <li key={file.format}>
          <a className="button button--secondary" href={`/api/reports/placements.${file.format}?${query}`} download>
            {file.label}
          </a>
          <span className="report-downloads__note">{file.note}</span>
        </li>
      ))}
    </ul>
  );
}
