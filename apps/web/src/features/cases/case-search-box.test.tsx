import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { Providers } from '../../app/providers';
import { fakeServer } from '../../test/fake-server';
import { CaseSearchBox } from './case-search-box';

const found = (reference: string, clientName: string) => ({
  id: `id-${reference}`,
  reference,
  clientName,
  callerName: clientName,
  stage: 'assessment',
  riskLevel: null,
});

const byWords: Record<string, ReturnType<typeof found>[]> = {
  Jones: [found('H-2026-00024', 'Carys Jones')],
  'Josh Palmer': [found('H-2026-00026', 'Josh Palmer')],
};

function renderSearch() {
  const server = fakeServer({ 'cases.search': (input) => ({ data: byWords[(input as { query: string }).query] ?? [] }) });
  const router = createMemoryRouter(
    [
      { path: '/', element: <CaseSearchBox /> },
      { path: '/cases/:reference', element: <CaseSearchBox /> },
    ],
    { initialEntries: ['/'] },
  );
  render(
    <Providers trpcClient={server.client}>
      <RouterProvider router={router} />
    </Providers>,
  );
  return router;
}

describe('the search box in the header', () => {
  it('opens the first match of the words typed now, never of the words before', async () => {
    const router = renderSearch();
    await userEvent.keyboard('/');
    const box = screen.getByRole('searchbox', { name: 'Find a case' });
    expect(document.activeElement).toBe(box);
    await userEvent.type(box, 'Jones');
    await screen.findByRole('link', { name: /Carys Jones/ });

    // Enter straight after changing the words: the old match must not open.
    await userEvent.clear(box);
    await userEvent.type(box, 'Josh Palmer{Enter}');
    expect(router.state.location.pathname).toBe('/');

    await screen.findByRole('link', { name: /Josh Palmer/ });
    await userEvent.type(box, '{Enter}');
    expect(router.state.location.pathname).toBe('/cases/H-2026-00026');
  });

  it('moves through the matches with the arrow keys and closes on Escape', async () => {
    renderSearch();
    const box = screen.getByRole('searchbox', { name: 'Find a case' });
    await userEvent.type(box, 'Jones');
    const match = await screen.findByRole('link', { name: /Carys Jones/ });
    await userEvent.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(match);
    await userEvent.keyboard('{Escape}');
    expect(document.activeElement).toBe(box);
    expect(screen.queryByRole('link', { name: /Carys Jones/ })).toBeNull();
  });
});
