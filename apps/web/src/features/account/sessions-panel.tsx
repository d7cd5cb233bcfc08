import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { ErrorState, LoadingState } from '../../components/ui/page-states';
import { messageOf, useTRPC } from '../../lib/trpc';

const sessionsText = (count: number) => `${count} other ${count === 1 ? 'session' : 'sessions'}`;

/** Signed in on a shared computer and walked away? End every session but this one. */
export function SessionsPanel() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const headingId = useId();
  const mine = useQuery(trpc.sessions.mine.queryOptions());
  const [outcome, setOutcome] = useState<{ tone: 'success' | 'error'; message: string } | null>(null);
  const endOthers = useMutation(
    trpc.sessions.endOthers.mutationOptions({
      onSuccess: ({ sessionsEnded }) =>
        setOutcome({
          tone: 'success',
          message: sessionsEnded === 0 ? 'There were no other sessions to sign out.' : `Signed out of ${sessionsText(sessionsEnded)}.`,
        }),
      onError: (error) => setOutcome({ tone: 'error', message: messageOf(error) }),
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.sessions.mine.queryKey() }),
    }),
  );

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>Where you are signed in</h2>
      {outcome && (
        <Alert tone={outcome.tone} isFocusedOnShow>
          {outcome.message}
        </Alert>
      )}
      {mine.isPending ? (
        <LoadingState label="Counting your sessions…" />
      ) : mine.isError ? (
        <ErrorState message={messageOf(mine.error)} onRetry={() => void mine.refetch()} />
      ) : mine.data.otherSessions === 0 ? (
        <p>You are signed in here only.</p>
      ) : (
        <>
          <p>
            As well as here, you are signed in to <strong>{sessionsText(mine.data.otherSessions)}</strong> (another browser or
            device). If that might not be you, sign them out and change your password.
          </p>
          <Button
            variant="secondary"
            isBusy={endOthers.isPending}
            onClick={() => {
              setOutcome(null);
              endOthers.mutate();
            }}
          >
            Sign out other sessions
          </Button>
        </>
      )}
    </section>
  );
}
