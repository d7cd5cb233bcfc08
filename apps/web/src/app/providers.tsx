import { QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { createQueryClient } from '../lib/query-client';
import { createHarbourClient, TRPCProvider, type HarbourClient } from '../lib/trpc';

interface ProvidersProps {
  children: ReactNode;
  /** Tests pass a client whose fetch they control. */
  trpcClient?: HarbourClient;
}

export function Providers({ children, trpcClient }: ProvidersProps) {
  const [client] = useState(() => trpcClient ?? createHarbourClient());
  const [queryClient] = useState(() => {
    const created = createQueryClient(() => {
      // Re-checking the session makes the shell return to sign-in, saying the session ended.
      void created.invalidateQueries({ queryKey: [['auth', 'me']] });
    });
    return created;
  });
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={client} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
