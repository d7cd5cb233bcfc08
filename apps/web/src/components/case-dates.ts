import { startOfLondonDay } from '@harbour/shared/london-time';

/** Whole London calendar days since `date`: yesterday at 23:00 is one day ago at 08:00. */
export function daysSince(date: Date, now: Date): number {
  return Math.round((startOfLondonDay(now).getTime() - startOfLondonDay(date).getTime()) / 86_400_000);
}

export function daysInStageText(stageChangedAt: Date, now: Date): string {
  const days = daysSince(stageChangedAt, now);
  return days === 0 ? 'since today' : `${days} ${days === 1 ? 'day' : 'days'} in stage`;
}
