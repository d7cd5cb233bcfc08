import { toUkDate } from '@harbour/shared/uk-date';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link } from 'react-router';
import { Alert } from '../../components/ui/alert';
import { EmptyState, ErrorState, LoadingState } from '../../components/ui/page-states';
import { isHarbourError, messageOf, useTRPC } from '../../lib/trpc';
import { MetricsFigures } from './metrics-figures';
import { MetricsPeriodForm, useMetricsPeriod, type PeriodField } from './metrics-period';
import './metrics-page.css';

/** The server's refusal of the period, by field; null when the error is about something else. */
function periodErrorsOf(error: unknown): Partial<Record<PeriodField, string>> | null {
  const fieldErrors = isHarbourError(error) ? error.data?.fieldErrors : null;
  if (!fieldErrors) return null;
  const errors: Partial<Record<PeriodField, string>> = {};
  if (fieldErrors.from) errors.from = fieldErrors.from;
  if (fieldErrors.to) errors.to = fieldErrors.to;
  return errors.from || errors.to ? errors : null;
}

/**
 * The pipeline's figures for team leads and managers: cases in each stage now, how far the
 * cases opened in a period have gone, how long stages take, and who has stale cases.
 */
export function MetricsPage() {
  const trpc = useTRPC();
  const { period, today, choose } = useMetricsPeriod();
  const metrics = useQuery({ ...trpc.pipeline.metrics.queryOptions(period), placeholderData: keepPreviousData });
  const periodErrors = metrics.isError ? periodErrorsOf(metrics.error) : null;

  useEffect(() => {
    document.title = 'Stage metrics – Harbour';
  }, []);

  return (
    <>
      <div className="page-header">
        <div>
          <h1>Stage metrics</h1>
          <p className="page-header__meta">Counts only: no one&apos;s details. Days are London days, both ends included.</p>
        </div>
        <Link className="button button--secondary" to="/pipeline">
          Back to the board
        </Link>
      </div>

      <MetricsPeriodForm period={period} today={today} serverErrors={periodErrors} onChoose={choose} />

      {metrics.data ? (
        <>
          <p className="metrics-showing" role="status">
            {metrics.isPlaceholderData ? 'Updating the figures…' : `Showing ${toUkDate(period.from)} to ${toUkDate(period.to)}.`}
          </p>
          {metrics.isError && <Alert tone="error">The figures could not be refreshed: {messageOf(metrics.error)}</Alert>}
          <div className="metrics" aria-busy={metrics.isPlaceholderData || undefined}>
            <MetricsFigures metrics={metrics.data} period={period} />
          </div>
        </>
      ) : periodErrors ? (
        <EmptyState title="Correct the period above to see the figures." />
      ) : metrics.isError ? (
        <ErrorState message={messageOf(metrics.error)} onRetry={() => void metrics.refetch()} />
      ) : (
        <LoadingState label="Loading the figures…" />
      )}
    </>
  );
}
