import type { Role } from '@harbour/shared/roles';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, Outlet, RouterProvider } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { Providers } from '../../app/providers';
import ClinicRoute from '../../app/routes/clinic-route';
import { expectNoAxeViolations } from '../../test/axe';
import { callsTo, fakeServer } from '../../test/fake-server';
import { renderWithProviders } from '../../test/render-with-providers';
import { clinicFixture } from './clinic-fixtures';
import { NewClinicPage } from './new-clinic-page';

function renderNewClinic(replies: Parameters<typeof fakeServer>[0] = {}) {
  const server = fakeServer(replies);
  const onAdded = vi.fn();
  const view = renderWithProviders(server, <NewClinicPage onAdded={onAdded} onCancel={() => undefined} />, { path: '/clinics/new' });
  return { server, onAdded, ...view };
}

const group = (legend: string) => within(screen.getByRole('group', { name: legend }));

describe('adding a clinic', () => {
  it('names every missing answer at its field, keeps what was typed and sends nothing', async () => {
    const { server, container } = renderNewClinic();
    await userEvent.type(screen.getByLabelText('Clinic name'), 'Larch Lodge');
    await userEvent.type(screen.getByLabelText('Programme lengths (days)'), '28, four');
    await userEvent.click(screen.getByRole('button', { name: 'Add clinic' }));
    expect(await screen.findByText('Enter the town')).toBeTruthy();
    for (const message of ['Choose at least one service', 'Programme length must be a number of days', 'Beds in total must be a number', 'Fee percentage must be a number']) {
      expect(screen.getByText(message)).toBeTruthy();
    }
    expect(screen.getByLabelText('Town').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText<HTMLInputElement>('Clinic name').value).toBe('Larch Lodge');
    expect(server.calls).toEqual([]);
    await expectNoAxeViolations(container);
  });

  it('sends every answer in the shape the server keeps: pence, days, HIW for Wales', async () => {
    const added = clinicFixture({ id: '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e' });
    const { server, onAdded } = renderNewClinic({ 'clinics.create': () => ({ data: added }) });
    await userEvent.type(screen.getByLabelText('Clinic name'), 'Larch Lodge');
    await userEvent.selectOptions(screen.getByLabelText('Region'), 'Wales');
    expect(screen.getByText('Regulator: Healthcare Inspectorate Wales (HIW)')).toBeTruthy();
    await userEvent.type(screen.getByLabelText('Town'), 'Swansea');
    await userEvent.type(screen.getByLabelText('Postcode'), 'sa1 1aa');
    await userEvent.type(screen.getByLabelText(/Location ID/), 'HIW-20931');
    await userEvent.selectOptions(screen.getByLabelText('Latest rating'), 'Good');
    await userEvent.type(screen.getByLabelText('Phone'), '01792 123456');
    await userEvent.click(group('Services').getByLabelText('Residential rehab'));
    await userEvent.click(group('Substances treated').getByLabelText('Alcohol'));
    await userEvent.click(group('Substances treated').getByLabelText('Cocaine'));
    await userEvent.click(group('Can it treat a dual diagnosis?').getByLabelText('Yes'));
    await userEvent.type(screen.getByLabelText('Programme lengths (days)'), '56, 28, 42');
    await userEvent.type(screen.getByLabelText('Lowest weekly price (£)'), '3,500');
    await userEvent.type(screen.getByLabelText('Highest weekly price (£)'), '5000.50');
    await userEvent.click(group('Funding accepted').getByLabelText('Self-funded'));
    await userEvent.click(group('How the clinic pays our fee').getByLabelText('A fixed fee per admission'));
    await userEvent.type(screen.getByLabelText('Fixed fee per admission (£)'), '1500');
    await userEvent.type(screen.getByLabelText('Beds in total'), '12');
    await userEvent.type(screen.getByLabelText('Beds free now'), '3');
    await userEvent.click(screen.getByRole('button', { name: 'Add clinic' }));

    await vi.waitFor(() => expect(onAdded).toHaveBeenCalledWith(added.id));
    expect(callsTo(server, 'clinics.create')).toEqual([
      {
        name: 'Larch Lodge',
        regulator: 'hiw',
        locationId: 'HIW-20931',
        rating: 'good',
        region: 'wales',
        town: 'Swansea',
        postcode: 'SA1 1AA',
        phone: '+441792123456',
        services: ['residential_rehab'],
        substances: ['alcohol', 'cocaine'],
        isDualDiagnosisCapable: true,
        programmeLengthsDays: [28, 42, 56],
        weeklyPriceMinPence: 350_000,
        weeklyPriceMaxPence: 500_050,
        fundingRoutes: ['self_funded'],
        bedsTotal: 12,
        bedsAvailable: 3,
        feeTerms: { kind: 'fixed', pence: 150_000 },
        isActive: true,
      },
    ]);
  });
});

describe('/clinics/new', () => {
  const renderRoute = (role: Role) => {
    const user = { id: 'u1', email: 'someone@harbour.test', fullName: 'Sam Okafor', role };
    const router = createMemoryRouter([{ element: <Outlet context={{ user }} />, children: [{ path: '/clinics/:id', element: <ClinicRoute /> }] }], {
      initialEntries: ['/clinics/new'],
    });
    render(
      <Providers trpcClient={fakeServer({}).client}>
        <RouterProvider router={router} />
      </Providers>,
    );
  };

  it('is the add form for a manager', async () => {
    renderRoute('manager');
    expect(await screen.findByRole('heading', { level: 1, name: 'Add a clinic' })).toBeTruthy();
  });

  it('is refused to an adviser', async () => {
    renderRoute('adviser');
    expect(await screen.findByRole('heading', { level: 1, name: 'You do not have access to this page' })).toBeTruthy();
    expect(screen.queryByLabelText('Clinic name')).toBeNull();
  });
});
