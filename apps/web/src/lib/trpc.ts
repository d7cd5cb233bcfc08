import type { AppRouter } from '@harbour/server/router';
import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink, TRPCClientError } from '@trpc/client';
import type { inferRouterOutputs } from '@trpc/server';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import superjson from 'superjson';

export const { TRPCProvider, useTRPC } = createTRPCContext<AppRouter>();

// Must not exceed the server's maxBatchSize, or a busy screen's batch is refused.
const MAX_BATCH_ITEMS = 10;

export function createHarbourClient(options: { fetch?: typeof fetch } = {}) {
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        // Live updates arrive over server-sent events; everything else is batched HTTP.
        condition: (operation) => operation.type === 'subscription',
        true: httpSubscriptionLink({ url: '/trpc', transformer: superjson }),
        false: httpBatchLink({
          url: '/trpc',
          transformer: superjson,
          maxItems: MAX_BATCH_ITEMS,
          ...(options.fetch ? { fetch: options.fetch } : {}),
        }),
      }),
    ],
  });
}

export type RouterOutputs = inferRouterOutputs<AppRouter>;
export type HarbourClient = ReturnType<typeof createHarbourClient>;
export type HarbourError = TRPCClientError<AppRouter>;

export function isHarbourError(error: unknown): error is HarbourError {
  return error instanceof TRPCClientError;
}

export function errorCodeOf(error: unknown): string | undefined {
  return isHarbourError(error) ? error.data?.code : undefined;
}

/**
 * Harbour, or its database, could not be reached: nothing was stored, so the same request may
 * be sent again once it is back (writes that matter carry an idempotency key or a version).
 */
export function isOutage(error: unknown): boolean {
  if (!isHarbourError(error)) return false;
  const code = error.data?.code;
  return code === undefined || code === 'SERVICE_UNAVAILABLE';
}

/** What to tell the person at the screen: our own sentence, or a plain one for the network. */
export function messageOf(error: unknown): string {
  if (isHarbourError(error)) {
    if (error.data?.code) return error.message;
    return "Harbour can't be reached. Check your connection and try again; nothing you typed has been lost.";
  }
  return 'Something went wrong. Please try again.';
}
