import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../../test/axe';
import { callsTo, fakeServer, type FakeServer } from '../../test/fake-server';
import { renderWithProviders } from '../../test/render-with-providers';
import { clinicFixture } from './clinic-fixtures';
import { ClinicsPage } from './clinics-page';

const DAY = 86_400_000;
const pennine = clinicFixture();
const afon = clinicFixture({
  id: '8d2f3e4a-5b6c-4d7e-9f0a-1b2c3d4e5f6a',
  name: 'Afon Las',
  region: 'wales',
  regulator: 'hiw',
  rating: 'requires_improvement',
  town: 'Cardiff',
  isDemo: true,
  isDualDiagnosisCapable: false,
  bedsConfirmedAt: new Date(Date.now() - 10 * DAY),
  bedsConfirmedByName: 'Amira Shah',
});
const larch = clinicFixture({ id: '9e3a4b5c-6d7e-4f8a-9b0c-2d3e4f5a6b7c', name: 'Larch House', isActive: false, bedsConfirmedAt: null, bedsConfirmedByName: null });

const renderDirectory = (server: FakeServer, { canManage = false, at = '/clinics' } = {}) =>
  renderWithProviders(server, <ClinicsPage canManage={canManage} />, { path: '/clinics', at });

const rowOf = (name: string) => screen.getByRole('link', { name }).closest('li')!;

describe('the clinic directory', () => {
  it('shows each clinic as an adviser weighs it, calling out bed counts nobody has checked lately', async () => {
    const server = fakeServer({ 'clinics.list': () => ({ data: [afon, larch, pennine] }) });
    const { container } = renderDirectory(server);
    await screen.findByRole('list', { name: 'Clinics' });
    expect(screen.getByText('3 clinics')).toBeTruthy();

    const pennineRow = within(rowOf('Pennine Lodge'));
    expect(rowOf('Pennine Lodge').querySelector('a')?.getAttribute('href')).toBe(`/clinics/${pennine.id}`);
    expect(pennineRow.getByText('CQC: Good · Manchester, North West')).toBeTruthy();
    expect(rowOf('Pennine Lodge').textContent).toContain('5 of 24 free (confirmed 1 hour ago by Grace Owusu)');
    expect(pennineRow.getByText('£3,800.00 to £5,600.00 a week')).toBeTruthy();
    expect(pennineRow.getByText('Medically managed detox, Residential rehab')).toBeTruthy();
    expect(pennineRow.getByText('Alcohol, Heroin')).toBeTruthy();
    expect(pennineRow.getByText('Self-funded, Family')).toBeTruthy();
    expect(pennineRow.getByText('Yes')).toBeTruthy();
    expect(pennineRow.queryByText('Demo data')).toBeNull();

    const afonRow = within(rowOf('Afon Las'));
    expect(afonRow.getByText('Demo data')).toBeTruthy();
    expect(afonRow.getByText('HIW: Requires improvement · Cardiff, Wales')).toBeTruthy();
    expect(afonRow.getByText('No')).toBeTruthy();
    expect(rowOf('Afon Las').textContent).toContain('(confirmed 10 days ago by Amira Shah: over a week old, ring to check)');

    expect(within(rowOf('Larch House')).getByText('Inactive: not taking referrals')).toBeTruthy();
    expect(rowOf('Larch House').textContent).toContain('(never confirmed: ring to check)');

    // Only managers add clinics.
    expect(screen.queryByRole('link', { name: 'Add a clinic' })).toBeNull();
    await expectNoAxeViolations(container);
  });

  it('keeps the filters in the address and sends them to the server', async () => {
    const server = fakeServer({ 'clinics.list': () => ({ data: [pennine] }) });
    const { router } = renderDirectory(server, { canManage: true, at: '/clinics?region=north_west' });
    await screen.findByRole('list', { name: 'Clinics' });
    expect(screen.getByRole('link', { name: 'Add a clinic' }).getAttribute('href')).toBe('/clinics/new');
    expect(screen.getByLabelText<HTMLSelectElement>('Region').value).toBe('north_west');
    await userEvent.selectOptions(screen.getByLabelText('Service'), 'Medically managed detox');
    await userEvent.type(screen.getByLabelText('Name, town or postcode'), 'manch');
    expect(router.state.location.search).toBe('?region=north_west&service=medically_managed_detox&search=manch');
    await expect.poll(() => callsTo(server, 'clinics.list').at(-1)).toEqual({ region: 'north_west', service: 'medically_managed_detox', search: 'manch' });
    expect(screen.getByText('1 clinic match')).toBeTruthy();
  });

  it('says when nothing matches, and clearing the filters empties the search box too', async () => {
    const server = fakeServer({ 'clinics.list': (input) => ({ data: Object.values(input as object).some(Boolean) ? [] : [pennine] }) });
    const { router } = renderDirectory(server, { at: '/clinics?region=wales&search=afon' });
    expect(await screen.findByText('No clinics match these filters')).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>('Name, town or postcode').value).toBe('afon');
    await userEvent.click(screen.getByRole('link', { name: 'Clear the filters' }));
    expect(await screen.findByRole('link', { name: 'Pennine Lodge' })).toBeTruthy();
    expect(router.state.location.search).toBe('');
    expect(screen.getByLabelText<HTMLInputElement>('Name, town or postcode').value).toBe('');
    expect(screen.getByLabelText<HTMLSelectElement>('Region').value).toBe('');
  });

  it('tells an empty directory from an empty search', async () => {
    renderDirectory(fakeServer({ 'clinics.list': () => ({ data: [] }) }), { canManage: true });
    expect(await screen.findByText('There are no clinics in the directory yet')).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Clear the filters' })).toBeNull();
  });

  it('says when the directory cannot be read, and tries again', async () => {
    let isDown = true;
    const server = fakeServer({
      'clinics.list': () => (isDown ? { error: { code: 'INTERNAL_SERVER_ERROR', httpStatus: 500, message: 'Something went wrong (ref 4f2a)' } } : { data: [pennine] }),
    });
    renderDirectory(server);
    expect(await screen.findByText('Something went wrong (ref 4f2a)', {}, { timeout: 5000 })).toBeTruthy();
    isDown = false;
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('link', { name: 'Pennine Lodge' })).toBeTruthy();
  });
});
