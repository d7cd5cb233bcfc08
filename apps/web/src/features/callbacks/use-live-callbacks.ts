import { useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useEffect, useState } from 'react';
import { useTRPC } from '../../lib/trpc';

// A burst of changes (a team lead reassigning ten requests) becomes one refetch.
const SETTLE_MS = 250;

/**
 * Keeps every callback query on screen current: the server says what changed, over
 * server-sent events, and the screen fetches it again. Returns whether updates are flowing.
 */
export function useLiveCallbacks(): 'live' | 'connecting' | 'interrupted' {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [refresh] = useState(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const now = () => void queryClient.invalidateQueries({ queryKey: trpc.callbacks.pathKey() });
    return {
      now,
      soon: () => {
        clearTimeout(timer);
        timer = setTimeout(now, SETTLE_MS);
      },
      cancel: () => clearTimeout(timer),
    };
  });
  useEffect(() => refresh.cancel, [refresh]);

  const subscription = useSubscription(
    trpc.callbacks.onChange.subscriptionOptions(undefined, {
      onData: refresh.soon,
      // After a reconnect, catch up on whatever changed while the stream was down.
      onStarted: refresh.now,
    }),
  );
  if (subscription.status === 'pending') return 'live';
  if (subscription.status === 'error') return 'interrupted';
  return 'connecting';
}
