import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../../test/axe';
import { BarChart } from './bar-chart';

const steps = [
  { label: 'Opened', value: 40, text: '40' },
  { label: 'Assessed', value: 10, text: '10 (25%)' },
  { label: 'Admitted', value: 0, text: '0 (0%)' },
];

function renderFunnel() {
  return render(<BarChart title="From enquiry to admission" bars={steps} max={40} headings={['Step', 'Cases']} />);
}

describe('BarChart', () => {
  it('reads as a list of labelled figures, with bars in proportion to the largest', () => {
    renderFunnel();
    const chart = screen.getByRole('figure', { name: 'From enquiry to admission, as a bar chart' });
    expect(within(chart).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['Opened: 40', 'Assessed: 10 (25%)', 'Admitted: 0 (0%)']);
    const bars = [...chart.querySelectorAll<HTMLElement>('.bar-chart__bar')];
    expect(bars.map((bar) => bar.style.width)).toEqual(['100%', '25%', '0%']);
  });

  it('shows the same figures as a table on request, and is clean for axe either way', async () => {
    const { container } = renderFunnel();
    await expectNoAxeViolations(container);
    await userEvent.click(screen.getByRole('button', { name: 'Show as a table: From enquiry to admission' }));
    const table = screen.getByRole('table', { name: 'From enquiry to admission' });
    expect(within(table).getAllByRole('row').map((row) => [...row.children].map((cell) => cell.textContent))).toEqual([
      ['Step', 'Cases'],
      ['Opened', '40'],
      ['Assessed', '10 (25%)'],
      ['Admitted', '0 (0%)'],
    ]);
    await expectNoAxeViolations(container);
  });
});
