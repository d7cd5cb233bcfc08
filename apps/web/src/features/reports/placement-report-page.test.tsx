import type { PlacementReportRow } from '@harbour/shared/reports';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { expectNoAxeViolations } from '../../test/axe';
import { callsTo, fakeServer } from '../../test/fake-server';
import { renderWithProviders } from '../../test/render-with-providers';
import { PlacementReportPage } from './placement-report-page';

const oak = '5b0e0e3c-6f1d-4c4a-9a61-0c1f5a0d2b11';
const amira = '6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f';

const row = (overrides: Partial<PlacementReportRow>): PlacementReportRow => ({
  placementId: crypto.randomUUID(),
  caseId: crypto.randomUUID(),
  reference: 'H-2026-00011',
  initials: 'MC',
  proposedOn: '2026-10-15',
  admittedOn: '2026-10-18',
  dischargedOn: '2026-11-15',
  bookedDays: 28,
  actualDays: 28,
  clinicName: 'Oak House',
  region: 'north_west',
  programme: 'residential_rehab',
  fundingRoute: 'self_funded',
  weeklyPricePence: 350_000,
  feePence: 140_000,
  outcome: 'completed',
  adviserName: 'Amira Shah',
  primarySubstance: 'alcohol',
  severity: 'severe',
  isDualDiagnosis: false,
  aftercareStatus: 'well',
  ...overrides,
});

const october = {
  rows: [row({}), row({ reference: 'H-2026-00012', initials: 'JB', dischargedOn: null, actualDays: null, outcome: 'in_treatment', aftercareStatus: null, feePence: 150_000 })],
  totals: { placements: 2, admissions: 2, completions: 1, discharges: 1, feesPence: 290_000 },
  page: 1,
  pageCount: 1,
};

type Reply = ReturnType<Parameters<typeof fakeServer>[0][string]>;

function renderReport({ at = '/reports', canExport = true, reply = () => ({ data: october }) }: { at?: string; canExport?: boolean; reply?: (input: unknown) => Reply } = {}) {
  const server = fakeServer({
    'reports.placements': reply,
    'clinics.list': () => ({ data: [{ id: oak, name: 'Oak House' }] }),
    'users.listActive': () => ({ data: [{ id: amira, fullName: 'Amira Shah', role: 'adviser' }] }),
  });
  return { server, ...renderWithProviders(server, <PlacementReportPage canExport={canExport} />, { path: '/reports', at }) };
}

