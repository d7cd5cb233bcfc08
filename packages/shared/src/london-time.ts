import { TZDate } from '@date-fns/tz';

// Harbour's clock is UK time, whatever zone a server or browser is set to.
export const LONDON = 'Europe/London';

/** The instant of London wall-clock `hour:00` on the London day of `instant`, plus `dayOffset` days. */
export function londonHourOn(instant: Date, hour: number, dayOffset = 0): Date {
  const london = new TZDate(instant.getTime(), LONDON);
  return new Date(new TZDate(london.getFullYear(), london.getMonth(), london.getDate() + dayOffset, hour, 0, 0, LONDON).getTime());
}

/** Midnight at the start of the London day of `instant`. */
export function startOfLondonDay(instant: Date): Date {
  return londonHourOn(instant, 0);
}

/** Midnight London time at the start of the calendar day `day` ("2026-11-01"). */
export function startOfLondonCalendarDay(day: string): Date {
  // Noon UTC is on the same London day all year round, so it names the day safely.
  return startOfLondonDay(new Date(`${day}T12:00:00Z`));
}

/** Midnight London time at the end of the calendar day `day`: the start of the next one. */
export function endOfLondonCalendarDay(day: string): Date {
  return londonHourOn(new Date(`${day}T12:00:00Z`), 0, 1);
}

/** A `datetime-local` input's value ("2026-11-28T14:30"), read as London time. */
export function fromLondonInput(value: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return undefined;
  const [, year, month, day, hour, minute] = match.map(Number) as [number, number, number, number, number, number];
  return new Date(new TZDate(year, month - 1, day, hour, minute, 0, LONDON).getTime());
}

/** The `datetime-local` value that shows `instant` in London time. */
export function toLondonInput(instant: Date): string {
  const london = new TZDate(instant.getTime(), LONDON);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${london.getFullYear()}-${pad(london.getMonth() + 1)}-${pad(london.getDate())}T${pad(london.getHours())}:${pad(london.getMinutes())}`;
}
