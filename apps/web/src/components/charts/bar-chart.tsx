import { useId } from 'react';
import { ChartTable } from './chart-table';
import './charts.css';

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
  const captionId = `${useId()}-caption`;
  return (
    <div className="bar-chart">
      <figure className="bar-chart__figure" aria-labelledby={captionId}>
        <figcaption id={captionId} className="visually-hidden">
          {title}, as a bar chart
        </figcaption>
        <ul className="bar-chart__bars">
          {bars.map((bar) => (
            <li key={bar.label} className="bar-chart__row">
              <span className="bar-chart__label">
                {bar.label}
                <span className="visually-hidden">: </span>
              </span>
              <span className="bar-chart__track" aria-hidden="true">
                {/* React sets this width through the CSSOM, which a strict style-src allows. */}
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
      <ChartTable title={title} headings={headings} rows={bars} />
    </div>
  );
}