const reportShown = () => screen.findByRole('heading', { level: 2, name: /^Placements admitted from/ });

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-18T10:00:00Z'));
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the placement report page', () => {
  it('opens on last month by admission date, with the totals, the rows and the totals row', async () => {
    const { server } = renderReport();
    await reportShown();
    expect(callsTo(server, 'reports.placements')).toEqual([{ filters: expect.objectContaining({ periodBy: 'admission', from: '2026-10-01', to: '2026-10-31' }), page: 1 }]);
    expect((screen.getByLabelText('From') as HTMLInputElement).value).toBe('01/10/2026');
    expect(screen.getByRole('button', { name: 'Last month' }).getAttribute('aria-pressed')).toBe('true');

    const figures = screen.getByText('Total fees').closest('dl')!;
    expect(within(figures).getByText('£2,900.00')).toBeTruthy();
    expect(within(figures).getByText('100%')).toBeTruthy();

    const table = screen.getByRole('table', { name: /Placements admitted from 01\/10\/2026 to 31\/10\/2026/ });
    const [, first, second, totals] = within(table).getAllByRole('row');
    expect(within(first!).getAllByRole('cell').map((cell) => cell.textContent)).toEqual([
      'MC', '15/10/2026', '18/10/2026', '15/11/2026', '28', '28', 'Oak House', 'North West', 'Residential rehab', 'Self-funded',
      '£3,500.00', '£1,400.00', 'Completed the programme', 'Amira Shah', 'Alcohol', 'Severe', 'No', 'Last check-in: doing well',
    ]);
    expect(within(first!).getByRole('link', { name: 'H-2026-00011' }).getAttribute('href')).toBe('/cases/H-2026-00011');
    expect(within(second!).getByText('In treatment')).toBeTruthy();
    expect(within(totals!).getByText('2 placements')).toBeTruthy();
    expect(within(totals!).getByText('£2,900.00')).toBeTruthy();
  });

  it('downloads exactly what is on screen, for managers only', async () => {
    renderReport({ at: '/reports?periodBy=proposal&from=2026-10-01&to=2026-10-31&clinicId=' + oak });
    await screen.findByRole('heading', { level: 2, name: /^Placements proposed from 01\/10\/2026 to 31\/10\/2026 · Clinic: Oak House$/ });
    const query = `periodBy=proposal&from=2026-10-01&to=2026-10-31&clinicId=${oak}`;
    expect(screen.getByRole('link', { name: 'Download CSV' }).getAttribute('href')).toBe(`/api/reports/placements.csv?${query}`);
    expect(screen.getByRole('link', { name: 'Download Excel workbook' }).getAttribute('href')).toBe(`/api/reports/placements.xlsx?${query}`);
    expect(screen.getByRole('link', { name: 'Download PDF summary' }).getAttribute('href')).toBe(`/api/reports/placements.pdf?${query}`);
  });

  it('shows a team lead the report without the downloads', async () => {
    renderReport({ canExport: false });
    await reportShown();
    expect(screen.queryByRole('link', { name: /Download/ })).toBeNull();
  });

  it('applies the filters chosen, keeping them in the address', async () => {
    const user = userEvent.setup();
    const { server, router } = renderReport();
    await reportShown();
    await screen.findByRole('option', { name: 'Oak House' });
    await user.selectOptions(screen.getByLabelText('Clinic'), 'Oak House');
    await user.selectOptions(screen.getByLabelText('Outcome'), 'Completed the programme');
    await user.clear(screen.getByLabelText('From'));
    await user.type(screen.getByLabelText('From'), '15/10/2026');
    await user.click(screen.getByRole('button', { name: 'Show report' }));

    await vi.waitFor(() => expect(callsTo(server, 'reports.placements').at(-1)).toEqual({
      filters: expect.objectContaining({ from: '2026-10-15', to: '2026-10-31', clinicId: oak, outcome: 'completed' }),
      page: 1,
    }));
    expect(router.state.location.search).toBe(`?periodBy=admission&from=2026-10-15&to=2026-10-31&clinicId=${oak}&outcome=completed`);
  });

  it('names the field when a day is typed wrongly, and asks for nothing', async () => {
    const user = userEvent.setup();
    const { server } = renderReport();
    await reportShown();
    await user.clear(screen.getByLabelText('To'));
    await user.type(screen.getByLabelText('To'), '31/13/2026');
    await user.click(screen.getByRole('button', { name: 'Show report' }));
    expect(await screen.findByText('Enter the last day as day/month/year, like 01/11/2026')).toBeTruthy();
    expect(callsTo(server, 'reports.placements')).toHaveLength(1);
  });

  it('says so when nothing matches, and when the report cannot be loaded', async () => {
    renderReport({ reply: () => ({ data: { rows: [], totals: { placements: 0, admissions: 0, completions: 0, discharges: 0, feesPence: 0 }, page: 1, pageCount: 1 } }) });
    expect(await screen.findByText('No placements match this period and these filters.')).toBeTruthy();
    expect(screen.getByText('No discharges')).toBeTruthy();
  });

  it('shows an error it can retry when the server fails', async () => {
    renderReport({ reply: () => ({ error: { code: 'INTERNAL_SERVER_ERROR', httpStatus: 500, message: 'Something went wrong (ref abc). Please try again.' } }) });
    expect(await screen.findByText('Something went wrong (ref abc). Please try again.', {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  }, 15_000);

  it('is accessible', async () => {
    const { container } = renderReport();
    await reportShown();
    await expectNoAxeViolations(container);
  });
});
