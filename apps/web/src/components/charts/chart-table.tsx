import { useId, useState } from 'react';
import { Button } from '../ui/button';
import './charts.css';

export interface ChartTableRow {
  label: string;
  /** The figure as the chart shows it, so the table and the chart never disagree. */
  text: string;
}

/**
 * The same figures as a chart, one press away as a real table: easier to read than a shape for
 * many people, and the only form that some screen reader and magnifier users can use well.
 */
export function ChartTable({ title, headings, rows }: { title: string; headings: [label: string, value: string]; rows: ChartTableRow[] }) {
  const tableId = `${useId()}-table`;
  const [isShown, setIsShown] = useState(false);
  return (
    <>
      <Button variant="link" className="chart-table__toggle" aria-expanded={isShown} aria-controls={tableId} onClick={() => setIsShown((shown) => !shown)}>
        {isShown ? 'Hide the table' : 'Show as a table'}
        <span className="visually-hidden">: {title}</span>
      </Button>
      <div id={tableId} hidden={!isShown} className="table-wrap chart-table">
        {isShown && (
          <table className="table">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{headings[0]}</th>
                <th scope="col">{headings[1]}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, index) => (
                <tr key={`${index}-${row.label}`}>
                  <th scope="row">{row.label}</th>
                  <td className="chart-table__figure">{row.text}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </>
  );
}
