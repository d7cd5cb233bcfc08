import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { RouterOutputs } from '../../../lib/trpc';
import { expectNoAxeViolations } from '../../../test/axe';
import { callsTo, fakeServer, type FakeServer } from '../../../test/fake-server';
import { renderWithProviders } from '../../../test/render-with-providers';
import { dayFromToday } from './aftercare-fixtures';
import { CheckInsPage } from './check-ins-page';

type Row = RouterOutputs['aftercare']['dueCheckIns'][number];

const ukDay = (day: string) => day.split('-').reverse().join('/');

function dueRow(reference: string, overrides: Partial<Row> = {}): Row {
  return {
    id: `id-${reference}`,
    daysAfter: 7,
    dueOn: dayFromToday(0),
    caseId: `case-${reference}`,
    reference,
    clientName: 'Jordan Ellis',
    callerName: 'Sam Ellis',
    riskLevel: 'medium',
    adviserId: 'user-1',
    adviserName: 'Amira Shah',
    dischargedOn: dayFromToday(-7),
    clinicName: 'Pennine Lodge',
    timing: 'due_today',
    ...overrides,
  };
}

const mine = [
  dueRow('H-2027-00003', { daysAfter: 30, dueOn: dayFromToday(-3), dischargedOn: dayFromToday(-33), timing: 'overdue', riskLevel: 'high' }),
  dueRow('H-2027-00011', { clientName: null, callerName: 'Priya Patel', clinicName: 'Willow House' }),
];
const everyone = [...mine, dueRow('H-2027-00020', { adviserId: 'user-2', adviserName: 'Tom Price' })];

const renderPage = (server: FakeServer, at = '/check-ins') => renderWithProviders(server, <CheckInsPage />, { path: '/check-ins', at });

const listing = () => fakeServer({ 'aftercare.dueCheckIns': (input) => ({ data: (input as { scope: string }).scope === 'all' ? everyone : mine }) });

describe('the check-ins page', () => {
  it('lists my check-ins, overdue first, with what an adviser needs to make the call', async () => {
    const server = listing();
    renderPage(server);
    expect(await screen.findByRole('heading', { level: 1, name: 'My check-ins (2)' })).toBeTruthy();
    expect(server.calls.find((call) => call.path === 'aftercare.dueCheckIns')?.input).toEqual({ scope: 'mine' });

    const [, late, today] = screen.getAllByRole('row');
    expect(within(late!).getByRole('link', { name: 'H-2027-00003' }).getAttribute('href')).toBe('/cases/H-2027-00003#aftercare');
    expect(within(late!).getByText('Jordan Ellis')).toBeTruthy();
    expect(within(late!).getByText('30-day check-in')).toBeTruthy();
    expect(within(late!).getByText(ukDay(dayFromToday(-3)), { exact: false })).toBeTruthy();
    expect(within(late!).getByText('Overdue by 3 days')).toBeTruthy();
    expect(within(late!).getByText(`on ${ukDay(dayFromToday(-33))}`)).toBeTruthy();
    expect(within(late!).getByText('High').className).toContain('badge--risk-high');
    // No client name recorded: the caller's name instead.
    expect(within(today!).getByText('Priya Patel')).toBeTruthy();
    expect(within(today!).getByText('Due today')).toBeTruthy();
    expect(within(today!).getByText('Willow House')).toBeTruthy();
  });

  it('keeps “Everyone’s” in the address', async () => {
    const server = listing();
    const { router } = renderPage(server);
    await screen.findByRole('heading', { name: 'My check-ins (2)' });
    await userEvent.click(screen.getByRole('link', { name: 'Everyone’s' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Everyone’s check-ins (3)' })).toBeTruthy();
    expect(router.state.location.search).toBe('?scope=all');
    expect(screen.getByRole('link', { name: 'Everyone’s' }).getAttribute('aria-current')).toBe('page');
    expect(screen.getByText('Tom Price')).toBeTruthy();
    expect(callsTo(server, 'aftercare.dueCheckIns')).toEqual([{ scope: 'mine' }, { scope: 'all' }]);
  });

  it('opens on everyone’s check-ins from a shared address', async () => {
    renderPage(listing(), '/check-ins?scope=all');
    expect(await screen.findByRole('heading', { name: 'Everyone’s check-ins (3)' })).toBeTruthy();
  });

  it('says plainly when nothing is due', async () => {
    renderPage(fakeServer({ 'aftercare.dueCheckIns': () => ({ data: [] }) }));
    expect(await screen.findByText('You have no check-ins due today or overdue.')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'My check-ins (0)' })).toBeTruthy();
  });

  it('says what went wrong and offers to try again', async () => {
    let isDown = true;
    // An answer that is not retried, so the page shows it at once.
    const refusal = { error: { code: 'BAD_REQUEST', httpStatus: 400, message: 'Choose whose check-ins to show' } };
    renderPage(fakeServer({ 'aftercare.dueCheckIns': () => (isDown ? refusal : { data: mine }) }));
    expect((await screen.findByRole('alert')).textContent).toContain('Choose whose check-ins to show');
    isDown = false;
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { name: 'My check-ins (2)' })).toBeTruthy();
  });

  it('has no accessibility problems axe can find', async () => {
    const { container } = renderPage(listing());
    await screen.findByRole('heading', { name: 'My check-ins (2)' });
    await expectNoAxeViolations(container);
  });
});
