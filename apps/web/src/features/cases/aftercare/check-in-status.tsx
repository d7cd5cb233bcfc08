import { checkInOutcomeLabels, checkInTiming, type CheckInOutcome } from '@harbour/shared/aftercare';
import { londonDayOf } from '@harbour/shared/london-day';
import './aftercare.css';

/** "7-day check-in": how advisers name the calls, by days after discharge. */
export const checkInName = (daysAfter: number) => `${daysAfter}-day check-in`;

/** Whole calendar days from one London day ("2027-01-09") to another. */
function daysBetween(from: string, to: string): number {
  const dayNumber = (day: string) => {
    const [year, month, date] = day.split('-').map(Number) as [number, number, number];
    return Date.UTC(year, month - 1, date) / 86_400_000;
  };
  return dayNumber(to) - dayNumber(from);
}

/**
 * A check-in not yet made that is overdue or due today, in words; null while it is still to
 * come. Counted on London's calendar, as the server books and lists them.
 */
export function dueNowText(dueOn: string, now: Date): string | null {
  const timing = checkInTiming(dueOn, now);
  if (timing === 'due_today') return 'Due today';
  if (timing === 'upcoming') return null;
  const days = daysBetween(dueOn, londonDayOf(now));
  return `Overdue by ${days} ${days === 1 ? 'day' : 'days'}`;
}

/** "Overdue by 3 days" in red, or "Due today"; nothing for a check-in still to come. */
export function DueNowBadge({ dueOn, now }: { dueOn: string; now: Date }) {
  const text = dueNowText(dueOn, now);
  if (!text) return null;
  return <span className={checkInTiming(dueOn, now) === 'overdue' ? 'badge badge--danger' : 'badge badge--due-today'}>{text}</span>;
}

export function OutcomeBadge({ outcome }: { outcome: CheckInOutcome }) {
  return <span className={`badge badge--outcome-${outcome}`}>{checkInOutcomeLabels[outcome]}</span>;
}
