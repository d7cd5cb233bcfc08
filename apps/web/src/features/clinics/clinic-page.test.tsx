import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { focusManager } from '@tanstack/react-query';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { expectNoAxeViolations } from '../../test/axe';
import { callsTo, fakeServer, type FakeServer } from '../../test/fake-server';
import { renderWithProviders } from '../../test/render-with-providers';
import { clinicFixture } from './clinic-fixtures';
import { ClinicPage } from './clinic-page';

const pennine = clinicFixture();
type Replies = Parameters<typeof fakeServer>[0];

const renderClinic = (replies: Replies, canManage: boolean): FakeServer & ReturnType<typeof renderWithProviders> => {
  const server = fakeServer({ 'clinics.byId': () => ({ data: pennine }), ...replies });
  const view = renderWithProviders(server, <ClinicPage id={pennine.id} canManage={canManage} />, { path: '/clinics/:id', at: `/clinics/${pennine.id}` });
  return { ...server, ...view };
};

const refusal = (code: string, message: string, fieldErrors?: Record<string, string>) => ({
  error: { code, httpStatus: code === 'CONFLICT' ? 409 : 400, message, ...(fieldErrors ? { fieldErrors } : {}) },
});

async function retype(label: string | RegExp, text: string) {
  const input = screen.getByLabelText(label);
  await userEvent.clear(input);
  await userEvent.type(input, text);
}

describe('a clinic’s page', () => {
  it('shows every field to an adviser, without Edit', async () => {
    const { container } = renderClinic({}, false);
    expect(await screen.findByRole('heading', { level: 1, name: 'Pennine Lodge' })).toBeTruthy();
    const details = within(screen.getByRole('region', { name: 'About the clinic' }));
    for (const words of [
      'CQC: Good. Location ID 1-900023757',
      'North West',
      'Manchester, M1 3BE',
      '0161 496 0201',
      'admissions@pennine-lodge.example',
      'Medically managed detox, Residential rehab',
      'Alcohol, Heroin',
      'Yes: can treat a mental health condition alongside the addiction',
      '28, 56 days',
      '£3,800.00 to £5,600.00 a week',
      'Self-funded, Family',
      '10% of the programme price',
    ]) {
      expect(details.getByText(words, { exact: false })).toBeTruthy();
    }
    expect(screen.queryByRole('button', { name: 'Edit clinic' })).toBeNull();
    await expectNoAxeViolations(container);
  });

  it('lets anyone on shift confirm the free beds, and shows the new stamp', async () => {
    const confirmedAt = new Date('2026-11-28T14:05:00Z');
    let saved = pennine;
    const { calls } = renderClinic(
      {
        'clinics.byId': () => ({ data: saved }),
        'clinics.confirmBeds': (input) => {
          saved = { ...pennine, bedsAvailable: (input as { available: number }).available, bedsConfirmedAt: confirmedAt, bedsConfirmedByName: 'Amira Shah' };
          return { data: saved };
        },
      },
      false,
    );
    const beds = await screen.findByLabelText('Beds free now');
    expect(screen.getByText(/Of 24\. Last confirmed \d\d\/\d\d\/\d{4} \d\d:\d\d by Grace Owusu\./)).toBeTruthy();
    await retype('Beds free now', '2');
    await userEvent.keyboard('{Enter}');
    const stamp = await screen.findByText('Free beds confirmed at 28/11/2026 14:05 by Amira Shah: 2 of 24 free.');
    expect(document.activeElement).toBe(stamp.closest('.alert'));
    expect(calls.find((call) => call.path === 'clinics.confirmBeds')?.input).toEqual({ id: pennine.id, available: 2 });
    expect((beds as HTMLInputElement).value).toBe('2');
  });

  it('puts the server’s refusal on the beds field', async () => {
    const message = 'Pennine Lodge has 24 beds in total: a manager can change that in the directory';
    renderClinic({ 'clinics.confirmBeds': () => refusal('BAD_REQUEST', message, { available: message }) }, false);
    await screen.findByLabelText('Beds free now');
    await retype('Beds free now', '30');
    await userEvent.click(screen.getByRole('button', { name: 'Confirm free beds' }));
    const error = await screen.findByText(message);
    const beds = screen.getByLabelText<HTMLInputElement>('Beds free now');
    expect(beds.getAttribute('aria-invalid')).toBe('true');
    expect(beds.getAttribute('aria-describedby')).toContain(error.closest('p')!.id);
    expect(beds.value).toBe('30');
  });
});

