import { describeReportFilters, periodTextOf, placementReportFiltersSchema } from '@harbour/shared/reports';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { EmptyState, ErrorState, LoadingState } from '../../components/ui/page-states';
import { isHarbourError, messageOf, useTRPC } from '../../lib/trpc';
import { PlacementReportTable } from './placement-report-table';
import { ReportDownloads } from './report-downloads';
import { ReportFilterForm } from './report-filter-form';
import { ReportTotals } from './report-totals';
import { ReportsTabs } from './reports-tabs';
import { filterNames, useReportFilters, type FilterName } from './use-report-filters';
import './reports.css';

/** The server's refusals of the filters, by field ("filters.from" → from). */
function filterErrorsOf(error: unknown): Partial<Record<FilterName, string>> {
  const fieldErrors = isHarbourError(error) ? (error.data?.fieldErrors ?? {}) : {};
  const errors: Partial<Record<FilterName, string>> = {};
  for (const [path, message] of Object.entries(fieldErrors)) {
    const name = path.replace(/^filters\./, '') as FilterName;
    if (filterNames.includes(name)) errors[name] = message;
  }
  return errors;
}

/**
 * The placement report: one row per placement in a period, filtered, with totals; managers
 * download it as CSV, Excel or a PDF summary of exactly what is on screen.
 */
export function PlacementReportPage({ canExport }: { canExport: boolean }) {
  const trpc = useTRPC();
  const { values, filters, today, page, apply, goToPage } = useReportFilters();
  const report = useQuery({ ...trpc.reports.placements.queryOptions({ filters, page }), placeholderData: keepPreviousData });
  const clinics = useQuery(trpc.clinics.list.queryOptions({}));
  const staff = useQuery(trpc.users.listActive.queryOptions());
  const serverErrors = report.isError ? filterErrorsOf(report.error) : {};
  const hasFilterErrors = Object.keys(serverErrors).length > 0;
  const parsed = placementReportFiltersSchema.safeParse(filters);

  useEffect(() => {
    document.title = 'Placement report – Harbour';
  }, []);

  const described = parsed.success
    ? [
        periodTextOf(parsed.data),
        ...describeReportFilters(parsed.data, {
          clinic: clinics.data && (clinics.data.find((clinic) => clinic.id === parsed.data.clinicId)?.name ?? null),
          adviser: staff.data && (staff.data.find((member) => member.id === parsed.data.adviserId)?.fullName ?? null),
        }),
      ].join(' · ')
    : '';

  return (
    <>
      <div className="page-header">
        <div>
          <h1>Placement report</h1>
          <p className="page-header__meta">Clients appear by initials only: reports leave Harbour. Days are London days, both ends included.</p>
        </div>
      </div>
      <ReportsTabs />

      <ReportFilterForm values={values} today={today} serverErrors={serverErrors} onApply={apply} />

      {report.data && parsed.success ? (
        <section className="report" aria-labelledby="report-heading" aria-busy={report.isPlaceholderData || undefined}>
          <div className="report__heading">
            <h2 id="report-heading">{described}</h2>
            <p role="status" className="report__status">
              {report.isPlaceholderData ? 'Updating the report…' : `${report.data.totals.placements.toLocaleString('en-GB')} ${report.data.totals.placements === 1 ? 'placement' : 'placements'}.`}
            </p>
          </div>
          {report.isError && <Alert tone="error">The report could not be refreshed: {messageOf(report.error)}</Alert>}
          <ReportTotals totals={report.data.totals} />
          {canExport && <ReportDownloads filters={parsed.data} />}
          {report.data.rows.length === 0 ? (
            <EmptyState title="No placements match this period and these filters.">
              <p>Try a longer period, the other kind of date, or fewer filters.</p>
            </EmptyState>
          ) : (
            <>
              <PlacementReportTable rows={report.data.rows} totals={report.data.totals} caption={described} />
              {report.data.pageCount > 1 && (
                <nav className="pager" aria-label="Report pages">
                  <Button variant="secondary" disabled={page <= 1} onClick={() => goToPage(page - 1)}>
                    Previous page
                  </Button>
                  <span>
                    Page {page} of {report.data.pageCount}
                  </span>
                  <Button variant="secondary" disabled={page >= report.data.pageCount} onClick={() => goToPage(page + 1)}>
                    Next page
                  </Button>
                </nav>
              )}
            </>
          )}
        </section>
      ) : hasFilterErrors ? (
        <EmptyState title="Correct the filters above to see the report." />
      ) : report.isError ? (
        <ErrorState message={messageOf(report.error)} onRetry={() => void report.refetch()} />
      ) : (
        <LoadingState label="Loading the report…" />
      )}
    </>
  );
}
