import { useId, useState } from 'react';
import { Button } from '../../components/ui/button';

export interface Bar {
  label: string;
  value: number;
  /** The figure as read beside the bar and in the table: "12", "30 (71.4%)". */
  text: string;
}

/**
 * Bars drawn as boxes sized against `max`, each with its figure beside it as text, so the chart
 * reads as a list to a screen reader; the same figures are one press away as a table.
 */
export function BarChart({ title, bars, max, headings }: { title: string; bars: Bar[]; max: number; headings: [label: string, value: string] }) {
  const id = useId();
  const tableId = `${id}-table`;
  const [isTableShown, setIsTableShown] = useState(false);
  return (
    <div className="bar-chart">
      <figure className="bar-chart__figure" aria-labelledby={`${id}-caption`}>
        <figcaption id={`${id}-caption`} className="visually-hidden">{title}, as a bar chart</figcaption>
        <ul className="bar-chart__bars">
          {bars.map((bar) => (
            <li key={bar.label} className="bar-chart__row">
              <span className="bar-chart__label">
                {bar.label}
                <span className="visually-hidden">: </span>
              </span>
              <span className="bar-chart__track" aria-hidden="true">
                <span
                  className={bar.value > 0 ? 'bar-chart__bar bar-chart__bar--some' : 'bar-chart__bar'}
                  style={{ width: `${max > 0 ? Math.min(100, (bar.value / max) * 100) : 0}%` }}
                />
              </span>
              <span className="bar-chart__value">{bar.text}</span>
            </li>
          ))}
        </ul>
      </figure>
      <Button variant="link" className="bar-chart__toggle" aria-expanded={isTableShown} aria-controls={tableId} onClick={() => setIsTableShown((shown) => !shown)}>
        {isTableShown ? 'Hide the table' : 'Show as a table'}
        <span className="visually-hidden">: {title}</span>
      </Button>
      <div id={tableId} hidden={!isTableShown} className="table-wrap bar-chart__table">
        {isTableShown && (
          <table className="table">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{headings[0]}</th>
                <th scope="col">{headings[1]}</th>
              </tr>
            </thead>
            <tbody>
              {bars.map((bar) => (
                <tr key={bar.label}>
                  <th scope="row">{bar.label}</th>
                  <td className="metrics-number">{bar.text}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </div>
  );
}