describe('a manager editing a clinic', () => {
  it('saves with Ctrl+S, sending the version opened, then shows what was saved', async () => {
    let saved = pennine;
    const { calls } = renderClinic(
      {
        'clinics.byId': () => ({ data: saved }),
        'clinics.update': (input) => {
          saved = { ...pennine, ...(input as { clinic: Partial<typeof pennine> }).clinic, version: 4 };
          return { data: saved };
        },
      },
      true,
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Edit clinic' }));
    await retype('Town', 'Salford');
    expect(screen.getByLabelText<HTMLInputElement>('Programme lengths (days)').value).toBe('28, 56');
    await retype('Programme lengths (days)', '56, 28, 84');
    await userEvent.keyboard('{Control>}s{/Control}');
    expect(await screen.findByText('Clinic saved.')).toBeTruthy();
    expect(calls.find((call) => call.path === 'clinics.update')?.input).toMatchObject({
      id: pennine.id,
      version: 3,
      clinic: { town: 'Salford', phone: '+441614960201', programmeLengthsDays: [28, 56, 84], weeklyPriceMinPence: 380_000 },
    });
    expect(screen.getByText('Salford, M1 3BE')).toBeTruthy();
  });

  it('puts a refusal about one field at that field, keeping everything typed', async () => {
    const message = 'A clinic with this location ID is already in the directory';
    renderClinic({ 'clinics.update': () => refusal('CONFLICT', message, { locationId: message }) }, true);
    await userEvent.click(await screen.findByRole('button', { name: 'Edit clinic' }));
    await retype('Town', 'Salford');
    await retype(/Location ID/, '1-101681479');
    await userEvent.click(screen.getByRole('button', { name: 'Save clinic' }));
    expect(await screen.findByText(message)).toBeTruthy();
    const locationId = screen.getByLabelText<HTMLInputElement>(/Location ID/);
    expect(locationId.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(locationId);
    // A duplicate location ID is not a colleague's edit: nothing to reload.
    expect(screen.queryByRole('button', { name: 'Reload their version' })).toBeNull();
    expect(screen.getByLabelText<HTMLInputElement>('Town').value).toBe('Salford');
    expect(locationId.value).toBe('1-101681479');
  });

  it('explains a colleague’s edit in between, reloads theirs, keeps what was typed, and saves on their version', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    onTestFinished(() => {
      vi.useRealTimers();
      focusManager.setFocused(undefined);
    });
    const message = 'Grace Owusu changed Pennine Lodge at 28/11/2026 14:05, after you opened it.';
    let saved = pennine;
    const server = renderClinic(
      {
        'clinics.byId': () => ({ data: saved }),
        'clinics.update': (input) =>
          (input as { version: number }).version === saved.version ? { data: { ...saved, version: saved.version + 1 } } : refusal('CONFLICT', message),
      },
      true,
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Edit clinic' }));
    saved = { ...pennine, version: 4, phone: '+441614960299' };
    // The page reads the clinic again in the background (back from another tab, a while later):
    // the form's answers are still based on version 3, so that is the version it must send.
    vi.setSystemTime(Date.now() + 60_000);
    focusManager.setFocused(false);
    focusManager.setFocused(true);
    await waitFor(() => expect(callsTo(server, 'clinics.byId')).toHaveLength(2));
    await retype('Town', 'Salford');
    await userEvent.click(screen.getByRole('button', { name: 'Save clinic' }));

    // Focus moves to the explanation, which the screen reader reads with its Reload button.
    const explanation = await screen.findByText(message);
    await waitFor(() => expect(document.activeElement?.contains(explanation)).toBe(true));
    expect(screen.getByLabelText<HTMLInputElement>('Town').value).toBe('Salford');
    await userEvent.click(screen.getByRole('button', { name: 'Reload their version' }));

    const unsaved = await screen.findByRole('region', { name: 'Your unsaved answers' });
    expect(within(unsaved).getByText('Salford')).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>('Phone').value).toBe('0161 496 0299');
    await retype('Town', 'Salford');
    await userEvent.click(screen.getByRole('button', { name: 'Save clinic' }));
    expect(await screen.findByText('Clinic saved.')).toBeTruthy();
    expect(callsTo(server, 'clinics.update').map((input) => (input as { version: number }).version)).toEqual([3, 4]);
  });

  it('gives focus back to Edit on Cancel', async () => {
    renderClinic({}, true);
    await userEvent.click(await screen.findByRole('button', { name: 'Edit clinic' }));
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Edit clinic' }));
  });
});
