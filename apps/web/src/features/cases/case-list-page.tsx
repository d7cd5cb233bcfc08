import { riskLevelLabels, riskLevels, type RiskLevel } from '@harbour/shared/assessment';
import { caseListSorts, type CaseListSort } from '@harbour/shared/case-record';
import { caseStages, stageLabels, type CaseStage } from '@harbour/shared/cases';
import { formatDueIn, formatWhen } from '@harbour/shared/format';
import { substanceLabel } from '@harbour/shared/substances';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Button } from '../../components/ui/button';
import { SelectField } from '../../components/ui/select-field';
import { EmptyState, ErrorState, LoadingState } from '../../components/ui/page-states';
import { messageOf, useTRPC } from '../../lib/trpc';
import { useNow } from '../../lib/use-now';
import { DualDiagnosisBadge, RiskBadge } from '../../components/case-badges';
import { daysInStageText } from '../../components/case-dates';

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  values.includes(value as T) ? (value as T) : undefined;

/**
 * "My cases" and "All cases": filters, sort and page live in the address, so a view can be
 * shared with a colleague and survives a reload.
 */
export function CaseListPage() {
  const trpc = useTRPC();
  const now = useNow(60_000);
  const [params, setParams] = useSearchParams();
  const scope = params.get('scope') === 'all' ? 'all' : 'mine';
  const stage = oneOf(caseStages, params.get('stage'));
  const risk = oneOf(riskLevels, params.get('risk'));
  const sort = oneOf(caseListSorts.map((option) => option.value), params.get('sort')) ?? 'recently_updated';
  const adviser = params.get('adviser') ?? undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const staff = useQuery({ ...trpc.users.listActive.queryOptions(), enabled: scope === 'all' });
  const cases = useQuery({
    ...trpc.cases.list.queryOptions({ scope, stage, risk, sort, adviserId: scope === 'all' ? adviser : undefined, page }),
    placeholderData: keepPreviousData,
    refetchOnWindowFocus: false,
  });

  useEffect(() => {
    document.title = `${scope === 'mine' ? 'My cases' : 'All cases'} – Harbour`;
  }, [scope]);

  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    // A new filter starts again at the first page.
    if (!('page' in changes)) next.delete('page');
    setParams(next);
  };

  return (
    <>
      <div className="page-header">
        <div>
          <h1>{scope === 'mine' ? 'My cases' : 'All cases'}</h1>
          <p className="page-header__meta">Press / anywhere to find a case by name, phone, email or reference.</p>
        </div>
        <Link className="button button--secondary" to="/enquiries/new">
          Log inbound call
        </Link>
      </div>
      <nav className="tabs" aria-label="Which cases">
        <Link to="?scope=mine" aria-current={scope === 'mine' ? 'page' : undefined}>
          My cases
        </Link>
        <Link to="?scope=all" aria-current={scope === 'all' ? 'page' : undefined}>
          All cases
        </Link>
      </nav>
      <form className="filters" aria-label="Filter cases" onSubmit={(event) => event.preventDefault()}>
        <SelectField label="Stage" placeholder="Any stage" value={stage ?? ''} options={caseStages.map((value) => ({ value, label: stageLabels[value] }))} onChange={(event) => update({ stage: event.target.value })} />
        <SelectField label="Risk" placeholder="Any risk" value={risk ?? ''} options={riskLevels.map((value) => ({ value, label: riskLevelLabels[value] }))} onChange={(event) => update({ risk: event.target.value })} />
        {scope === 'all' && (
          <SelectField
            label="Adviser"
            placeholder="Anyone"
            value={adviser ?? ''}
            options={[{ value: 'unassigned', label: 'Nobody (unassigned)' }, ...(staff.data ?? []).map((member) => ({ value: member.id, label: member.fullName }))]}
            onChange={(event) => update({ adviser: event.target.value })}
          />
        )}
        <SelectField label="Sort by" value={sort} options={caseListSorts} onChange={(event) => update({ sort: event.target.value as CaseListSort })} />
      </form>
      {cases.isPending ? (
        <LoadingState label="Loading cases…" />
      ) : cases.isError ? (
        <ErrorState message={messageOf(cases.error)} onRetry={() => void cases.refetch()} />
      ) : cases.data.rows.length === 0 ? (
        <EmptyState title={page > 1 ? 'No more cases.' : stage || risk || adviser ? 'No case matches these filters.' : scope === 'mine' ? 'You have no cases yet.' : 'There are no cases yet.'}>
          {scope === 'mine' && !stage && !risk && <p>Cases you open from the queue or an inbound call appear here.</p>}
        </EmptyState>
      ) : (
        <div className="table-wrap" aria-busy={cases.isFetching}>
          <table className="table">
            <caption className="visually-hidden">
              {scope === 'mine' ? 'My cases' : 'All cases'}, page {page}
            </caption>
            <thead>
              <tr>
                <th scope="col">Client</th>
                <th scope="col">Stage</th>
                <th scope="col">Risk</th>
                <th scope="col">Primary substance</th>
                <th scope="col">Adviser</th>
                <th scope="col">Next action</th>
              </tr>
            </thead>
            <tbody>
              {cases.data.rows.map((row) => {
                const due = row.nextActionDueAt ? formatDueIn(row.nextActionDueAt, now) : null;
                return (
                  <tr key={row.id}>
                    <th scope="row">
                      <Link to={`/cases/${row.reference}`}>{row.clientName ?? row.callerName}</Link>
                      <span className="cell-note">{row.reference}</span>
                    </th>
                    <td>
                      {stageLabels[row.stage as CaseStage]}
                      <span className="cell-note">{daysInStageText(row.stageChangedAt, now)}</span>
                    </td>
                    <td>
                      <RiskBadge level={row.riskLevel as RiskLevel | null} /> <DualDiagnosisBadge isDualDiagnosis={row.isDualDiagnosis} />
                    </td>
                    <td>{row.primarySubstance ? substanceLabel(row.primarySubstance) : <span className="muted">Not assessed</span>}</td>
                    <td>{row.assignedAdviserName ?? <span className="muted">Nobody</span>}</td>
                    <td>
                      {row.nextAction && row.nextActionDueAt && due ? (
                        <>
                          {row.nextAction}
                          <span className={due.isOverdue ? 'cell-note due--overdue' : 'cell-note'}>{due.isOverdue ? due.text : `due ${formatWhen(row.nextActionDueAt, now)}`}</span>
                        </>
                      ) : row.stage === 'closed' ? (
                        <span className="muted">Closed</span>
                      ) : (
                        <span className="text-danger">None set</span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {cases.data && (page > 1 || cases.data.hasNextPage) && (
        <nav className="pager" aria-label="Pages">
          <Button variant="secondary" disabled={page <= 1} onClick={() => update({ page: String(page - 1) })}>
            Previous page
          </Button>
          <span>Page {page}</span>
          <Button variant="secondary" disabled={!cases.data.hasNextPage} onClick={() => update({ page: String(page + 1) })}>
            Next page
          </Button>
        </nav>
      )}
    </>
  );
}
