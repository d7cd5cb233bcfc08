import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { errorCodeOf } from './trpc';

const NEVER_RETRY = new Set(['UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND', 'BAD_REQUEST', 'CONFLICT']);

/**
 * Calls marked with meta `{ handlesOwnUnauthorized: true }` (the session check, sign-in)
 * deal with UNAUTHORIZED themselves; for every other call it means the session was lost,
 * and onSessionLost lets the app return to sign-in from wherever the adviser was.
 */
export function createQueryClient(onSessionLost: () => void = () => undefined): QueryClient {
  const handle = (error: unknown, meta: Record<string, unknown> | undefined) => {
    if (errorCodeOf(error) === 'UNAUTHORIZED' && meta?.handlesOwnUnauthorized !== true) onSessionLost();
  };
  return new QueryClient({
    queryCache: new QueryCache({ onError: (error, query) => handle(error, query.meta) }),
    mutationCache: new MutationCache({ onError: (error, _vars, _ctx, mutation) => handle(error, mutation.meta) }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (failureCount, error) => !NEVER_RETRY.has(errorCodeOf(error) ?? '') && failureCount < 2,
      },
    },
  });
}
