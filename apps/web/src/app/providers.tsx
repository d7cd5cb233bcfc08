import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { createQueryClient } from '../lib/query-client';
import { createHarbourClient, TRPCProvider, type HarbourClient } from '../lib/trpc';

export interface AppClients {
  trpcClient: HarbourClient;
  queryClient: QueryClient;
}

/** The tRPC and react-query clients; made before the first render, so start-up can fetch early. */
export function createAppClients(trpcClient: HarbourClient = createHarbourClient()): AppClients {
  const queryClient = createQueryClient(() => {
    // Re-checking the session makes the shell return to sign-in, saying the session ended.
    void queryClient.invalidateQueries({ queryKey: [['auth', 'me']] });
  });
  return { trpcClient, queryClient };
}

interface ProvidersProps {
  children: ReactNode;
  /** Tests pass a client whose fetch they control. */
  trpcClient?: HarbourClient;
  /** main.tsx passes the clients it has already started fetching with. */
  clients?: AppClients;
}

export function Providers({ children, trpcClient, clients: given }: ProvidersProps) {
  const [clients] = useState(() => given ?? createAppClients(trpcClient));
  return (
    <QueryClientProvider client={clients.queryClient}>
      <TRPCProvider trpcClient={clients.trpcClient} queryClient={clients.queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
