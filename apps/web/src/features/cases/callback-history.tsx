import { formatDateTime } from '@harbour/shared/format';
import { substanceLabel } from '@harbour/shared/substances';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { ErrorState, LoadingState } from '../../components/ui/page-states';
import { messageOf, useTRPC } from '../../lib/trpc';

/** What the person asked for on the website, in their own words; the calls are on the timeline. */
export function CallbackHistory({ caseId }: { caseId: string }) {
  const trpc = useTRPC();
  const requests = useQuery(trpc.callbacks.forCase.queryOptions({ caseId }));
  return (
    <section className="case-action" aria-labelledby="requests-heading">
      <h3 id="requests-heading">Callback requests</h3>
      {requests.isPending ? (
        <LoadingState label="Loading requests…" />
      ) : requests.isError ? (
        <ErrorState message={messageOf(requests.error)} onRetry={() => void requests.refetch()} />
      ) : requests.data.length === 0 ? (
        <p className="muted">None: this case began with an inbound call.</p>
      ) : (
        <ul className="plain-list">
          {requests.data.map((request) => (
            <li key={request.id}>
              <Link to={`/callbacks/${request.id}`}>{request.reference}</Link>, {formatDateTime(request.requestedAt)}
              {request.substances.length > 0 && <span className="cell-note">About: {request.substances.map(substanceLabel).join(', ')}</span>}
              {request.message && <p className="message">{request.message}</p>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
