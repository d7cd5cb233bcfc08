import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTRPC } from '../../lib/trpc';
import { useLiveCallbacks } from './use-live-callbacks';

export function urgentWaiting<Item extends { urgencyReason: string | null; status: string; claimedById: string | null }>(items: Item[]): Item[] {
  return items.filter((item) => item.urgencyReason && item.status === 'open' && item.claimedById === null);
}

/**
 * On every page a team lead opens, a live banner while urgent requests wait with nobody on
 * them: the safety rule is that a team lead is alerted, not that they happen to be looking.
 */
export function UrgentWaitingAlert() {
  const trpc = useTRPC();
  useLiveCallbacks();
  const queue = useQuery(trpc.callbacks.queue.queryOptions());
  const waiting = urgentWaiting(queue.data?.items ?? []);
  if (waiting.length === 0) return null;
  return (
    <div className="shell-alert" role="alert">
      <strong>{waiting.length === 1 ? '1 urgent callback request is' : `${waiting.length} urgent callback requests are`} waiting with nobody on it:</strong>{' '}
      {waiting.map((item, index) => (
        <span key={item.id}>
          {index > 0 && ', '}
          <Link to={`/callbacks/${item.id}`}>{item.reference}</Link>
        </span>
      ))}
      . <Link to="/queue">Open the queue</Link>
    </div>
  );
}
