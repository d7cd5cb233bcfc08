import { caseStages, stageLabels, type CaseStage } from '@harbour/shared/cases';
import { CLOSED_SHOWN_FOR_DAYS, STALE_AFTER_DAYS } from '@harbour/shared/pipeline';
import { toUkDate } from '@harbour/shared/uk-date';
import { Link } from 'react-router';
import { BarChart } from '../../components/charts/bar-chart';
import type { RouterOutputs } from '../../lib/trpc';
import type { MetricsPeriod } from './metrics-period';

export type Metrics = RouterOutputs['pipeline']['metrics'];

const whole = new Intl.NumberFormat('en-GB');
const oneDecimal = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

const counted = (count: number, one: string, many: string) => `${whole.format(count)} ${count === 1 ? one : many}`;
const percent = (value: number) => `${oneDecimal.format(value)}%`;
const periodText = (period: MetricsPeriod) => `${toUkDate(period.from)} to ${toUkDate(period.to)}`;

const openStages = caseStages.filter((stage): stage is Exclude<CaseStage, 'closed'> => stage !== 'closed');

/** The four figures, each in its own section under its own heading. */
export function MetricsFigures({ metrics, period }: { metrics: Metrics; period: MetricsPeriod }) {
  return (
    <>
      <StagesNow perStage={metrics.perStage} />
      <Conversion conversion={metrics.conversion} period={period} />
      <MedianDays rows={metrics.medianDays} period={period} />
      <StaleByAdviser rows={metrics.staleByAdviser} />
    </>
  );
}

function StagesNow({ perStage }: { perStage: Metrics['perStage'] }) {
  const open = openStages.reduce((sum, stage) => sum + perStage[stage], 0);
  const bars = caseStages.map((stage) => ({
    label: stage === 'closed' ? `Closed (last ${CLOSED_SHOWN_FOR_DAYS} days)` : stageLabels[stage],
    value: perStage[stage],
    text: whole.format(perStage[stage]),
  }));
  return (
    <section className="metrics-section" aria-labelledby="metrics-stages">
      <h2 id="metrics-stages">Cases in each stage now</h2>
      <p className="metrics-section__lead">
        Today, whatever the period: {counted(open, 'case', 'cases')} open, and {whole.format(perStage.closed)} closed in the last {CLOSED_SHOWN_FOR_DAYS} days.
      </p>
      {open + perStage.closed === 0 ? (
        <p className="metrics-empty">There are no open cases, and none closed in the last {CLOSED_SHOWN_FOR_DAYS} days.</p>
      ) : (
        <BarChart title="Cases in each stage now" bars={bars} max={Math.max(...bars.map((bar) => bar.value))} headings={['Stage', 'Cases']} />
      )}
    </section>
  );
}

function Conversion({ conversion, period }: { conversion: Metrics['conversion']; period: MetricsPeriod }) {
  const { opened, assessed, admitted, assessedPercent, admittedPercent } = conversion;
  return (
    <section className="metrics-section" aria-labelledby="metrics-conversion">
      <h2 id="metrics-conversion">From enquiry to admission</h2>
      <p className="metrics-section__lead">Cases opened from {periodText(period)}, and how far they have gone since.</p>
      {opened === 0 || assessedPercent === null || admittedPercent === null ? (
        <p className="metrics-empty">No cases were opened in this period.</p>
      ) : (
        <>
          <p className="metrics-conversion__summary">
            Of {counted(opened, 'case', 'cases')} opened, {whole.format(assessed)} reached assessment ({percent(assessedPercent)}) and{' '}
            {whole.format(admitted)} {admitted === 1 ? 'was' : 'were'} admitted ({percent(admittedPercent)}).
          </p>
          <BarChart
            title="From enquiry to admission"
            bars={[
              { label: 'Opened', value: opened, text: whole.format(opened) },
              { label: 'Reached assessment', value: assessed, text: `${whole.format(assessed)} (${percent(assessedPercent)})` },
              { label: 'Admitted', value: admitted, text: `${whole.format(admitted)} (${percent(admittedPercent)})` },
            ]}
            max={opened}
            headings={['Step', 'Cases']}
          />
        </>
      )}
    </section>
  );
}

function MedianDays({ rows, period }: { rows: Metrics['medianDays']; period: MetricsPeriod }) {
  const byStage = new Map(rows.map((row) => [row.stage, row]));
  return (
    <section className="metrics-section" aria-labelledby="metrics-median">
      <h2 id="metrics-median">Median days in each stage</h2>
      <p className="metrics-section__lead">How long cases spent in a stage before moving on, for moves made from {periodText(period)}.</p>
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">Median days in each stage, for moves made from {periodText(period)}</caption>
          <thead>
            <tr>
              <th scope="col">Stage</th>
              <th scope="col">Median days</th>
              <th scope="col">Based on</th>
            </tr>
          </thead>
          <tbody>
            {openStages.map((stage) => {
              const row = byStage.get(stage);
              return (
                <tr key={stage}>
                  <th scope="row">{stageLabels[stage]}</th>
                  {row && row.moves > 0 ? (
                    <>
                      <td className="metrics-number">{`${oneDecimal.format(row.medianDays)} ${row.medianDays === 1 ? 'day' : 'days'}`}</td>
                      <td className="metrics-number">{counted(row.moves, 'move', 'moves')}</td>
                    </>
                  ) : (
                    <td colSpan={2} className="muted">
                      Not enough moves yet
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

const staleRule = openStages.map((stage) => `${stageLabels[stage]} ${counted(STALE_AFTER_DAYS[stage], 'day', 'days')}`).join(', ');

function StaleByAdviser({ rows }: { rows: Metrics['staleByAdviser'] }) {
  return (
    <section className="metrics-section metrics-section--wide" aria-labelledby="metrics-stale">
      <h2 id="metrics-stale">Stale cases by adviser</h2>
      <p className="metrics-section__lead">
        Open cases now. A case is stale when it has been in its stage too long ({staleRule}) or its next action is more than a day overdue. Each
        adviser opens the board showing their cases.
      </p>
      {rows.length === 0 ? (
        <p className="metrics-empty">There are no open cases.</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Stale cases by adviser, most stale first</caption>
            <thead>
              <tr>
                <th scope="col">Adviser</th>
                <th scope="col">Open cases</th>
                <th scope="col">Stale</th>
                <th scope="col">Share stale</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.adviserId ?? 'unassigned'}>
                  <th scope="row">
                    <Link to={{ pathname: '/pipeline', search: `?adviser=${encodeURIComponent(row.adviserId ?? 'unassigned')}` }}>
                      {row.adviserId === null ? 'Unassigned' : (row.adviserName ?? 'Unknown adviser')}
                    </Link>
                  </th>
                  <td className="metrics-number">{whole.format(row.open)}</td>
                  <td className="metrics-number">{whole.format(row.stale)}</td>
                  <td className="metrics-number">{row.open === 0 ? '–' : percent(Math.round((row.stale / row.open) * 1000) / 10)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
