// Every date and time Harbour shows is UK style in UK time, whatever the machine's zone.
const LONDON = 'Europe/London';

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
export function formatPence(pence: number): string {
  return new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' }).format(pence / 100);
}
