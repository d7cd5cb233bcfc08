import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatDueIn, formatMonth, formatPence, formatPoundsBriefly, formatWhen } from './format';

describe('UK formats', () => {
  it('shows dates as dd/mm/yyyy in London time, across the midnight boundary', () => {
    // 23:30 UTC on 30 June is 00:30 on 1 July in British Summer Time.
    expect(formatDate(new Date('2026-06-30T23:30:00Z'))).toBe('01/07/2026');
    expect(formatDateTime(new Date('2026-06-30T23:30:00Z'))).toBe('01/07/2026 00:30');
  });

  it('uses GMT in winter', () => {
    expect(formatDateTime(new Date('2026-11-28T14:05:00Z'))).toBe('28/11/2026 14:05');
  });

  it('shows pence as pounds', () => {
    expect(formatPence(123_450)).toBe('£1,234.50');
  });
});

describe('due times on the queue', () => {
  const now = new Date('2026-11-28T14:00:00Z');
  const at = (seconds: number) => new Date(now.getTime() + seconds * 1000);

  it.each<[number, string, boolean]>([
    [3 * 3600 + 5 * 60, 'due in 3 h 5 min', false],
    [59 * 60 + 59, 'due in 59 min', false],
    [30, 'due now', false],
    [0, 'due now', false],
    [-1, 'overdue by 1 min', true],
    [-61, 'overdue by 1 min', true],
    [-(2 * 3600 + 5 * 60), 'overdue by 2 h 5 min', true],
  ])('%i seconds from now reads "%s"', (seconds, text, isOverdue) => {
    expect(formatDueIn(at(seconds), now)).toEqual({ text, isOverdue });
  });

  it('says a time today by the clock, this week by the day, and later by the date', () => {
    expect(formatWhen(new Date('2026-11-28T17:30:00Z'), now)).toBe('17:30');
    expect(formatWhen(new Date('2026-11-30T09:00:00Z'), now)).toBe('Mon 09:00');
    expect(formatWhen(new Date('2026-12-20T09:00:00Z'), now)).toBe('20/12/2026 09:00');
  });
});

describe('chart labels', () => {
  it('labels months and pounds briefly', () => {
    expect(formatMonth('2026-11')).toBe('Nov 26');
    expect(formatMonth('2027-01')).toBe('Jan 27');
    expect(formatPoundsBriefly(950)).toBe('£950');
    expect(formatPoundsBriefly(12_345.5)).toBe('£12.3k');
    expect(formatPoundsBriefly(20_000)).toBe('£20k');
    expect(formatPoundsBriefly(999_960)).toBe('£1m');
    expect(formatPoundsBriefly(1_250_000)).toBe('£1.3m');
  });
});
