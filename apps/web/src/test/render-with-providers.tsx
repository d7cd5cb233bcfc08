import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { Providers } from '../app/providers';
import type { FakeServer } from './fake-server';

/**
 * Renders `element` as the app would: under its query and tRPC providers, answered by `server`,
 * and at `path` in a memory router (opened at `at`) so its links and search params work. It
 * lives here because a feature's helpers outside *.test.tsx may not import app/ themselves.
 */
export function renderWithProviders(server: FakeServer, element: ReactNode, { path = '/', at = path }: { path?: string; at?: string } = {}) {
  const router = createMemoryRouter([{ path, element }], { initialEntries: [at] });
  const view = render(
    <Providers trpcClient={server.client}>
      <RouterProvider router={router} />
    </Providers>,
  );
  return { router, ...view };
}
