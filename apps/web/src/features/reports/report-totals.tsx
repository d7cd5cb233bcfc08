import { formatPence } from '@harbour/shared/format';
import { completionRateOf, type PlacementReportTotals } from '@harbour/shared/reports';

const whole = new Intl.NumberFormat('en-GB');

/** The totals a manager reads first, large. */
export function ReportTotals({ totals }: { totals: PlacementReportTotals }) {
  const rate = completionRateOf(totals);
  const figures = [
    { label: 'Placements', value: whole.format(totals.placements) },
    { label: 'Admissions', value: whole.format(totals.admissions) },
    { label: 'Completions', value: whole.format(totals.completions) },
    { label: 'Completion rate', value: rate === null ? 'No discharges' : `${rate}%`, note: rate === null ? undefined : `of ${whole.format(totals.discharges)} discharged` },
    { label: 'Total fees', value: formatPence(totals.feesPence) },
  ];
  return (
    <dl className="report-figures">
      {figures.map((figure) => (
        <div key={figure.label} className="report-figures__item">
          <dt>{figure.label}</dt>
          <dd>
            <span className="report-figures__value">{figure.value}</span>
            {figure.note && <span className="report-figures__note">{figure.note}</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}
