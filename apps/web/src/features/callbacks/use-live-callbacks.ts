import { useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useEffect, useState } from 'react';
import { errorCodeOf, useTRPC } from '../../lib/trpc';

// A burst of changes (a team lead reassigning ten requests) becomes one refetch.
const SETTLE_MS = 250;

/**
 * Keeps every callback query on screen current: the server says which request changed, over
 * server-sent events, and the screen fetches the queue, the team view and that request again
 * (not every request it has seen: each fetch of a person's request is an audited view).
 * Returns whether updates are flowing.
 */
export function useLiveCallbacks(): 'live' | 'connecting' | 'interrupted' {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [refresh] = useState(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const changedIds = new Set<string>();
    const refetchChanged = () => {
      void queryClient.invalidateQueries({ queryKey: trpc.callbacks.queue.queryKey() });
      void queryClient.invalidateQueries({ queryKey: trpc.callbacks.teamOverview.queryKey() });
      for (const id of changedIds) void queryClient.invalidateQueries({ queryKey: trpc.callbacks.byId.queryKey({ id }) });
      changedIds.clear();
    };
    return {
      all: () => void queryClient.invalidateQueries({ queryKey: trpc.callbacks.pathKey() }),
      changed: (id: string) => {
        changedIds.add(id);
        clearTimeout(timer);
        timer = setTimeout(refetchChanged, SETTLE_MS);
      },
      cancel: () => clearTimeout(timer),
    };
  });
  useEffect(() => refresh.cancel, [refresh]);

  const subscription = useSubscription(
    trpc.callbacks.onChange.subscriptionOptions(undefined, {
      onData: (event) => refresh.changed(event.id),
      // After a reconnect, catch up on whatever changed while the stream was down.
      onStarted: refresh.all,
      // A stream refused for want of a session: let the app return to sign-in.
      onError: (error) => {
        if (errorCodeOf(error) === 'UNAUTHORIZED') void queryClient.invalidateQueries({ queryKey: trpc.auth.me.queryKey() });
      },
    }),
  );
  if (subscription.status === 'pending') return 'live';
  if (subscription.status === 'error') return 'interrupted';
  return 'connecting';
}
