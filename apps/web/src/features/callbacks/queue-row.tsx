import { formatWhen } from '@harbour/shared/format';
import { forWhomShortLabels } from '@harbour/shared/for-whom';
import { callWindows } from '@harbour/shared/callback-rules';
import { substanceLabel } from '@harbour/shared/substances';
import { Link } from 'react-router';
import { Button } from '../../components/ui/button';
import type { RouterOutputs } from '../../lib/trpc';
import { DueIn, statusLabels, UrgencyBadge } from './callback-badges';

export type QueueItem = RouterOutputs['callbacks']['queue']['items'][number];

function bestTimeText(item: QueueItem, now: Date): string {
  if (item.bestTimeKind === 'asap') return 'ASAP';
  if (item.bestTimeKind === 'at' && item.bestTimeAt) return formatWhen(item.bestTimeAt, now);
  return callWindows[item.bestTimeKind as keyof typeof callWindows]?.label.split(' (')[0] ?? item.bestTimeKind;
}

interface QueueRowProps {
  item: QueueItem;
  now: Date;
  currentUserId: string;
  canSupervise: boolean;
  busyId: string | null;
  onClaim: (item: QueueItem) => void;
  onRelease: (item: QueueItem) => void;
}

export function QueueRow({ item, now, currentUserId, canSupervise, busyId, onClaim, onRelease }: QueueRowProps) {
  const isMine = item.claimedById === currentUserId;
  const isFree = item.claimedById === null && item.status === 'open';
  return (
    <tr className={item.urgencyReason ? 'is-urgent' : undefined}>
      <th scope="row">
        <Link to={`/callbacks/${item.id}`}>{item.reference}</Link>
      </th>
      <td>
        {item.fullName}
        <span className="cell-note">{forWhomShortLabels[item.forWhom]}</span>
      </td>
      <td>{bestTimeText(item, now)}</td>
      <td>{item.substances.length ? item.substances.map(substanceLabel).join(', ') : <span className="muted">Not given</span>}</td>
      <td className="numeric">{item.attemptCount}</td>
      <td className="nowrap">
        {item.status === 'open' ? <DueIn dueAt={item.dueAt} now={now} status={item.status} /> : statusLabels[item.status]}
      </td>
      <td>
        <UrgencyBadge reason={item.urgencyReason} />
      </td>
      <td>{isMine ? <strong>You</strong> : (item.claimedByName ?? <span className="muted">Nobody</span>)}</td>
      <td className="actions-cell">
        {isFree && (
          <Button isBusy={busyId === item.id} onClick={() => onClaim(item)}>
            Claim<span className="visually-hidden"> {item.reference}</span>
          </Button>
        )}
        {isMine && (
          <Link className="button button--secondary" to={`/callbacks/${item.id}`}>
            {item.status === 'answered' ? 'Open case' : 'Continue'}
            <span className="visually-hidden"> {item.reference}</span>
          </Link>
        )}
        {!isMine && item.claimedById !== null && canSupervise && (
          <Button variant="secondary" isBusy={busyId === item.id} onClick={() => onRelease(item)}>
            Release<span className="visually-hidden"> {item.reference}</span>
          </Button>
        )}
      </td>
    </tr>
  );
}
