// The periods people ask for by name ("last month"), as London calendar days, both ends included.

/** London calendar days, both ends included, as "2026-11-01". */
export interface DayPeriod {
  from: string;
  to: string;
}

const DAY_MS = 86_400_000;
export const isIsoDay = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);
export const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
export const lastDays = (count: number, today: string): DayPeriod => ({ from: addDays(today, 1 - count), to: today });

/** The quick choices, for the London day `today`. */
export function quickPeriods(today: string): Array<{ label: string; period: DayPeriod }> {
  const firstOfMonth = `${today.slice(0, 7)}-01`;
  const lastOfLastMonth = addDays(firstOfMonth, -1);
  return [
    { label: 'Last 7 days', period: lastDays(7, today) },
    { label: 'Last 30 days', period: lastDays(30, today) },
    { label: 'This month', period: { from: firstOfMonth, to: today } },
    { label: 'Last month', period: { from: `${lastOfLastMonth.slice(0, 7)}-01`, to: lastOfLastMonth } },
  ];
}

