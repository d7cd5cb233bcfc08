import { formatDueIn, formatWhen } from '@harbour/shared/format';
import { toUkDate } from '@harbour/shared/uk-date';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link } from 'react-router';
import { EmptyState, ErrorState, LoadingState } from '../../../components/ui/page-states';
import { messageOf, useTRPC, type RouterOutputs } from '../../../lib/trpc';
import { useNow } from '../../../lib/use-now';
import { RiskBadge } from '../../../components/case-badges';

type WorkItem = RouterOutputs['worklist']['mine'][number];

/**
 * An adviser's shift in one list, most urgent first, so they never wonder what to do next:
 * calls they claimed, next actions due today or overdue, check-ins due, and high-risk people
 * nobody has spoken to in a day.
 */
export function MyWorkPage() {
  const trpc = useTRPC();
  const now = useNow(30_000);
  // Refreshed every minute: what is due moves on with the clock.
  const work = useQuery({ ...trpc.worklist.mine.queryOptions(), refetchInterval: 60_000 });

  useEffect(() => {
    document.title = 'My work – Harbour';
  }, []);

  return (
    <>
      <div className="page-header">
        <div>
          <h1>My work{work.data ? ` (${work.data.length})` : ''}</h1>
          <p className="muted">Most urgent first: people who may be at risk, then whatever is most overdue.</p>
        </div>
      </div>
      {work.isPending && <LoadingState label="Loading your work…" />}
      {work.isError && <ErrorState message={messageOf(work.error)} onRetry={() => void work.refetch()} />}
      {work.data?.length === 0 && (
        <EmptyState title="Nothing is due from you right now.">
          <p>
            Take the next call from the <Link to="/queue">callback queue</Link>, or look through <Link to="/cases">your cases</Link>.
          </p>
        </EmptyState>
      )}
      {work.data && work.data.length > 0 && (
        <ol className="work-list" aria-label="Your work, most urgent first">
          {work.data.map((item) => (
            <WorkRow key={keyOf(item)} item={item} now={now} />
          ))}
        </ol>
      )}
    </>
  );
}

const keyOf = (item: WorkItem) => (item.kind === 'callback' ? `callback-${item.id}` : item.kind === 'check_in' ? `check-in-${item.checkInId}` : `${item.kind}-${item.caseId}`);

function WorkRow({ item, now }: { item: WorkItem; now: Date }) {
  const { what, link, when, isLate } = describe(item, now);
  return (
    <li className={isLate ? 'work-item work-item--late' : 'work-item'}>
      <p className="work-item__what">
        <strong>{what}</strong>
      </p>
      <p>
        <Link to={link.to}>{link.label}</Link> · {item.name} {'riskLevel' in item && <RiskBadge level={item.riskLevel} />}
      </p>
      <p className={isLate ? 'text-danger' : 'muted'}>{when}</p>
    </li>
  );
}

function describe(item: WorkItem, now: Date): { what: string; link: { to: string; label: string }; when: string; isLate: boolean } {
  switch (item.kind) {
    case 'callback': {
      const due = formatDueIn(item.dueAt, now);
      return {
        what: item.isAnswered ? 'Open a case for the call you answered' : `${item.isUrgent ? 'Urgent callback' : 'Callback'} you claimed`,
        link: { to: `/callbacks/${item.id}`, label: item.reference },
        when: item.isAnswered ? 'Answered: the case is waiting to be opened' : `Call ${due.text}`,
        isLate: due.isOverdue,
      };
    }
    case 'next_action': {
      const due = formatDueIn(item.dueAt, now);
      return { what: item.what, link: { to: `/cases/${item.reference}`, label: item.reference }, when: `Next action ${due.text}`, isLate: due.isOverdue };
    }
    case 'check_in':
      return {
        what: `${item.daysAfter}-day aftercare check-in`,
        link: { to: `/cases/${item.reference}#aftercare`, label: item.reference },
        when: item.isOverdue ? `Overdue: it was due on ${toUkDate(item.dueOn)}` : 'Due today',
        isLate: item.isOverdue,
      };
    case 'no_recent_contact':
      return {
        what: 'High risk and nobody has spoken to them in a day',
        link: { to: `/cases/${item.reference}`, label: item.reference },
        when: item.lastContactAt ? `Last spoken to ${formatWhen(item.lastContactAt, now)}` : 'Not spoken to since the case opened',
        isLate: true,
      };
  }
}
