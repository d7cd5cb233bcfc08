import { can } from '@harbour/shared/permissions';
import type { Role } from '@harbour/shared/roles';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { EmptyState, ErrorState, LoadingState } from '../../components/ui/page-states';
import { messageOf, useTRPC } from '../../lib/trpc';
import { useNow } from '../../lib/use-now';
import { QueueRow, type QueueItem } from './queue-row';
import { TeamOverview } from './team-overview';
import { urgentWaiting } from './urgent-waiting-alert';
import { useIsStale } from '../../lib/use-is-stale';
import { useLiveCallbacks } from './use-live-callbacks';

const liveLabels = { live: 'Live', connecting: 'Connecting…', interrupted: 'Reconnecting…' } as const;

export function QueuePage({ user }: { user: { id: string; role: Role } }) {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const now = useNow();
  const liveness = useLiveCallbacks();
  const queue = useQuery(trpc.callbacks.queue.queryOptions());
  const [notice, setNotice] = useState<{ tone: 'error' | 'info'; message: string } | null>(null);
  const canSupervise = can(user.role, 'callbacks:supervise');

  useEffect(() => {
    document.title = 'Callback queue – Harbour';
  }, []);

  const claim = useMutation(
    trpc.callbacks.claim.mutationOptions({
      onSuccess: (_result, { id }) => navigate(`/callbacks/${id}`),
      onError: (error) => setNotice({ tone: 'error', message: messageOf(error) }),
    }),
  );
  const claimNext = useMutation(
    trpc.callbacks.claimNext.mutationOptions({
      onSuccess: (claimed) =>
        claimed
          ? navigate(`/callbacks/${claimed.id}`, {
              state: claimed.isAlreadyYours ? { notice: `You already hold ${claimed.reference}: make that call first.` } : undefined,
            })
          : setNotice({ tone: 'info', message: 'Nobody is waiting for a call right now.' }),
      onError: (error) => setNotice({ tone: 'error', message: messageOf(error) }),
    }),
  );
  const release = useMutation(
    trpc.callbacks.release.mutationOptions({
      onError: (error) => setNotice({ tone: 'error', message: messageOf(error) }),
    }),
  );
  const waitingUrgent = urgentWaiting(queue.data?.items ?? []);
  const isStale = useIsStale(liveness);
  const busyId = claim.isPending ? (claim.variables?.id ?? null) : release.isPending ? (release.variables?.id ?? null) : null;

  return (
    <>
      <div className="page-header">
        <div>
          <h1>Callback queue</h1>
          <p className="page-header__meta">
            <span className={`live live--${liveness}`}>{liveLabels[liveness]}</span>
            {queue.data && (
              <>
                {' '}
                · {queue.data.totals.live} waiting · {queue.data.totals.urgent} urgent ·{' '}
                <span className={queue.data.totals.overdue > 0 ? 'text-danger' : undefined}>{queue.data.totals.overdue} overdue</span>
              </>
            )}
          </p>
        </div>
        <div className="button-row">
          <Link className="button button--secondary" to="/enquiries/new">
            Log inbound call
          </Link>
          <Button isBusy={claimNext.isPending} onClick={() => claimNext.mutate()}>
            Take next call
          </Button>
        </div>
      </div>

      {isStale && (
        <Alert tone="error">
          Live updates have stopped: this queue may be out of date. Harbour is reconnecting; reload the page if this lasts.
        </Alert>
      )}
      {waitingUrgent.length > 0 && (
        <Alert tone="error">
          {waitingUrgent.length === 1 ? '1 urgent request is' : `${waitingUrgent.length} urgent requests are`} waiting for someone to
          call: {waitingUrgent.map((item) => item.reference).join(', ')}. Take urgent calls first.
        </Alert>
      )}
      {notice && <Alert tone={notice.tone}>{notice.message}</Alert>}
      {canSupervise && <TeamOverview />}

      {queue.isPending ? (
        <LoadingState label="Loading the queue…" />
      ) : queue.isError ? (
        <ErrorState message={messageOf(queue.error)} onRetry={() => void queue.refetch()} />
      ) : queue.data.items.length === 0 ? (
        <EmptyState title="Nobody is waiting for a call">
          <p className="muted">New requests appear here as soon as they arrive.</p>
        </EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="table queue-table">
            <caption className="visually-hidden">Callback requests, urgent first, then by due time</caption>
            <thead>
              <tr>
                <th scope="col">Reference</th>
                <th scope="col">Name</th>
                <th scope="col">Best time</th>
                <th scope="col">Concern</th>
                <th scope="col">Calls</th>
                <th scope="col">Due</th>
                <th scope="col">Risk</th>
                <th scope="col">Claimed by</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {queue.data.items.map((item: QueueItem) => (
                <QueueRow
                  key={item.id}
                  item={item}
                  now={now}
                  currentUserId={user.id}
                  canSupervise={canSupervise}
                  busyId={busyId}
                  onClaim={(chosen) => {
                    setNotice(null);
                    claim.mutate({ id: chosen.id });
                  }}
                  onRelease={(chosen) => {
                    setNotice(null);
                    release.mutate({ id: chosen.id });
                  }}
                />
              ))}
            </tbody>
          </table>
          {queue.data.totals.live > queue.data.items.length && (
            <p className="table-note">
              Showing the {queue.data.items.length} most pressing of {queue.data.totals.live}. Use Take next call to work through them.
            </p>
          )}
        </div>
      )}
    </>
  );
}
