import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../../test/axe';
import { fakeServer } from '../../test/fake-server';
import { renderWithProviders } from '../../test/render-with-providers';
import { ServiceDashboardPage } from './service-dashboard-page';
import { ShiftDashboardPage } from './shift-dashboard-page';

const months = ['2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11'];

const service = {
  from: '2025-12-01',
  to: '2026-11-18',
  monthly: months.map((month, index) => ({ month, placements: index, feesPence: index * 150_000, medianDaysToAdmission: index === 0 ? null : 10 + index })),
  byClinic: [
    { label: 'Oak House', placements: 40, admissions: 38, completions: 20, feesPence: 5_320_000 },
    { label: 'Cedar Lodge', placements: 30, admissions: 28, completions: 15, feesPence: 4_200_000 },
  ],
  funnel: [
    { label: 'Enquiry', count: 200 },
    { label: 'Assessment', count: 150 },
    { label: 'Placement proposed', count: 80 },
    { label: 'Admitted', count: 66 },
    { label: 'Completed the programme', count: 35 },
  ],
  medianDaysToAdmission: 12.5,
};

const days = Array.from({ length: 14 }, (_, index) => `2026-11-${String(5 + index).padStart(2, '0')}`);
const shift = {
  callbackTimeliness: days.map((day, index) =>
    index === 0
      ? { day, inTime: 0, late: 0, urgentInTime: 0, urgentLate: 0, percentInTime: null }
      : { day, inTime: 9, late: index === 13 ? 3 : 1, urgentInTime: 2, urgentLate: index === 13 ? 1 : 0, percentInTime: index === 13 ? 75 : 90 },
  ),
  openPerStage: [
    { stage: 'enquiry', label: 'Enquiry', open: 14, stale: 5 },
    { stage: 'assessment', label: 'Assessment', open: 34, stale: 5 },
    { stage: 'placement', label: 'Placement', open: 5, stale: 1 },
    { stage: 'aftercare', label: 'Aftercare', open: 8, stale: 0 },
  ],
  staleCount: 11,
  staleCases: [
    { id: crypto.randomUUID(), reference: 'H-2026-00008', stage: 'placement', stageChangedAt: new Date('2026-08-21T10:00:00Z'), nextActionDueAt: null, riskLevel: 'medium', adviserName: 'Amira Shah' },
    { id: crypto.randomUUID(), reference: 'H-2026-00028', stage: 'enquiry', stageChangedAt: new Date('2026-11-14T10:00:00Z'), nextActionDueAt: null, riskLevel: null, adviserName: null },
  ],
  openWork: [
    { adviserId: null, adviserName: null, enquiry: 4, assessment: 4, placement: 0, aftercare: 1, stale: 4, overdueActions: 5, callbacksHeld: 0 },
    { adviserId: crypto.randomUUID(), adviserName: 'Amira Shah', enquiry: 8, assessment: 21, placement: 4, aftercare: 6, stale: 6, overdueActions: 6, callbacksHeld: 2 },
  ],
};

describe("the manager's service dashboard", () => {
  it('draws each chart with its figures one press away as a table', async () => {
    const user = userEvent.setup();
    const server = fakeServer({ 'reports.service': () => ({ data: service }) });
    const { container } = renderWithProviders(server, <ServiceDashboardPage />, { path: '/reports/service' });
    await screen.findByRole('heading', { level: 2, name: 'Admissions per month' });

    expect(screen.getByText('The twelve months from 01/12/2025 to 18/11/2026. Counts and money only: no one\'s details.')).toBeTruthy();
    expect(within(screen.getByText('Median days from first contact to admission').closest('div')!).getByText('12.5')).toBeTruthy();
    expect(screen.getByRole('img', { name: /^Fees per month, Dec 25 to Nov 26\. Highest £16\.5k \(Nov 26\), lowest £0 \(Dec 25\)\.$/ })).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Show as a table: Fees per month' }));
    const fees = screen.getByRole('table', { name: 'Fees per month' });
    expect(within(fees).getByRole('row', { name: 'Nov 26 £16,500.00' })).toBeTruthy();

    expect(screen.getByText('38 · £53,200.00')).toBeTruthy();
    expect(screen.getByText('35 (17.5%)')).toBeTruthy();
    await expectNoAxeViolations(container);
  });

  it('says when there is nothing to draw', async () => {
    const empty = { ...service, monthly: service.monthly.map((month) => ({ ...month, placements: 0, feesPence: 0, medianDaysToAdmission: null })), byClinic: [], funnel: service.funnel.map((step) => ({ ...step, count: 0 })), medianDaysToAdmission: null };
    const server = fakeServer({ 'reports.service': () => ({ data: empty }) });
    renderWithProviders(server, <ServiceDashboardPage />, { path: '/reports/service' });
    expect(await screen.findByText('No admissions in these twelve months.')).toBeTruthy();
    expect(screen.getByText('No cases were opened in these twelve months.')).toBeTruthy();
    expect(screen.getByText('No admissions')).toBeTruthy();
  });
});

describe("the team lead's shift dashboard", () => {
  it('shows callbacks made in time against the target, warns of urgent ones late, and lists the stale cases and who holds what', async () => {
    const user = userEvent.setup();
    const server = fakeServer({ 'reports.shift': () => ({ data: shift }) });
    const { container } = renderWithProviders(server, <ShiftDashboardPage />, { path: '/reports/shift' });
    await screen.findByRole('heading', { level: 2, name: 'Callbacks made in time' });

    expect(screen.getByText('1 urgent callback was made late or not at all in these 14 days.')).toBeTruthy();
    expect(screen.getByRole('img', { name: /No data for 05\/11\. Target 95%\.$/ })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Show as a table: Callbacks made in time, by day' }));
    expect(screen.getByRole('row', { name: '18/11 75% (9 of 12; 1 urgent late)' })).toBeTruthy();
    expect(screen.getByRole('row', { name: '05/11 No data' })).toBeTruthy();

    expect(screen.getByText('34 (5 stale)')).toBeTruthy();
    const stale = screen.getByRole('table', { name: 'Stale cases' });
    expect(within(stale).getByRole('link', { name: 'H-2026-00008' }).getAttribute('href')).toBe('/cases/H-2026-00008');
    expect(within(stale).getByRole('row', { name: /H-2026-00028 Enquiry 14\/11\/2026 Unassigned/ })).toBeTruthy();
    expect(screen.getByText(/^Showing 2 of 11./)).toBeTruthy();

    const work = screen.getByRole('table', { name: "Each adviser's open work" });
    expect(within(work).getByRole('row', { name: 'Amira Shah 8 21 4 6 39 6 6 2' })).toBeTruthy();
    await expectNoAxeViolations(container);
  });
});
