import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { Providers } from '../../app/providers';
import { fakeServer, type FakeServer } from '../../test/fake-server';
import { clinicFixture } from './clinic-fixtures';
import { ClinicPage } from './clinic-page';
import { ClinicsPage } from './clinics-page';
import { NewClinicPage } from './new-clinic-page';

const pennine = clinicFixture();
const afon = clinicFixture({ id: '8d2f3e4a-5b6c-4d7e-9f0a-1b2c3d4e5f6a', name: 'Afon Las', region: 'wales', regulator: 'hiw', town: 'Cardiff', isDemo: true, bedsConfirmedAt: new Date(Date.now() - 10 * 86_400_000) });

function renderAt(server: FakeServer, path: string, element: React.ReactNode, at = path) {
  const router = createMemoryRouter([{ path, element }], { initialEntries: [at] });
  const view = render(
    <Providers trpcClient={server.client}>
      <RouterProvider router={router} />
    </Providers>,
  );
  return { router, ...view };
}

describe('the clinic directory', () => {
  it('lists clinics with beds, price and who confirmed the beds, calling out an old count', async () => {
    const server = fakeServer({ 'clinics.list': () => ({ data: [afon, pennine] }) });
    const { container } = renderAt(server, '/clinics', <ClinicsPage canManage={false} />);
    const list = await screen.findByRole('list', { name: 'Clinics' });
    const [first, second] = within(list).getAllByRole('listitem');
    expect(within(first!).getByRole('link', { name: 'Afon Las' }).getAttribute('href')).toBe(`/clinics/${afon.id}`);
    expect(within(first!).getByText('Demo data')).toBeTruthy();
    expect(within(first!).getByText(/over a week ago/)).toBeTruthy();
    expect(within(second!).getByText(/5 of 24 free/)).toBeTruthy();
    expect(within(second!).getByText(/by Grace Owusu/)).toBeTruthy();
    expect(within(second!).getByText('£3,800.00 to £5,600.00 a week')).toBeTruthy();
    expect(screen.getByText('2 clinics')).toBeTruthy();
    // Only managers add clinics.
    expect(screen.queryByRole('link', { name: 'Add a clinic' })).toBeNull();
    expect((await axe.run(container, { rules: { 'color-contrast': { enabled: false } } })).violations).toEqual([]);
  });

  it('keeps the filters in the address and sends them to the server', async () => {
    const server = fakeServer({ 'clinics.list': () => ({ data: [pennine] }) });
    const { router } = renderAt(server, '/clinics', <ClinicsPage canManage />, '/clinics?region=north_west');
    await screen.findByRole('list', { name: 'Clinics' });
    expect(screen.getByRole('link', { name: 'Add a clinic' }).getAttribute('href')).toBe('/clinics/new');
    await userEvent.selectOptions(screen.getByLabelText('Service'), 'Medically managed detox');
    await userEvent.type(screen.getByLabelText('Name, town or postcode'), 'manch');
    expect(router.state.location.search).toBe('?region=north_west&service=medically_managed_detox&search=manch');
    await expect
      .poll(() => server.calls.filter((call) => call.path === 'clinics.list').at(-1)?.input)
      .toEqual({ region: 'north_west', service: 'medically_managed_detox', search: 'manch' });
  });

  it('says when nothing matches', async () => {
    renderAt(fakeServer({ 'clinics.list': () => ({ data: [] }) }), '/clinics', <ClinicsPage canManage={false} />, '/clinics?region=wales');
    expect(await screen.findByText('No clinics match these filters')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Clear the filters' })).toBeTruthy();
  });
});

describe('a clinic', () => {
  it('lets anyone on shift confirm the free beds, and shows the new stamp', async () => {
    const confirmedAt = new Date('2026-11-28T14:05:00Z');
    const server = fakeServer({
      'clinics.byId': () => ({ data: pennine }),
      'clinics.confirmBeds': (input) => ({ data: { ...pennine, bedsAvailable: (input as { available: number }).available, bedsConfirmedAt: confirmedAt } }),
    });
    renderAt(server, '/clinics/:id', <ClinicPage id={pennine.id} canManage={false} />, `/clinics/${pennine.id}`);
    const beds = await screen.findByLabelText('Beds free now');
    expect(screen.queryByRole('button', { name: 'Edit clinic' })).toBeNull();
    await userEvent.clear(beds);
    await userEvent.type(beds, '2');
    await userEvent.click(screen.getByRole('button', { name: 'Confirm free beds' }));
    expect(await screen.findByText('Free beds confirmed at 28/11/2026 14:05.')).toBeTruthy();
    expect(server.calls.find((call) => call.path === 'clinics.confirmBeds')?.input).toEqual({ id: pennine.id, available: 2 });
  });

  it('puts the server’s refusal on the beds field', async () => {
    const message = 'Pennine Lodge has 24 beds in total: a manager can change that in the directory';
    const server = fakeServer({
      'clinics.byId': () => ({ data: pennine }),
      'clinics.confirmBeds': () => ({ error: { code: 'BAD_REQUEST', httpStatus: 400, message, fieldErrors: { available: message } } }),
    });
    renderAt(server, '/clinics/:id', <ClinicPage id={pennine.id} canManage={false} />, `/clinics/${pennine.id}`);
    await userEvent.click(await screen.findByRole('button', { name: 'Confirm free beds' }));
    expect(await screen.findByText(message)).toBeTruthy();
    expect(screen.getByLabelText('Beds free now').getAttribute('aria-invalid')).toBe('true');
  });

  it('lets a manager edit it, sending the version read; a field refusal keeps what was typed', async () => {
    const message = 'A clinic with this location ID is already in the directory';
    const server = fakeServer({
      'clinics.byId': () => ({ data: pennine }),
      'clinics.update': () => ({ error: { code: 'CONFLICT', httpStatus: 409, message, fieldErrors: { locationId: message } } }),
    });
    renderAt(server, '/clinics/:id', <ClinicPage id={pennine.id} canManage />, `/clinics/${pennine.id}`);
    await userEvent.click(await screen.findByRole('button', { name: 'Edit clinic' }));
    await userEvent.clear(screen.getByLabelText('Town'));
    await userEvent.type(screen.getByLabelText('Town'), 'Salford');
    await userEvent.clear(screen.getByLabelText(/Location ID/));
    await userEvent.type(screen.getByLabelText(/Location ID/), '1-101681479');
    await userEvent.click(screen.getByRole('button', { name: 'Save clinic' }));
    await expect.poll(() => server.calls.find((call) => call.path === 'clinics.update')?.input).toMatchObject({
      id: pennine.id,
      version: 3,
      clinic: { town: 'Salford', locationId: '1-101681479', phone: '+441614960201', programmeLengthsDays: [28, 56] },
    });
    expect(await screen.findByText(message)).toBeTruthy();
    expect((screen.getByLabelText('Town') as HTMLInputElement).value).toBe('Salford');
  });
});

describe('adding a clinic', () => {
  it('names every missing answer at its field and sends nothing', async () => {
    const server = fakeServer({});
    renderAt(server, '/clinics/new', <NewClinicPage onAdded={() => undefined} onCancel={() => undefined} />);
    await userEvent.type(screen.getByLabelText('Clinic name'), 'Larch Lodge');
    await userEvent.type(screen.getByLabelText('Programme lengths (days)'), '28, four');
    await userEvent.click(screen.getByRole('button', { name: 'Add clinic' }));
    expect(await screen.findByText('Enter the town')).toBeTruthy();
    expect(screen.getByText('Choose at least one service')).toBeTruthy();
    expect(screen.getByText('Programme length must be a number of days')).toBeTruthy();
    expect((screen.getByLabelText('Clinic name') as HTMLInputElement).value).toBe('Larch Lodge');
    expect(server.calls).toEqual([]);
  });

  it('sets the regulator from the region: HIW in Wales', async () => {
    renderAt(fakeServer({}), '/clinics/new', <NewClinicPage onAdded={() => undefined} onCancel={() => undefined} />);
    await userEvent.selectOptions(screen.getByLabelText('Region'), 'Wales');
    expect(screen.getByText('Regulator: Healthcare Inspectorate Wales (HIW)')).toBeTruthy();
  });
});
