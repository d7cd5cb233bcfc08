import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { expectNoAxeViolations } from '../../test/axe';
import { callsTo, fakeServer } from '../../test/fake-server';
import { renderWithProviders } from '../../test/render-with-providers';
import type { Metrics } from './metrics-figures';
import { MetricsPage } from './metrics-page';
import { quickPeriods } from '../../lib/quick-periods';

const amira = '6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f';
const tom = '0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d';

const figures: Metrics = {
  perStage: { enquiry: 1234, assessment: 30, placement: 12, aftercare: 8, closed: 5 },
  conversion: { opened: 42, assessed: 30, admitted: 12, assessedPercent: 71.4, admittedPercent: 28.6 },
  medianDays: [
    { stage: 'enquiry', medianDays: 1.5, moves: 1203 },
    { stage: 'assessment', medianDays: 1, moves: 1 },
  ],
  staleByAdviser: [
    { adviserId: amira, adviserName: 'Amira Shah', open: 20, stale: 7 },
    { adviserId: null, adviserName: null, open: 9, stale: 3 },
    { adviserId: tom, adviserName: 'Tom Reid', open: 4, stale: 0 },
  ],
};

const nothing: Metrics = {
  perStage: { enquiry: 0, assessment: 0, placement: 0, aftercare: 0, closed: 0 },
  conversion: { opened: 0, assessed: 0, admitted: 0, assessedPercent: null, admittedPercent: null },
  medianDays: [],
  staleByAdviser: [],
};

type Reply = ReturnType<Parameters<typeof fakeServer>[0][string]>;

function renderMetrics({ at = '/pipeline/metrics', reply = () => ({ data: figures }) }: { at?: string; reply?: (input: unknown) => Reply } = {}) {
  const server = fakeServer({ 'pipeline.metrics': reply });
  return { server, ...renderWithProviders(server, <MetricsPage />, { path: '/pipeline/metrics', at }) };
}

