import { formatMonth, formatPence, formatPoundsBriefly } from '@harbour/shared/format';
import { toUkDate } from '@harbour/shared/uk-date';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { BarChart } from '../../components/charts/bar-chart';
import { ColumnChart } from '../../components/charts/column-chart';
import { ErrorState, LoadingState } from '../../components/ui/page-states';
import { messageOf, useTRPC, type RouterOutputs } from '../../lib/trpc';
import { DashboardSection } from './dashboard-section';
import { ReportsTabs } from './reports-tabs';
import './reports.css';

type ServiceFigures = RouterOutputs['reports']['service'];

const whole = new Intl.NumberFormat('en-GB');
const oneDecimal = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });
const CLINICS_SHOWN = 12;

/**
 * The manager's view of the last twelve months: admissions and fees month by month, which
 * clinics took them, how far enquiries go, and how long from first contact to admission.
 */
export function ServiceDashboardPage() {
  const trpc = useTRPC();
  const figures = useQuery(trpc.reports.service.queryOptions());

  useEffect(() => {
    document.title = 'Service dashboard – Harbour';
  }, []);

  return (
    <>
      <div className="page-header">
        <div>
          <h1>Service dashboard</h1>
          <p className="page-header__meta">
            {figures.data ? `The twelve months from ${toUkDate(figures.data.from)} to ${toUkDate(figures.data.to)}. ` : ''}Counts and money only: no one&apos;s details.
          </p>
        </div>
      </div>
      <ReportsTabs />
      {figures.data ? (
        <ServiceFigureSections figures={figures.data} />
      ) : figures.isError ? (
        <ErrorState message={messageOf(figures.error)} onRetry={() => void figures.refetch()} />
      ) : (
        <LoadingState label="Loading the dashboard…" />
      )}
    </>
  );
}

function ServiceFigureSections({ figures }: { figures: ServiceFigures }) {
  const admissions = figures.monthly.reduce((sum, month) => sum + month.placements, 0);
  const fees = figures.monthly.reduce((sum, month) => sum + month.feesPence, 0);
  const [enquiries] = figures.funnel;
  const share = (count: number) => (enquiries && enquiries.count > 0 ? ` (${oneDecimal.format((count / enquiries.count) * 100)}%)` : '');
  const topClinics = figures.byClinic.slice(0, CLINICS_SHOWN);

  return (
    <>
      <dl className="report-figures">
        <div className="report-figures__item">
          <dt>Admissions</dt>
          <dd className="report-figures__value">{whole.format(admissions)}</dd>
        </div>
        <div className="report-figures__item">
          <dt>Fees</dt>
          <dd className="report-figures__value">{formatPence(fees)}</dd>
        </div>
        <div className="report-figures__item">
          <dt>Median days from first contact to admission</dt>
          <dd className="report-figures__value">{figures.medianDaysToAdmission === null ? 'No admissions' : oneDecimal.format(figures.medianDaysToAdmission)}</dd>
        </div>
      </dl>
      <div className="metrics">
        <DashboardSection id="service-admissions" title="Admissions per month" lead="Placements admitted in each month.">
          <ColumnChart
            title="Admissions per month"
            columns={figures.monthly.map((month) => ({ label: formatMonth(month.month), value: month.placements, text: whole.format(month.placements) }))}
            headings={['Month', 'Admissions']}
          />
        </DashboardSection>
        <DashboardSection id="service-fees" title="Fees per month" lead="The service's fees for the placements admitted in each month.">
          <ColumnChart
            title="Fees per month"
            columns={figures.monthly.map((month) => ({
              label: formatMonth(month.month),
              value: month.feesPence / 100,
              text: formatPoundsBriefly(month.feesPence / 100),
              detail: formatPence(month.feesPence),
            }))}
            headings={['Month', 'Fees']}
            formatTick={formatPoundsBriefly}
          />
        </DashboardSection>
        <DashboardSection
          id="service-clinics"
          title="Admissions by clinic"
          lead={figures.byClinic.length > CLINICS_SHOWN ? `The ${CLINICS_SHOWN} clinics with most admissions, of ${figures.byClinic.length}.` : 'Every clinic that admitted someone.'}
        >
          {topClinics.length === 0 ? (
            <p className="metrics-empty">No admissions in these twelve months.</p>
          ) : (
            <BarChart
              title="Admissions by clinic"
              bars={topClinics.map((clinic) => ({ label: clinic.label, value: clinic.admissions, text: `${whole.format(clinic.admissions)} · ${formatPence(clinic.feesPence)}` }))}
              max={Math.max(...topClinics.map((clinic) => clinic.admissions))}
              headings={['Clinic', 'Admissions · fees']}
            />
          )}
        </DashboardSection>
        <DashboardSection id="service-funnel" title="From enquiry to completion" lead="Cases opened in these twelve months, and how far they have gone.">
          {!enquiries || enquiries.count === 0 ? (
            <p className="metrics-empty">No cases were opened in these twelve months.</p>
          ) : (
            <BarChart
              title="From enquiry to completion"
              bars={figures.funnel.map((step) => ({ label: step.label, value: step.count, text: `${whole.format(step.count)}${share(step.count)}` }))}
              max={enquiries.count}
              headings={['Step', 'Cases']}
            />
          )}
        </DashboardSection>
        <DashboardSection id="service-days" title="Days from first contact to admission" lead="The median for the admissions of each month.">
          <ColumnChart
            title="Median days from first contact to admission"
            columns={figures.monthly.map((month) =>
              month.medianDaysToAdmission === null
                ? { label: formatMonth(month.month), value: null }
                : { label: formatMonth(month.month), value: month.medianDaysToAdmission, text: oneDecimal.format(month.medianDaysToAdmission) },
            )}
            headings={['Month', 'Median days']}
          />
        </DashboardSection>
      </div>
    </>
  );
}
