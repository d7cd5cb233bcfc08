import { useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useEffect, useState } from 'react';
import { useTRPC } from '../../lib/trpc';

const SETTLE_MS = 300;

/**
 * Keeps an open case page current when a colleague changes the case: the header, notes and
 * timeline are fetched again. Forms keep what is typed and the version they were read at, so a
 * colleague's change is never silently taken as read: saving over it is a conflict.
 */
export function useLiveCase(caseId: string | undefined) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [refresh] = useState(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    return {
      soon: () => {
        clearTimeout(timer);
        timer = setTimeout(() => void queryClient.invalidateQueries({ queryKey: trpc.cases.pathKey() }), SETTLE_MS);
      },
      cancel: () => clearTimeout(timer),
    };
  });
  useEffect(() => refresh.cancel, [refresh]);
  useSubscription(
    trpc.cases.onChange.subscriptionOptions(undefined, {
      enabled: caseId !== undefined,
      onData: (event) => {
        if (event.id === caseId) refresh.soon();
      },
    }),
  );
}
