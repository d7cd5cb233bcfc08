import { formatWhen } from '@harbour/shared/format';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { Link } from 'react-router';
import { useNow } from '../../lib/use-now';
import { useTRPC } from '../../lib/trpc';

/**
 * On every page a team lead has open: each crisis an adviser is handling now, live, until the
 * adviser records what was done. Nobody needs to be looking at the case to know.
 */
export function CrisisAlert() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const now = useNow(30_000);
  const crises = useQuery(trpc.cases.openCrises.queryOptions());
  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.cases.openCrises.queryKey() });
  useSubscription(trpc.cases.onCrisis.subscriptionOptions(undefined, { onData: refresh, onStarted: refresh }));
  const open = crises.data ?? [];
  if (open.length === 0) return null;
  return (
    <div className="shell-alert shell-alert--crisis" role="alert">
      <strong>Crisis protocol open:</strong>{' '}
      {open.map((crisis, index) => (
        <span key={crisis.id}>
          {index > 0 && '; '}
          <Link to={`/cases/${crisis.reference}`}>
            {crisis.reference} ({crisis.clientName ?? crisis.callerName})
          </Link>
          , opened by {crisis.raisedByName} at {formatWhen(crisis.raisedAt, now)}
        </span>
      ))}
      . Check the adviser has support.
    </div>
  );
}
