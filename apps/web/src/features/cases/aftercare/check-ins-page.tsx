import { toUkDate } from '@harbour/shared/uk-date';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link, useSearchParams } from 'react-router';
import { RiskBadge } from '../../../components/case-badges';
import { EmptyState, ErrorState, LoadingState } from '../../../components/ui/page-states';
import { messageOf, useTRPC } from '../../../lib/trpc';
import { useNow } from '../../../lib/use-now';
import { checkInName, DueNowBadge } from './check-in-status';

const titles = { mine: 'My check-ins', all: 'Everyone’s check-ins' } as const;

/**
 * The aftercare calls to make today, overdue first. Whose calls is kept in the address, so a
 * team lead can share "everyone's" and a reload keeps it.
 */
export function CheckInsPage() {
  const trpc = useTRPC();
  const now = useNow(60_000);
  const [params] = useSearchParams();
  const scope = params.get('scope') === 'all' ? 'all' : 'mine';
  // Each fetch is an audited look at people's cases: not on every return to the window.
  const due = useQuery({ ...trpc.aftercare.dueCheckIns.queryOptions({ scope }), refetchOnWindowFocus: false });

  useEffect(() => {
    document.title = `${titles[scope]} – Harbour`;
  }, [scope]);

  return (
    <>
      <div className="page-header">
        <div>
          <h1>
            {titles[scope]}
            {due.data && ` (${due.data.length})`}
          </h1>
          <p className="page-header__meta">Aftercare calls due today or overdue, for cases in Aftercare, oldest first.</p>
        </div>
      </div>
      <nav className="tabs" aria-label="Whose check-ins">
        <Link to="?scope=mine" aria-current={scope === 'mine' ? 'page' : undefined}>
          My check-ins
        </Link>
        <Link to="?scope=all" aria-current={scope === 'all' ? 'page' : undefined}>
          Everyone’s
        </Link>
      </nav>
      {due.isPending ? (
        <LoadingState label="Loading check-ins…" />
      ) : due.isError ? (
        <ErrorState message={messageOf(due.error)} onRetry={() => void due.refetch()} />
      ) : due.data.length === 0 ? (
        <EmptyState title={scope === 'mine' ? 'You have no check-ins due today or overdue.' : 'No check-ins are due today or overdue.'}>
          <p>Each check-in appears here on the day it falls due: 7, 30, 90, 180 and 365 days after a discharge.</p>
        </EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{titles[scope]}, overdue first</caption>
            <thead>
              <tr>
                <th scope="col">Case</th>
                <th scope="col">Check-in</th>
                <th scope="col">Due</th>
                <th scope="col">Discharged from</th>
                <th scope="col">Adviser</th>
                <th scope="col">Risk</th>
              </tr>
            </thead>
            <tbody>
              {due.data.map((row) => (
                <tr key={row.id}>
                  <th scope="row">
                    <Link to={`/cases/${row.reference}#aftercare`}>{row.reference}</Link>
                    <span className="cell-note">{row.clientName ?? row.callerName}</span>
                  </th>
                  <td>{checkInName(row.daysAfter)}</td>
                  <td>
                    {toUkDate(row.dueOn)} <DueNowBadge dueOn={row.dueOn} now={now} />
                  </td>
                  <td>
                    {row.clinicName}
                    {row.dischargedOn && <span className="cell-note">on {toUkDate(row.dischargedOn)}</span>}
                  </td>
                  <td>{row.adviserName ?? <span className="muted">Nobody</span>}</td>
                  <td>
                    <RiskBadge level={row.riskLevel} isLabelled={false} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
