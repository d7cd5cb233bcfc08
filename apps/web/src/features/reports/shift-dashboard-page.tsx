import { IN_TIME_TARGET_PERCENT, SLA_MINUTES } from '@harbour/shared/callback-rules';
import { stageLabels } from '@harbour/shared/cases';
import { formatDate, formatWhen } from '@harbour/shared/format';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link } from 'react-router';
import { BarChart } from '../../components/charts/bar-chart';
import { ColumnChart } from '../../components/charts/column-chart';
import { Alert } from '../../components/ui/alert';
import { ErrorState, LoadingState } from '../../components/ui/page-states';
import { messageOf, useTRPC, type RouterOutputs } from '../../lib/trpc';
import { DashboardSection } from './dashboard-section';
import { ReportsTabs } from './reports-tabs';
import './reports.css';

type ShiftFigures = RouterOutputs['reports']['shift'];

const whole = new Intl.NumberFormat('en-GB');
// The shift changes by the minute: read it again every minute while the page is open.
const REFRESH_MS = 60_000;

/** "28/11" from "2026-11-28": the year is plain on a fortnight's chart. */
const dayLabel = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}`;

/**
 * The team lead's view of the shift: whether callbacks are made in time, where the open cases
 * are, which have gone stale, and who holds what.
 */
export function ShiftDashboardPage() {
  const trpc = useTRPC();
  const figures = useQuery({ ...trpc.reports.shift.queryOptions(), refetchInterval: REFRESH_MS });

  useEffect(() => {
    document.title = 'Shift dashboard – Harbour';
  }, []);

  return (
    <>
      <div className="page-header">
        <div>
          <h1>Shift dashboard</h1>
          <p className="page-header__meta">Updated every minute{figures.dataUpdatedAt ? `; last at ${formatWhen(new Date(figures.dataUpdatedAt), new Date())}` : ''}.</p>
        </div>
      </div>
      <ReportsTabs />
      {figures.data ? (
        <>
          {figures.isError && <Alert tone="error">The dashboard could not be refreshed: {messageOf(figures.error)}</Alert>}
          <ShiftFigureSections figures={figures.data} />
        </>
      ) : figures.isError ? (
        <ErrorState message={messageOf(figures.error)} onRetry={() => void figures.refetch()} />
      ) : (
        <LoadingState label="Loading the dashboard…" />
      )}
    </>
  );
}

function ShiftFigureSections({ figures }: { figures: ShiftFigures }) {
  const urgentLate = figures.callbackTimeliness.reduce((sum, day) => sum + day.urgentLate, 0);
  const openTotal = figures.openPerStage.reduce((sum, stage) => sum + stage.open, 0);
  return (
    <div className="metrics">
      <DashboardSection
        id="shift-callbacks"
        title="Callbacks made in time"
        lead={`Each day's first calls made within ${SLA_MINUTES.urgent} minutes for urgent requests and ${SLA_MINUTES.standard} for the rest, over the last 14 days.`}
      >
        {urgentLate > 0 && (
          <p className="shift-warning">
            {urgentLate === 1 ? '1 urgent callback was' : `${whole.format(urgentLate)} urgent callbacks were`} made late or not at all in these 14 days.
          </p>
        )}
        <ColumnChart
          title="Callbacks made in time, by day"
          columns={figures.callbackTimeliness.map((day) =>
            day.percentInTime === null
              ? { label: dayLabel(day.day), value: null }
              : {
                  label: dayLabel(day.day),
                  value: day.percentInTime,
                  text: `${Math.round(day.percentInTime)}%`,
                  detail: `${day.percentInTime}% (${day.inTime} of ${day.inTime + day.late}${day.urgentLate > 0 ? `; ${day.urgentLate} urgent late` : ''})`,
                },
          )}
          headings={['Day', 'In time']}
          formatTick={(value) => `${value}%`}
          target={{ value: IN_TIME_TARGET_PERCENT, label: `Target ${IN_TIME_TARGET_PERCENT}%` }}
          max={100}
        />
      </DashboardSection>

      <DashboardSection id="shift-stages" title="Open cases per stage" lead={`${whole.format(openTotal)} open now, with how many of each are stale.`}>
        <BarChart
          title="Open cases per stage"
          bars={figures.openPerStage.map((stage) => ({ label: stage.label, value: stage.open, text: `${whole.format(stage.open)} (${whole.format(stage.stale)} stale)` }))}
          max={Math.max(1, ...figures.openPerStage.map((stage) => stage.open))}
          headings={['Stage', 'Open (stale)']}
        />
      </DashboardSection>

      <DashboardSection id="shift-stale" title="Stale cases" lead={`${whole.format(figures.staleCount)} open ${figures.staleCount === 1 ? 'case' : 'cases'} too long in their stage or a day past their next action; the longest waiting first.`}>
        {figures.staleCases.length === 0 ? (
          <p className="metrics-empty">No stale cases. Every open case is moving.</p>
        ) : (
          <StaleCases cases={figures.staleCases} total={figures.staleCount} />
        )}
      </DashboardSection>

      <DashboardSection id="shift-advisers" title="Each adviser's open work" lead="Open cases by stage, and the callbacks each holds now." isWide>
        <OpenWork rows={figures.openWork} />
      </DashboardSection>
    </div>
  );
}

function StaleCases({ cases, total }: { cases: ShiftFigures['staleCases']; total: number }) {
  return (
    <>
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">Stale cases</caption>
          <thead>
            <tr>
              <th scope="col">Case</th>
              <th scope="col">Stage</th>
              <th scope="col">In stage since</th>
              <th scope="col">Adviser</th>
            </tr>
          </thead>
          <tbody>
            {cases.map((row) => (
              <tr key={row.id}>
                <th scope="row">
                  <Link to={`/cases/${row.reference}`}>{row.reference}</Link>
                </th>
                <td>{stageLabels[row.stage]}</td>
                <td>{formatDate(new Date(row.stageChangedAt))}</td>
                <td>{row.adviserName ?? 'Unassigned'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {total > cases.length && (
        <p>
          Showing {cases.length} of {whole.format(total)}. <Link to="/pipeline">Open the pipeline</Link> to work through the rest.
        </p>
      )}
    </>
  );
}

function OpenWork({ rows }: { rows: ShiftFigures['openWork'] }) {
  const stages = ['enquiry', 'assessment', 'placement', 'aftercare'] as const;
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">Each adviser&apos;s open work</caption>
        <thead>
          <tr>
            <th scope="col">Adviser</th>
            {stages.map((stage) => (
              <th key={stage} scope="col" className="report-table__figure">
                {stageLabels[stage]}
              </th>
            ))}
            <th scope="col" className="report-table__figure">Open</th>
            <th scope="col" className="report-table__figure">Stale</th>
            <th scope="col" className="report-table__figure">Next action overdue</th>
            <th scope="col" className="report-table__figure">Callbacks held</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.adviserId ?? 'unassigned'}>
              <th scope="row">{row.adviserName ?? 'Unassigned'}</th>
              {stages.map((stage) => (
                <td key={stage} className="report-table__figure">
                  {whole.format(row[stage])}
                </td>
              ))}
              <td className="report-table__figure">{whole.format(stages.reduce((sum, stage) => sum + row[stage], 0))}</td>
              <td className="report-table__figure">{whole.format(row.stale)}</td>
              <td className="report-table__figure">{whole.format(row.overdueActions)}</td>
              <td className="report-table__figure">{whole.format(row.callbacksHeld)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
