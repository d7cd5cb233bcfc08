import { useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../../../lib/trpc';

/**
 * Fetches the case again and returns it, for a save lost to a colleague's. The case page reads
 * the same query, so the whole page shows what they saved too.
 */
export function useReloadCase(reference: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.fetchQuery({ ...trpc.cases.byReference.queryOptions({ reference }), staleTime: 0 });
}
