import type { UrgencyReason } from '@harbour/shared/callback-rules';
import { formatDueIn, formatWhen } from '@harbour/shared/format';

export function UrgencyBadge({ reason }: { reason: UrgencyReason | null }) {
  if (!reason) return null;
  return (
    <span className="badge badge--danger" title={reason === 'immediate_danger' ? 'Said someone is in immediate danger' : 'Their message mentions risk'}>
      {reason === 'immediate_danger' ? 'Urgent: danger' : 'Urgent: risk mentioned'}
    </span>
  );
}

/** The countdown advisers work to: overdue in red with how long, otherwise how long is left. */
export function DueIn({ dueAt, now, status }: { dueAt: Date; now: Date; status: string }) {
  if (status !== 'open') return <span className="muted">—</span>;
  const { text, isOverdue } = formatDueIn(dueAt, now);
  const isFar = !isOverdue && dueAt.getTime() - now.getTime() > 3 * 3_600_000;
  return (
    <span className={isOverdue ? 'due due--overdue' : 'due'}>
      {isFar ? `due ${formatWhen(dueAt, now)}` : text}
    </span>
  );
}

export const statusLabels: Record<string, string> = {
  open: 'Waiting for a call',
  answered: 'Answered: case to open',
  case_opened: 'Case opened',
  unreachable: 'Unreachable',
  wrong_number: 'Wrong number',
  declined: 'Declined',
};
