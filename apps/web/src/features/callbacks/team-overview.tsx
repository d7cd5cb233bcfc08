import { formatDateTime } from '@harbour/shared/format';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { ErrorState, LoadingState } from '../../components/ui/page-states';
import { messageOf, useTRPC } from '../../lib/trpc';

/** The team lead's view of the shift: what is late, how today's first calls went, who holds what. */
export function TeamOverview() {
  const trpc = useTRPC();
  const overview = useQuery({ ...trpc.callbacks.teamOverview.queryOptions(), refetchInterval: 60_000 });
  if (overview.isPending) return <LoadingState label="Loading the team view…" />;
  if (overview.isError) return <ErrorState message={messageOf(overview.error)} onRetry={() => void overview.refetch()} />;
  const { totals, slaToday, claimsByAdviser, unreachable } = overview.data;
  return (
    <section className="team-overview" aria-labelledby="team-overview-heading">
      <h2 id="team-overview-heading">Team today</h2>
      <dl className="stats">
        <div className={totals.overdue > 0 ? 'stat stat--alert' : 'stat'}>
          <dt>Overdue</dt>
          <dd>{totals.overdue}</dd>
        </div>
        <div className={totals.urgentWaiting > 0 ? 'stat stat--alert' : 'stat'}>
          <dt>Urgent, nobody on it</dt>
          <dd>{totals.urgentWaiting}</dd>
        </div>
        <div className="stat">
          <dt>First calls on time today</dt>
          <dd>
            {slaToday.percentage === null ? '—' : `${slaToday.percentage}%`}
            <span className="stat__note">
              {slaToday.met} of {slaToday.due} due so far
            </span>
          </dd>
        </div>
      </dl>
      <h3>Open claims by adviser</h3>
      {claimsByAdviser.length === 0 ? (
        <p className="muted">Nobody holds a request right now.</p>
      ) : (
        <ul className="claims-list">
          {claimsByAdviser.map((adviser) => (
            <li key={adviser.adviserId}>
              {adviser.fullName}: <strong>{adviser.claims}</strong>
            </li>
          ))}
        </ul>
      )}
      <h3>Could not be reached (last 7 days)</h3>
      {unreachable.length === 0 ? (
        <p className="muted">Nobody.</p>
      ) : (
        <ul className="claims-list">
          {unreachable.map((request) => (
            <li key={request.id}>
              <Link to={`/callbacks/${request.id}`}>{request.reference}</Link> {request.fullName}, {request.attemptCount} calls, marked{' '}
              {formatDateTime(request.markedAt)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
