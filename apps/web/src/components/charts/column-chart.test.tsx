import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../../test/axe';
import { ColumnChart, type Column } from './column-chart';

const months = ['Dec 25', 'Jan 26', 'Feb 26', 'Mar 26', 'Apr 26', 'May 26', 'Jun 26', 'Jul 26', 'Aug 26', 'Sep 26', 'Oct 26', 'Nov 26'];
const admitted = [3, 1, 4, 9, 2, 6, 5, 3, 5, 8, 9, 7];
const admissions: Column[] = months.map((label, index) => ({ label, value: admitted[index]!, text: String(admitted[index]) }));

/** Callbacks within the target time, with two months before the service began counting them. */
const callbacks: Column[] = [
  { label: 'Sep 26', value: null },
  { label: 'Oct 26', value: null },
  { label: 'Nov 26', value: 50, text: '50%' },
  { label: 'Dec 26', value: 0, text: '0%' },
  { label: 'Jan 27', value: 97.5, text: '97.5%' },
];

const chartImage = () => screen.getByRole('img');
const drawn = (className: string) => [...chartImage().querySelectorAll(`.${className}`)].map((element) => element.textContent);
const columnTops = () => [...chartImage().querySelectorAll('rect')].map((rect) => Number(rect.getAttribute('y')));
const columnHeights = () => [...chartImage().querySelectorAll('rect')].map((rect) => Number(rect.getAttribute('height')));
/** Where the gridline labelled `tick` crosses the chart. */
const gridlineAt = (tick: string) =>
  Number([...chartImage().querySelectorAll('.column-chart__tick')].find((text) => text.textContent === tick)!.getAttribute('y'));
const tableRows = (name: string) =>
  within(screen.getByRole('table', { name })).getAllByRole('row').map((row) => [...row.children].map((cell) => cell.textContent));

function renderAdmissions(columns = admissions) {
  return render(<ColumnChart title="Admissions per month" columns={columns} headings={['Month', 'Admissions']} />);
}

function renderCallbacks() {
  return render(
    <ColumnChart
      title="Callbacks within a day"
      columns={callbacks}
      headings={['Month', 'Within a day']}
      formatTick={(value) => `${value}%`}
      target={{ value: 95, label: 'Target 95%' }}
      max={100}
    />,
  );
}