/** What a screen reader hears after a field's label: its hint and its error. */
function descriptionOf(input: HTMLElement): string {
  const ids = input.getAttribute('aria-describedby')?.split(' ') ?? [];
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

const quickChoice = (name: string) => screen.getByRole('button', { name });
const figuresShown = () => screen.findByRole('heading', { level: 2, name: 'Cases in each stage now' });

beforeEach(() => {
  // Only the clock is faked: the default period and the quick choices count back from London's today.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-18T10:00:00Z'));
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the stage metrics period', () => {
  it('covers the last 30 London days when the address names no period', async () => {
    const { server } = renderMetrics();
    expect(screen.getByRole('status').textContent).toContain('Loading the figures…');
    await figuresShown();
    expect(callsTo(server, 'pipeline.metrics')).toEqual([{ from: '2026-10-20', to: '2026-11-18' }]);
    expect((screen.getByLabelText('From') as HTMLInputElement).value).toBe('20/10/2026');
    expect((screen.getByLabelText('To') as HTMLInputElement).value).toBe('18/11/2026');
    expect(quickChoice('Last 30 days').getAttribute('aria-pressed')).toBe('true');
    expect(quickChoice('Last 7 days').getAttribute('aria-pressed')).toBe('false');
    expect(screen.getByText('Showing 20/10/2026 to 18/11/2026.')).toBeTruthy();
  });

  it("takes today from London's clock, not the machine's", async () => {
    // 23:30 UTC on 30 June is half past midnight on 1 July in London.
    vi.setSystemTime(new Date('2026-06-30T23:30:00Z'));
    const { server } = renderMetrics();
    await figuresShown();
    expect(callsTo(server, 'pipeline.metrics')).toEqual([{ from: '2026-06-02', to: '2026-07-01' }]);
  });

  it('puts each quick choice in the address, the fields and what it asks the server for', async () => {
    const { server, router } = renderMetrics();
    await figuresShown();

    await userEvent.click(quickChoice('Last 7 days'));
    await waitFor(() => expect(router.state.location.search).toBe('?from=2026-11-12&to=2026-11-18'));
    expect((screen.getByLabelText('From') as HTMLInputElement).value).toBe('12/11/2026');
    expect(quickChoice('Last 7 days').getAttribute('aria-pressed')).toBe('true');
    expect(quickChoice('Last 30 days').getAttribute('aria-pressed')).toBe('false');

    await userEvent.click(quickChoice('This month'));
    await waitFor(() => expect(router.state.location.search).toBe('?from=2026-11-01&to=2026-11-18'));

    await userEvent.click(quickChoice('Last month'));
    await waitFor(() => expect(router.state.location.search).toBe('?from=2026-10-01&to=2026-10-31'));
    expect((screen.getByLabelText('From') as HTMLInputElement).value).toBe('01/10/2026');
    expect((screen.getByLabelText('To') as HTMLInputElement).value).toBe('31/10/2026');
    await waitFor(() =>
      expect(callsTo(server, 'pipeline.metrics')).toEqual([
        { from: '2026-10-20', to: '2026-11-18' },
        { from: '2026-11-12', to: '2026-11-18' },
        { from: '2026-11-01', to: '2026-11-18' },
        { from: '2026-10-01', to: '2026-10-31' },
      ]),
    );
  });

  it('counts months and years back correctly', () => {
    expect(quickPeriods('2027-01-10').map((choice) => [choice.label, choice.period])).toEqual([
      ['Last 7 days', { from: '2027-01-04', to: '2027-01-10' }],
      ['Last 30 days', { from: '2026-12-12', to: '2027-01-10' }],
      ['This month', { from: '2027-01-01', to: '2027-01-10' }],
      ['Last month', { from: '2026-12-01', to: '2026-12-31' }],
    ]);
    // A leap year's February, across the clocks going forward.
    expect(quickPeriods('2028-03-31').at(-1)?.period).toEqual({ from: '2028-02-01', to: '2028-02-29' });
  });

  it('reads a shared period from the address, and puts a typed one there', async () => {
    const { server, router } = renderMetrics({ at: '/pipeline/metrics?from=2026-11-01&to=2026-11-30' });
    await figuresShown();
    expect(callsTo(server, 'pipeline.metrics')).toEqual([{ from: '2026-11-01', to: '2026-11-30' }]);
    expect((screen.getByLabelText('From') as HTMLInputElement).value).toBe('01/11/2026');
    expect((screen.getByLabelText('To') as HTMLInputElement).value).toBe('30/11/2026');
    expect(screen.queryAllByRole('button', { pressed: true })).toEqual([]);

    await userEvent.clear(screen.getByLabelText('From'));
    await userEvent.type(screen.getByLabelText('From'), '1/9/2026');
    await userEvent.clear(screen.getByLabelText('To'));
    await userEvent.type(screen.getByLabelText('To'), '30/09/2026{Enter}');
    await waitFor(() => expect(router.state.location.search).toBe('?from=2026-09-01&to=2026-09-30'));
    await waitFor(() => expect(callsTo(server, 'pipeline.metrics').at(-1)).toEqual({ from: '2026-09-01', to: '2026-09-30' }));
    expect((screen.getByLabelText('From') as HTMLInputElement).value).toBe('01/09/2026');

    // Back to the period the link was for.
    await router.navigate(-1);
    await waitFor(() => expect((screen.getByLabelText('From') as HTMLInputElement).value).toBe('01/11/2026'));
  });

  it('checks a typed period as the server would, at the field, before asking', async () => {
    const { server } = renderMetrics();
    await figuresShown();

    await userEvent.clear(screen.getByLabelText('From'));
    await userEvent.type(screen.getByLabelText('From'), '31/02/2026');
    await userEvent.click(screen.getByRole('button', { name: 'Show figures' }));
    expect(descriptionOf(screen.getByLabelText('From'))).toContain('Enter the first day as day/month/year, like 01/11/2026');
    expect(document.activeElement).toBe(screen.getByLabelText('From'));

    await userEvent.clear(screen.getByLabelText('From'));
    await userEvent.type(screen.getByLabelText('From'), '01/12/2026');
    await userEvent.click(screen.getByRole('button', { name: 'Show figures' }));
    expect(descriptionOf(screen.getByLabelText('To'))).toContain('The last day must not be before the first day');
    expect(callsTo(server, 'pipeline.metrics')).toHaveLength(1);
  });

  it("shows the server's refusal of a shared period at the field it names", async () => {
    const refusal = { error: { code: 'BAD_REQUEST', httpStatus: 400, message: 'Choose a period of at most a year', fieldErrors: { to: 'Choose a period of at most a year' } } };
    const { container } = renderMetrics({ at: '/pipeline/metrics?from=2025-01-01&to=2026-11-30', reply: () => refusal });
    expect(await screen.findByText('Correct the period above to see the figures.')).toBeTruthy();
    const to = screen.getByLabelText('To');
    expect(descriptionOf(to)).toContain('Error: Choose a period of at most a year');
    expect(to.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(screen.getByLabelText('From'))).not.toContain('Error');
    // Trying again would be refused again: the period is what needs changing.
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
    await expectNoAxeViolations(container);

    // Once changed, the refusal no longer describes what the field holds.
    await userEvent.type(to, '5');
    expect(descriptionOf(to)).not.toContain('Error');
  });
});

describe('the stage metrics figures', () => {
  it('shows the cases in each stage as bars with their numbers, and as a table on request', async () => {
    renderMetrics();
    await figuresShown();
    expect(screen.getByText('Today, whatever the period: 1,284 cases open, and 5 closed in the last 30 days.')).toBeTruthy();
    const chart = screen.getByRole('figure', { name: 'Cases in each stage now, as a bar chart' });
    expect(within(chart).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Enquiry: 1,234',
      'Assessment: 30',
      'Placement: 12',
      'Aftercare: 8',
      'Closed (last 30 days): 5',
    ]);
    // The longest bar is the largest stage; the others are in proportion.
    const bars = chart.querySelectorAll<HTMLElement>('.bar-chart__bar');
    expect(bars[0]!.style.width).toBe('100%');
    expect(bars[3]!.style.width).toBe(`${(8 / 1234) * 100}%`);

    const toggle = screen.getByRole('button', { name: 'Show as a table: Cases in each stage now' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await userEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const table = screen.getByRole('table', { name: 'Cases in each stage now' });
    expect(within(table).getAllByRole('row').map((row) => [...row.children].map((cell) => cell.textContent))).toEqual([
      ['Stage', 'Cases'],
      ['Enquiry', '1,234'],
      ['Assessment', '30'],
      ['Placement', '12'],
      ['Aftercare', '8'],
      ['Closed (last 30 days)', '5'],
    ]);
    await userEvent.click(screen.getByRole('button', { name: 'Hide the table: Cases in each stage now' }));
    expect(screen.queryByRole('table', { name: 'Cases in each stage now' })).toBeNull();
  });

  it('says how far the cases opened in the period went, in words and as a funnel', async () => {
    renderMetrics({ at: '/pipeline/metrics?from=2026-11-01&to=2026-11-30' });
    await figuresShown();
    expect(screen.getByText('Cases opened from 01/11/2026 to 30/11/2026, and how far they have gone since.')).toBeTruthy();
    expect(screen.getByText('Of 42 cases opened, 30 reached assessment (71.4%) and 12 were admitted (28.6%).')).toBeTruthy();
    const funnel = screen.getByRole('figure', { name: 'From enquiry to admission, as a bar chart' });
    expect(within(funnel).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Opened: 42',
      'Reached assessment: 30 (71.4%)',
      'Admitted: 12 (28.6%)',
    ]);
  });

  it('gives the median days in each stage with the moves behind it', async () => {
    renderMetrics();
    await figuresShown();
    const table = screen.getByRole('table', { name: /^Median days in each stage/ });
    expect(within(table).getAllByRole('row').map((row) => [...row.children].map((cell) => cell.textContent))).toEqual([
      ['Stage', 'Median days', 'Based on'],
      ['Enquiry', '1.5 days', '1,203 moves'],
      ['Assessment', '1 day', '1 move'],
      ['Placement', 'Not enough moves yet'],
      ['Aftercare', 'Not enough moves yet'],
    ]);
  });

  it('lists stale cases by adviser, most stale first, each opening the board filtered to them', async () => {
    renderMetrics();
    await figuresShown();
    expect(screen.getByText(/Enquiry 2 days, Assessment 7 days, Placement 90 days, Aftercare 400 days/)).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Stale cases by adviser, most stale first' });
    expect(within(table).getAllByRole('row').map((row) => [...row.children].map((cell) => cell.textContent))).toEqual([
      ['Adviser', 'Open cases', 'Stale', 'Share stale'],
      ['Amira Shah', '20', '7', '35%'],
      ['Unassigned', '9', '3', '33.3%'],
      ['Tom Reid', '4', '0', '0%'],
    ]);
    expect(within(table).getByRole('link', { name: 'Amira Shah' }).getAttribute('href')).toBe(`/pipeline?adviser=${amira}`);
    expect(within(table).getByRole('link', { name: 'Unassigned' }).getAttribute('href')).toBe('/pipeline?adviser=unassigned');
    expect(screen.getByRole('link', { name: 'Back to the board' }).getAttribute('href')).toBe('/pipeline');
  });

  it('says so plainly when there is nothing to count', async () => {
    renderMetrics({ reply: () => ({ data: nothing }) });
    await figuresShown();
    expect(screen.getByText('No cases were opened in this period.')).toBeTruthy();
    expect(screen.getByText('There are no open cases, and none closed in the last 30 days.')).toBeTruthy();
    expect(screen.getByText('There are no open cases.')).toBeTruthy();
    expect(screen.getAllByText('Not enough moves yet')).toHaveLength(4);
    expect(screen.queryByRole('figure')).toBeNull();
  });

  it('says what went wrong and offers to try again', async () => {
    let isDown = true;
    // An answer that is not retried, so the page shows it at once.
    const refusal = { error: { code: 'FORBIDDEN', httpStatus: 403, message: 'Only team leads and managers can see the stage metrics' } };
    renderMetrics({ reply: () => (isDown ? refusal : { data: figures }) });
    expect((await screen.findByRole('alert')).textContent).toContain('Only team leads and managers can see the stage metrics');
    isDown = false;
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await figuresShown()).toBeTruthy();
  });

  it('has headings in order and no accessibility problems axe can find', async () => {
    const { container } = renderMetrics();
    await figuresShown();
    expect(screen.getAllByRole('heading').map((heading) => `${heading.tagName} ${heading.textContent}`)).toEqual([
      'H1 Stage metrics',
      'H2 Cases in each stage now',
      'H2 From enquiry to admission',
      'H2 Median days in each stage',
      'H2 Stale cases by adviser',
    ]);
    for (const toggle of screen.getAllByRole('button', { name: /^Show as a table/ })) await userEvent.click(toggle);
    await expectNoAxeViolations(container);
  });
});
