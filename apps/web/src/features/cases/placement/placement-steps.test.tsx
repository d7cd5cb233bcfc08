import { londonDayOf } from '@harbour/shared/london-day';
import { toUkDate } from '@harbour/shared/uk-date';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../../../test/axe';
import { callsTo, fakeServer } from '../../../test/fake-server';
import { assessedCase, placementFixture, placementId } from './placement-fixtures';
import { renderSection } from './placement-test-render';

const confirmed = placementFixture({
  status: 'confirmed',
  version: 2,
  feePence: 140_000,
  feeTerms: { kind: 'percentage', percent: 10 },
  confirmedAt: new Date('2026-11-21T14:05:00Z'),
  confirmedByName: 'Tom Price',
});
const admitted = placementFixture({ ...confirmed, status: 'admitted', version: 3, admittedOn: '2026-11-22', admittedByName: 'Amira Shah' });
const inPlacement = (placement: typeof admitted) => assessedCase({ stage: 'placement', placements: [placement] });

const stepButtons = ['Confirm with clinic', 'Record admission', 'Record discharge', 'Cancel placement'];
const offered = () => stepButtons.filter((name) => screen.queryByRole('button', { name }));

describe('the placement on the go', () => {
  it('shows the steps taken, when and by whom, and the terms', () => {
    renderSection(fakeServer({}), inPlacement(admitted));
    const steps = screen.getByRole('list', { name: 'Placement steps' });
    const items = within(steps).getAllByRole('listitem').map((item) => item.textContent);
    expect(items).toEqual([
      'Done: Proposed 20/11/2026 10:15 by Amira Shah',
      'Done: Confirmed with clinic 21/11/2026 14:05 by Tom Price',
      'Done: Admitted 22/11/2026, recorded by Amira Shah',
      'Next: Discharged',
    ]);
    expect(within(steps).getByText('Discharged').closest('li')?.getAttribute('aria-current')).toBe('step');
    expect(screen.getByText('£3,500.00 a week; £14,000.00 for the programme', { exact: false })).toBeTruthy();
    expect(screen.getByText('£1,400.00, frozen at confirmation (10% of the programme price)')).toBeTruthy();
  });

  it('offers only the next step for each status, and cancelling only before admission', () => {
    const { unmount } = renderSection(fakeServer({}), assessedCase({ placements: [placementFixture()] }));
    expect(offered()).toEqual(['Confirm with clinic', 'Cancel placement']);
    expect(screen.getByText(/worked out from the clinic’s fee terms/)).toBeTruthy();
    unmount();

    const second = renderSection(fakeServer({}), assessedCase({ placements: [confirmed] }));
    expect(offered()).toEqual(['Record admission', 'Cancel placement']);
    expect(screen.getByText(/takes one of the clinic’s beds \(6 free now\) and moves the case to Placement/)).toBeTruthy();
    second.unmount();

    renderSection(fakeServer({}), inPlacement(admitted));
    expect(offered()).toEqual(['Record discharge']);
    expect(screen.getByText(/frees the bed at Kirkstall Grange, moves the case to Aftercare and books check-ins at 7, 30, 90, 180 and 365 days/)).toBeTruthy();
  });

  it('confirms with the clinic and says the fee it froze, taking focus', async () => {
    const server = fakeServer({ 'placements.confirm': () => ({ data: { version: 2, feePence: 140_000 } }) });
    renderSection(server, assessedCase({ placements: [placementFixture()] }));
    await userEvent.click(screen.getByRole('button', { name: 'Confirm with clinic' }));
    const alert = await screen.findByText(/Placement confirmed with Kirkstall Grange: the service’s fee is £1,400.00/);
    expect(document.activeElement).toBe(alert.closest('.alert'));
    expect(callsTo(server, 'placements.confirm')).toEqual([{ id: placementId, version: 1 }]);
  });

  it('records the admission on today’s London date unless another is typed', async () => {
    const server = fakeServer({ 'placements.admit': () => ({ data: { version: 3 } }) });
    renderSection(server, assessedCase({ placements: [confirmed] }));
    const date = screen.getByLabelText('Admission date') as HTMLInputElement;
    expect(date.value).toBe(toUkDate(londonDayOf(new Date())));
    await userEvent.clear(date);
    await userEvent.type(date, '23/11/2026');
    await userEvent.click(screen.getByRole('button', { name: 'Record admission' }));
    expect(await screen.findByText('Admission recorded: the case is now in Placement and Kirkstall Grange has one bed fewer.')).toBeTruthy();
    expect(callsTo(server, 'placements.admit')).toEqual([{ id: placementId, version: 2, admittedOn: '2026-11-23' }]);
  });

  it('says what stops the case moving to Placement before an admission is tried', () => {
    renderSection(fakeServer({}), assessedCase({ placements: [confirmed], stageFacts: { fundingRouteSet: false } }));
    expect(screen.getByText(/No funding route set in Finances. Put that right first/)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Record admission' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('puts the server’s refusal of a date on the date field, keeping what was typed', async () => {
    const server = fakeServer({
      'placements.admit': () => ({
        error: { code: 'BAD_REQUEST', httpStatus: 400, message: 'Admission date cannot be in the future', fieldErrors: { admittedOn: 'Admission date cannot be in the future' } },
      }),
    });
    renderSection(server, assessedCase({ placements: [confirmed] }));
    const date = screen.getByLabelText('Admission date') as HTMLInputElement;
    await userEvent.clear(date);
    await userEvent.type(date, '19/11/2026');
    await userEvent.click(screen.getByRole('button', { name: 'Record admission' }));
    expect(await screen.findByText('Admission date cannot be in the future')).toBeTruthy();
    expect(date.getAttribute('aria-invalid')).toBe('true');
    expect(date.value).toBe('19/11/2026');
    expect(document.activeElement).toBe(date);
  });

  it('records a discharge with its date and how it ended, and asks for the ending first', async () => {
    const server = fakeServer({ 'placements.discharge': () => ({ data: { version: 4 } }) });
    renderSection(server, inPlacement(admitted));
    const date = screen.getByLabelText('Discharge date');
    await userEvent.clear(date);
    await userEvent.type(date, '27/11/2026');
    await userEvent.click(screen.getByRole('button', { name: 'Record discharge' }));
    expect(await screen.findByText('Choose how the placement ended')).toBeTruthy();
    expect(callsTo(server, 'placements.discharge')).toEqual([]);

    await userEvent.click(screen.getByRole('radio', { name: 'Left early' }));
    await userEvent.click(screen.getByRole('button', { name: 'Record discharge' }));
    expect(await screen.findByText(/Discharge recorded: the case is now in Aftercare, Kirkstall Grange has the bed free again/)).toBeTruthy();
    expect(screen.getByText(/check-ins are booked for 7, 30, 90, 180 and 365 days after 27\/11\/2026/)).toBeTruthy();
    expect(callsTo(server, 'placements.discharge')).toEqual([{ id: placementId, version: 3, dischargedOn: '2026-11-27', outcome: 'left_early' }]);
  });

  it('refuses a discharge day in the future without asking the server', async () => {
    const server = fakeServer({});
    renderSection(server, inPlacement(admitted));
    const date = screen.getByLabelText('Discharge date');
    await userEvent.clear(date);
    await userEvent.type(date, '01/01/2099');
    await userEvent.click(screen.getByRole('radio', { name: 'Completed the programme' }));
    await userEvent.click(screen.getByRole('button', { name: 'Record discharge' }));
    expect(await screen.findByText('Discharge date cannot be in the future')).toBeTruthy();
    expect(callsTo(server, 'placements.discharge')).toEqual([]);
  });

  it('cancels only with a reason, and can be backed out of', async () => {
    const server = fakeServer({ 'placements.cancel': () => ({ data: { version: 2 } }) });
    renderSection(server, assessedCase({ placements: [placementFixture()] }));
    await userEvent.click(screen.getByRole('button', { name: 'Cancel placement' }));
    await userEvent.click(screen.getByRole('button', { name: 'Keep it' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel placement' }));
    await userEvent.click(screen.getByRole('button', { name: 'Cancel placement' }));
    expect(document.activeElement).toBe(screen.getByLabelText('Why is it cancelled?'));
    await userEvent.click(screen.getByRole('button', { name: 'Cancel this placement' }));
    expect(await screen.findByText('Enter why the placement is cancelled')).toBeTruthy();
    expect(callsTo(server, 'placements.cancel')).toEqual([]);

    await userEvent.type(screen.getByLabelText('Why is it cancelled?'), 'The family chose a clinic nearer home');
    await userEvent.click(screen.getByRole('button', { name: 'Cancel this placement' }));
    expect(await screen.findByText(/Placement at Kirkstall Grange cancelled/)).toBeTruthy();
    expect(callsTo(server, 'placements.cancel')).toEqual([{ id: placementId, version: 1, reason: 'The family chose a clinic nearer home' }]);
  });

  it('on a conflict, says who took the step and offers a reload', async () => {
    const message = 'This placement changed after you opened it: Tom Price confirmed it at 28/11/2026 14:03. Reload to see where it is now.';
    const server = fakeServer({ 'placements.confirm': () => ({ error: { code: 'CONFLICT', httpStatus: 409, message } }) });
    renderSection(server, assessedCase({ placements: [placementFixture()] }));
    await userEvent.click(screen.getByRole('button', { name: 'Confirm with clinic' }));
    const alert = (await screen.findByText(message)).closest('.alert') as HTMLElement;
    expect(document.activeElement).toBe(alert);
    await userEvent.click(within(alert).getByRole('button', { name: 'Reload' }));
    expect(screen.queryByText(message)).toBeNull();
  });

  it('shows a colleague’s case without any step to take, and says why', () => {
    renderSection(fakeServer({}), assessedCase({ canChange: false, assignedAdviserName: 'Tom Price', placements: [placementFixture()] }));
    expect(screen.getByRole('note').textContent).toMatch(/Only Tom Price or a team lead can propose a clinic/);
    expect(screen.getByRole('heading', { name: /Kirkstall Grange/ })).toBeTruthy();
    expect(offered()).toEqual([]);
  });

  it('lists earlier placements with how each ended and who recorded each step', () => {
    const cancelled = placementFixture({
      id: '7a1e0c9d-2222-4b4b-9c9c-000000000002',
      status: 'cancelled',
      clinicName: 'Pennine Lodge',
      cancelledAt: new Date('2026-11-19T16:00:00Z'),
      cancelReason: 'No bed until January',
      cancelledByName: 'Tom Price',
    });
    const discharged = placementFixture({
      ...admitted,
      id: '7a1e0c9d-2222-4b4b-9c9c-000000000003',
      status: 'discharged',
      clinicName: 'Sherwood House',
      dischargedOn: '2026-12-20',
      dischargeOutcome: 'completed',
      dischargedByName: 'Tom Price',
    });
    renderSection(fakeServer({}), assessedCase({ placements: [placementFixture(), cancelled, discharged] }));
    expect(screen.getByRole('heading', { name: 'Earlier placements' })).toBeTruthy();
    const [wasCancelled, wasDischarged] = within(screen.getByRole('heading', { name: 'Earlier placements' }).nextElementSibling as HTMLElement).getAllByRole('listitem');
    expect(within(wasCancelled!).getByText('19/11/2026 16:00 by Tom Price: No bed until January')).toBeTruthy();
    expect(within(wasDischarged!).getByText(/Admitted: 22\/11\/2026, recorded by Amira Shah\. Discharged: 20\/12\/2026 \(Completed the programme\), recorded by Tom Price$/)).toBeTruthy();
  });

  it('says when a step was taken even if who took it is not known', () => {
    renderSection(fakeServer({}), inPlacement(placementFixture({ ...admitted, confirmedByName: null, admittedByName: null })));
    const items = within(screen.getByRole('list', { name: 'Placement steps' })).getAllByRole('listitem');
    expect(items.map((item) => item.textContent).slice(1, 3)).toEqual(['Done: Confirmed with clinic 21/11/2026 14:05', 'Done: Admitted 22/11/2026']);
  });

  it('has no accessibility problems axe can find', async () => {
    const { container } = renderSection(fakeServer({}), assessedCase({ placements: [confirmed] }));
    await userEvent.click(screen.getByRole('button', { name: 'Cancel placement' }));
    await expectNoAxeViolations(container);
  });
});
