import { z } from 'zod';
import { LONDON } from './london-time';
import { fromUkDate } from './uk-date';

// A calendar day ("2026-11-28") rather than an instant, so it cannot shift a day between time
// zones; "today" is the London day, which does not change at midnight UTC in summer.
const londonDay = new Intl.DateTimeFormat('en-CA', { timeZone: LONDON, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The London calendar day of `instant`, as "2026-11-28". */
export function londonDayOf(instant: Date): string {
  return londonDay.format(instant);
}

/**
 * A day that has happened (an admission, a discharge), typed the UK way ("28/11/2026") or
 * stored ("2026-11-28"); `name` starts each message ("Admission date").
 */
export function pastLondonDaySchema(name: string) {
  return z.preprocess(
    (value) => (typeof value === 'string' ? fromUkDate(value) : value),
    z.iso
      .date({ error: `Enter the ${name.toLowerCase()} as day/month/year, like 28/11/2026` })
      .refine((day) => day <= londonDayOf(new Date()), `${name} cannot be in the future`),
  );
}
