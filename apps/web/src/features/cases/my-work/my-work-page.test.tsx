import { render, screen, within } from '@testing-library/react';
import axe from 'axe-core';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { Providers } from '../../../app/providers';
import type { RouterOutputs } from '../../../lib/trpc';
import { fakeServer } from '../../../test/fake-server';
import { MyWorkPage } from './my-work-page';

type Work = RouterOutputs['worklist']['mine'];

const minutesFromNow = (minutes: number) => new Date(Date.now() + minutes * 60_000);

const work: Work = [
  { kind: 'no_recent_contact', caseId: 'c1', reference: 'H-2026-00031', name: 'Imran Hussain', riskLevel: 'immediate', stage: 'assessment', lastContactAt: minutesFromNow(-30 * 60) },
  { kind: 'next_action', caseId: 'c2', reference: 'H-2026-00007', name: 'Craig Robson', riskLevel: 'high', stage: 'assessment', what: 'Call with two detox options', dueAt: minutesFromNow(-125) },
  { kind: 'callback', id: 'r1', reference: 'CB-7K3M9Q', name: 'Sam Taylor', isUrgent: false, dueAt: minutesFromNow(40), claimExpiresAt: minutesFromNow(15), isAnswered: false },
  { kind: 'check_in', caseId: 'c3', reference: 'H-2026-00040', name: 'Martin Cole', riskLevel: 'low', stage: 'aftercare', checkInId: 'k1', daysAfter: 7, dueOn: '2026-11-28', isOverdue: false },
];

function renderPage(reply: Work | 'fails') {
  const server = fakeServer({
    'worklist.mine': () =>
      reply === 'fails' ? { error: { code: 'INTERNAL_SERVER_ERROR', httpStatus: 500, message: 'Something went wrong (ref abc). Please try again.' } } : { data: reply },
  });
  const router = createMemoryRouter([{ path: '/my-work', element: <MyWorkPage /> }], { initialEntries: ['/my-work'] });
  return render(
    <Providers trpcClient={server.client}>
      <RouterProvider router={router} />
    </Providers>,
  );
}

describe('my work', () => {
  it('shows each piece of work in the order the server ranked it, with where to do it and how late it is', async () => {
    const { container } = renderPage(work);
    const list = await screen.findByRole('list', { name: 'Your work, most urgent first' });
    const items = within(list).getAllByRole('listitem');
    expect(items.map((item) => item.querySelector('strong')?.textContent)).toEqual([
      'High risk and nobody has spoken to them in a day',
      'Call with two detox options',
      'Callback you claimed',
      '7-day aftercare check-in',
    ]);
    expect(within(items[0]!).getByRole('link', { name: 'H-2026-00031' }).getAttribute('href')).toBe('/cases/H-2026-00031');
    expect(within(items[1]!).getByText('Next action overdue by 2 h 5 min')).toBeTruthy();
    expect(within(items[2]!).getByRole('link', { name: 'CB-7K3M9Q' }).getAttribute('href')).toBe('/callbacks/r1');
    expect(within(items[3]!).getByRole('link', { name: 'H-2026-00040' }).getAttribute('href')).toBe('/cases/H-2026-00040#aftercare');
    expect(screen.getByRole('heading', { level: 1, name: 'My work (4)' })).toBeTruthy();
    expect((await axe.run(container)).violations).toEqual([]);
  });

  it('says so when nothing is due, and offers the queue', async () => {
    renderPage([]);
    expect(await screen.findByText('Nothing is due from you right now.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'callback queue' }).getAttribute('href')).toBe('/queue');
  });

  it('shows the server’s words when the list cannot be read, with a way to try again', async () => {
    renderPage('fails');
    // Unexpected failures are retried twice before the page gives up.
    expect(await screen.findByRole('alert', {}, { timeout: 6_000 })).toHaveProperty('textContent', expect.stringContaining('Something went wrong (ref abc)'));
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
