import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { errorCodeOf, isOutage } from './trpc';

const NEVER_RETRY = new Set(['UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND', 'BAD_REQUEST', 'CONFLICT']);
const RECOVERY_CHECK_MS = 2_000;

export interface QueryClientOptions {
  /** Whether Harbour and its database answer again; tests pass their own. */
  isHarbourBack?: () => Promise<boolean>;
}

const askReadiness = () =>
  fetch('/readyz', { cache: 'no-store' }).then(
    (response) => response.ok,
    () => false,
  );

/**
 * A screen that failed because Harbour or its database could not be reached shows the outage
 * message; this watches /readyz while any such screen is open and fetches it again once
 * Harbour answers, so nobody has to find the "Try again" button after an outage.
 */
function recoveryWatcher(queryClient: () => QueryClient, isHarbourBack: () => Promise<boolean>) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const isWaiting = (query: { state: { status: string; error: unknown } }) => query.state.status === 'error' && isOutage(query.state.error);
  const check = async () => {
    timer = undefined;
    // Nothing on screen is waiting (the page was left): stop asking.
    if (queryClient().getQueryCache().findAll({ type: 'active', predicate: isWaiting }).length === 0) return;
    if (await isHarbourBack()) {
      await queryClient().refetchQueries({ type: 'active', predicate: isWaiting });
      return;
    }
    timer = setTimeout(() => void check(), RECOVERY_CHECK_MS);
  };
  return () => {
    timer ??= setTimeout(() => void check(), RECOVERY_CHECK_MS);
  };
}

/**
 * Calls marked with meta `{ handlesOwnUnauthorized: true }` (the session check, sign-in)
 * deal with UNAUTHORIZED themselves; for every other call it means the session was lost,
 * and onSessionLost lets the app return to sign-in from wherever the adviser was.
 */
export function createQueryClient(onSessionLost: () => void = () => undefined, { isHarbourBack = askReadiness }: QueryClientOptions = {}): QueryClient {
  const handle = (error: unknown, meta: Record<string, unknown> | undefined) => {
    if (errorCodeOf(error) === 'UNAUTHORIZED' && meta?.handlesOwnUnauthorized !== true) onSessionLost();
  };
  const watchForRecovery = recoveryWatcher(() => queryClient, isHarbourBack);
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        handle(error, query.meta);
        if (isOutage(error)) watchForRecovery();
      },
    }),
    mutationCache: new MutationCache({ onError: (error, _vars, _ctx, mutation) => handle(error, mutation.meta) }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (failureCount, error) => !NEVER_RETRY.has(errorCodeOf(error) ?? '') && failureCount < 2,
      },
    },
  });
  return queryClient;
}