describe('ColumnChart', () => {
  it('draws each figure above its column and each month under it, on a scale from zero in round steps', () => {
    renderAdmissions();
    expect(screen.getByRole('figure', { name: 'Admissions per month, as a column chart' })).toBeTruthy();
    expect(drawn('column-chart__value')).toEqual(admitted.map(String));
    expect(drawn('column-chart__label')).toEqual(months);
    expect(drawn('column-chart__tick')).toEqual(['0', '5', '10']);
    // The columns stand on the zero line in proportion: 9 is nine times as tall as 1.
    const heights = columnHeights();
    expect(heights[3]).toBeCloseTo(heights[1]! * 9);
    expect(columnTops()[3]! + heights[3]!).toBe(gridlineAt('0'));
    // Each figure sits just above its own column.
    const figures = [...chartImage().querySelectorAll('.column-chart__value')].map((text) => Number(text.getAttribute('y')));
    figures.forEach((y, index) => expect(y).toBeLessThan(columnTops()[index]!));
  });

  it('gives tick labels as whole numbers in UK style unless told otherwise', () => {
    renderAdmissions([
      { label: 'Oct 26', value: 1234, text: '1,234' },
      { label: 'Nov 26', value: 640, text: '640' },
    ]);
    expect(drawn('column-chart__tick')).toEqual(['0', '500', '1,000', '1,500']);
  });

  it('sums the chart up for a screen reader: what it is, over when, and its highest and lowest', () => {
    renderAdmissions();
    expect(chartImage().getAttribute('aria-label')).toBe('Admissions per month, Dec 25 to Nov 26. Highest 9 (Mar 26), lowest 1 (Jan 26).');
  });

  it('shows the same figures as a table on request, and hides it again', async () => {
    renderAdmissions();
    expect(screen.queryByRole('table')).toBeNull();
    const toggle = screen.getByRole('button', { name: 'Show as a table: Admissions per month' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await userEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(tableRows('Admissions per month')).toEqual([['Month', 'Admissions'], ...months.map((month, index) => [month, String(admitted[index])])]);
    expect(within(screen.getByRole('table')).getAllByRole('rowheader')).toHaveLength(12);

    await userEvent.click(screen.getByRole('button', { name: 'Hide the table: Admissions per month' }));
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('tells a month with no figures from a month of zero, in the chart, the summary and the table', async () => {
    renderCallbacks();
    expect(drawn('column-chart__value')).toEqual(['–', '–', '50%', '0%', '97.5%']);
    // Only the months with something to show have a column.
    expect(columnHeights()).toHaveLength(2);
    expect(chartImage().getAttribute('aria-label')).toBe(
      'Callbacks within a day, Sep 26 to Jan 27. Highest 97.5% (Jan 27), lowest 0% (Dec 26). No data for Sep 26, Oct 26. Target 95%.',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Show as a table: Callbacks within a day' }));
    expect(tableRows('Callbacks within a day')).toEqual([
      ['Month', 'Within a day'],
      ['Sep 26', 'No data'],
      ['Oct 26', 'No data'],
      ['Nov 26', '50%'],
      ['Dec 26', '0%'],
      ['Jan 27', '97.5%'],
    ]);
  });

  it('says so when there are no figures at all', () => {
    renderAdmissions([
      { label: 'Oct 26', value: null },
      { label: 'Nov 26', value: null },
    ]);
    expect(chartImage().getAttribute('aria-label')).toBe('Admissions per month, Oct 26 to Nov 26. No data.');
    expect(columnHeights()).toEqual([]);
  });

  it('draws the target as a labelled dashed line at its height on a scale fixed at 100%', () => {
    renderCallbacks();
    expect(drawn('column-chart__tick')).toEqual(['0%', '25%', '50%', '75%', '100%']);
    const target = chartImage().querySelector('.column-chart__target')!;
    expect(target.getAttribute('stroke-dasharray')).toBeTruthy();
    const zero = gridlineAt('0%');
    const hundred = gridlineAt('100%');
    expect(Number(target.getAttribute('y1'))).toBeCloseTo(zero - (zero - hundred) * 0.95);
    expect(within(chartImage()).getByText('Target 95%')).toBeTruthy();
    // 50% reaches the 50% gridline, whatever the largest figure.
    expect(columnTops()[0]).toBeCloseTo(gridlineAt('50%'));
  });

  it('raises the scale to show a target above every figure', () => {
    render(<ColumnChart title="Callbacks" columns={admissions.slice(0, 3)} headings={['Month', 'Callbacks']} target={{ value: 12, label: 'Target 12' }} />);
    expect(drawn('column-chart__tick')).toEqual(['0', '5', '10', '15']);
  });

  it('labels every other column once there are too many to label them all', () => {
    const days = Array.from({ length: 14 }, (_, index): Column => ({ label: `${index + 1} Nov`, value: index % 5, text: String(index % 5) }));
    const { unmount } = renderAdmissions(days);
    expect(drawn('column-chart__label')).toEqual(days.filter((_, index) => index % 2 === 0).map((day) => day.label));
    // Every figure is still drawn, and in the table.
    expect(drawn('column-chart__value')).toHaveLength(14);
    unmount();

    renderAdmissions(days.slice(0, 12));
    expect(drawn('column-chart__label')).toHaveLength(12);
  });

  it('has no accessibility problems axe can find, with the table shown', async () => {
    const { container } = renderCallbacks();
    await expectNoAxeViolations(container);
    await userEvent.click(screen.getByRole('button', { name: 'Show as a table: Callbacks within a day' }));
    await expectNoAxeViolations(container);
  });
});
