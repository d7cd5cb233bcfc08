// Every date and time Harbour shows is UK style in UK time, whatever the machine's zone.
import { LONDON } from './london-time';

const dateFormat = new Intl.DateTimeFormat('en-GB', { timeZone: LONDON, day: '2-digit', month: '2-digit', year: 'numeric' });
const timeFormat = new Intl.DateTimeFormat('en-GB', { timeZone: LONDON, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** 28/11/2026 */
export function formatDate(value: Date): string {
  return dateFormat.format(value);
}

/** 28/11/2026 14:05 */
export function formatDateTime(value: Date): string {
  return `${dateFormat.format(value)} ${timeFormat.format(value)}`;
}

/** £1,234.50 from whole pence. */
// Made once: building a formatter costs far more than using one, and a report formats millions.
const poundsFormat = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' });

export function formatPence(pence: number): string {
  return poundsFormat.format(pence / 100);
}

const weekdayTime = new Intl.DateTimeFormat('en-GB', { timeZone: LONDON, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** "14:05" today, "Tue 09:00" within the week ahead, else "03/12/2026 09:00". */
export function formatWhen(value: Date, now: Date): string {
  const sameDay = formatDate(value) === formatDate(now);
  if (sameDay) return timeFormat.format(value);
  const days = Math.abs(value.getTime() - now.getTime()) / 86_400_000;
  return days < 6 ? weekdayTime.format(value).replace(',', '') : formatDateTime(value);
}

/** "in 12 min", "overdue by 1 h 5 min". */
export function formatDueIn(dueAt: Date, now: Date): { text: string; isOverdue: boolean } {
  const millis = dueAt.getTime() - now.getTime();
  const span = (total: number) => (total >= 60 ? `${Math.floor(total / 60)} h ${total % 60} min` : `${total} min`);
  // Past due by a second is overdue, as the queue's count has it: never "due now".
  if (millis < 0) return { text: `overdue by ${span(Math.max(1, Math.floor(-millis / 60_000)))}`, isOverdue: true };
  const minutes = Math.floor(millis / 60_000);
  if (minutes === 0) return { text: 'due now', isOverdue: false };
  return { text: `due in ${span(minutes)}`, isOverdue: false };
}

const monthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2026-11" as "Nov 26", for a chart's month labels. */
export function formatMonth(month: string): string {
  const [year = '', number = ''] = month.split('-');
  return `${monthNames[Number(number) - 1] ?? number} ${year.slice(2)}`;
}

const wholeNumber = new Intl.NumberFormat('en-GB');
const oneDecimal = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

/** Pounds as a short axis label: "£950", "£12.3k", "£1.2m". */
export function formatPoundsBriefly(pounds: number): string {
  // Each threshold is where the smaller unit would round up to 1,000 ("£1,000k"), so it moves up a unit instead.
  if (pounds >= 999_950) return `£${oneDecimal.format(pounds / 1_000_000)}m`;
  if (pounds >= 999.5) return `£${oneDecimal.format(pounds / 1_000)}k`;
  return `£${wholeNumber.format(Math.round(pounds))}`;
}
