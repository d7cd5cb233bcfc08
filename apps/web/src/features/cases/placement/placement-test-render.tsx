import type { Role } from '@harbour/shared/roles';
import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import axe from 'axe-core';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { expect } from 'vitest';
import { createQueryClient } from '../../../lib/query-client';
import { TRPCProvider } from '../../../lib/trpc';
import type { FakeServer } from '../../../test/fake-server';
import { PlacementSection } from './placement-section';
import type { CaseRecord } from './placement-words';

/**
 * The section as the case page shows it, with a router for its clinic links. The clients are
 * wired here rather than through app/Providers, which a feature's non-test file may not import.
 */
export function renderSection(server: FakeServer, record: CaseRecord, role: Role = 'adviser') {
  const queryClient = createQueryClient();
  const router = createMemoryRouter([{ path: '/', element: <PlacementSection record={record} user={{ id: 'user-1', role }} /> }]);
  return render(
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={server.client} queryClient={queryClient}>
        <RouterProvider router={router} />
      </TRPCProvider>
    </QueryClientProvider>,
  );
}

export const callsTo = (server: FakeServer, path: string) => server.calls.filter((call) => call.path === path).map((call) => call.input);

export async function expectNoAxeViolations(container: HTMLElement) {
  const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
}
