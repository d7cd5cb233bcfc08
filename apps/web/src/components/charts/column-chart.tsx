import { useId } from 'react';
import { ChartTable } from './chart-table';
import { niceTicks } from '@harbour/shared/nice-ticks';
import './charts.css';

/** A column with no figure (a month not yet reported, say) is drawn as "no data", never as a zero. */
export type Column =
  | {
      label: string;
      value: number;
      /** The figure above the column: short ("£3.1k", "92%"). */
      text: string;
      /** The figure in full for the table, when the short one leaves something out ("£3,100.00", "92% (12 of 13)"). */
      detail?: string;
    }
  | { label: string; value: null; text?: string; detail?: string };

export interface ColumnChartProps {
  title: string;
  /** In order along the x axis, oldest first. */
  columns: Column[];
  headings: [label: string, value: string];
  /** For the y axis labels; whole numbers by default. */
  formatTick?: (value: number) => string;
  /** A reference line, such as a service level to meet. */
  target?: { value: number; label: string };
  /** Fixes the top of the scale, as 100 for percentages; otherwise it is the next round step above the data. */
  max?: number;
}

// The drawing's own units: the SVG scales to its container's width, keeping these proportions.
const WIDTH = 640;
const HEIGHT = 260;
const LEFT = 48;
const RIGHT = 8;
const TARGET_LABEL_SPACE = 84;
const TOP = 28;
const BOTTOM = 28;
const BASELINE = HEIGHT - BOTTOM;
const PLOT_HEIGHT = BASELINE - TOP;
const GRIDLINE_STEPS = 4;
// About as many labels as fit under the columns without running into each other: twelve
// months fit ("Dec 25"), a fortnight of days ("16/11") takes every other one.
const MAX_X_LABELS = 12;

/** Two decimal places of a 640-unit drawing is finer than any screen, and keeps the markup legible. */
const tidy = (coordinate: number) => Math.round(coordinate * 100) / 100;

const NO_DATA_MARK = '–';
const wholeNumber = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

type Known = Extract<Column, { value: number }>;
const hasValue = (column: Column): column is Known => column.value !== null;

/**
 * Columns for a series over time, drawn as SVG with each figure above its column. A screen
 * reader hears one summary of the whole chart; the figures themselves are in the table.
 */
export function ColumnChart({ title, columns, headings, formatTick, target, max }: ColumnChartProps) {
  const captionId = `${useId()}-caption`;
  const known = columns.filter(hasValue);
  // Whole-number labels need whole-number steps, or two gridlines could both read "1".
  const whole = formatTick === undefined || known.every((column) => Number.isInteger(column.value));
  const format = formatTick ?? ((value: number) => wholeNumber.format(value));

  const isFixed = max !== undefined && max > 0;
  const dataTop = Math.max(0, ...known.map((column) => column.value), target?.value ?? 0);
  const ticks = isFixed ? niceTicks(max, GRIDLINE_STEPS, { whole }).filter((tick) => tick <= max) : niceTicks(dataTop, GRIDLINE_STEPS, { whole });
  const top = isFixed ? max : (ticks.at(-1) ?? 1);
  // Anything above a fixed top stops at the top rather than running out of the drawing.
  const yOf = (value: number) => tidy(BASELINE - (Math.min(Math.max(value, 0), top) / top) * PLOT_HEIGHT);

  // A target's label sits past the end of its line, clear of every column.
  const right = target ? TARGET_LABEL_SPACE : RIGHT;
  const slot = (WIDTH - LEFT - right) / Math.max(1, columns.length);
  const columnWidth = tidy(slot * 0.6);
  const labelEvery = Math.ceil(columns.length / MAX_X_LABELS);

  return (
    <div className="column-chart">
      <figure className="column-chart__figure" aria-labelledby={captionId}>
        <figcaption id={captionId} className="visually-hidden">
          {title}, as a column chart
        </figcaption>
        <svg className="column-chart__svg" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" role="img" aria-label={summarise(title, columns, target)}>
          {ticks.map((tick) => (
            <g key={tick}>
              <line className={tick === 0 ? 'column-chart__axis' : 'column-chart__grid'} x1={LEFT} x2={WIDTH - right} y1={yOf(tick)} y2={yOf(tick)} />
              <text className="column-chart__tick" x={LEFT - 8} y={yOf(tick)} dy="0.35em" textAnchor="end">
                {format(tick)}
              </text>
            </g>
          ))}
          {columns.map((column, index) => {
            const middle = tidy(LEFT + slot * (index + 0.5));
            const columnTop = column.value === null ? BASELINE : yOf(column.value);
            return (
              <g key={`${index}-${column.label}`}>
                {column.value !== null && column.value > 0 && (
                  <rect className="column-chart__column" x={tidy(middle - columnWidth / 2)} y={columnTop} width={columnWidth} height={tidy(BASELINE - columnTop)} />
                )}
                <text className={column.value === null ? 'column-chart__value column-chart__value--none' : 'column-chart__value'} x={middle} y={columnTop - 6} textAnchor="middle">
                  {column.value === null ? NO_DATA_MARK : column.text}
                </text>
                {index % labelEvery === 0 && (
                  <text className="column-chart__label" x={middle} y={BASELINE + 18} textAnchor="middle">
                    {column.label}
                  </text>
                )}
              </g>
            );
          })}
          {target && (
            <g>
              <line className="column-chart__target" x1={LEFT} x2={WIDTH - right} y1={yOf(target.value)} y2={yOf(target.value)} strokeDasharray="6 4" />
              <text className="column-chart__target-label" x={WIDTH - right + 6} y={yOf(target.value)} dy="0.35em" textAnchor="start">
                {target.label}
              </text>
            </g>
          )}
        </svg>
      </figure>
      <ChartTable
        title={title}
        headings={headings}
        rows={columns.map((column) => ({ label: column.label, text: column.value === null ? 'No data' : (column.detail ?? column.text) }))}
      />
    </div>
  );
}

/** What the chart shows at a glance, in words: its span, its extremes, its gaps and its target. */
function summarise(title: string, columns: Column[], target?: { label: string }): string {
  const first = columns[0];
  const last = columns.at(-1);
  const sentences = [first && last && first !== last ? `${title}, ${first.label} to ${last.label}` : first ? `${title}, ${first.label}` : title];

  const known = columns.filter(hasValue);
  // Ties go to the earliest column, so the summary names the first time a figure was reached.
  const highest = known.reduce<Known | undefined>((high, column) => (high === undefined || column.value > high.value ? column : high), undefined);
  const lowest = known.reduce<Known | undefined>((low, column) => (low === undefined || column.value < low.value ? column : low), undefined);
  if (!highest || !lowest) sentences.push('No data');
  else if (known.length === 1) sentences.push(`${highest.text} (${highest.label})`);
  else if (highest.value === lowest.value) sentences.push(`${highest.text} throughout`);
  else sentences.push(`Highest ${highest.text} (${highest.label}), lowest ${lowest.text} (${lowest.label})`);

  const gaps = columns.filter((column) => column.value === null);
  if (known.length > 0 && gaps.length > 0) sentences.push(`No data for ${gaps.map((column) => column.label).join(', ')}`);
  if (target) sentences.push(target.label);
  return `${sentences.join('. ')}.`;
}
