import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../lib/trpc';

/** The session check; start-up fetches it before the first render (app/router.tsx). */
export function currentUserQuery(trpc: ReturnType<typeof useTRPC>) {
  return {
    ...trpc.auth.me.queryOptions(undefined, { meta: { handlesOwnUnauthorized: true } }),
    staleTime: 60_000,
  };
}

export function useCurrentUser() {
  return useQuery({ ...currentUserQuery(useTRPC()), refetchOnWindowFocus: true });
}
