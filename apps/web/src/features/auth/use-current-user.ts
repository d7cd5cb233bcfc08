import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../lib/trpc';

export function useCurrentUser() {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.auth.me.queryOptions(undefined, { meta: { handlesOwnUnauthorized: true } }),
    staleTime: 60_000,
    refetchOnWindowFocus: true,
  });
}
