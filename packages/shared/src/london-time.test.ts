import { describe, expect, it } from 'vitest';
import { endOfLondonCalendarDay, startOfLondonCalendarDay } from './london-time';

// A London calendar day as a half-open range of instants, which is what reports and metrics
// filter timestamps by: the days the clocks change are 23 and 25 hours long.
describe('a London calendar day as instants', () => {
  it.each([
    ['a winter day', '2026-01-15', '2026-01-15T00:00:00.000Z', '2026-01-16T00:00:00.000Z'],
    ['a summer day', '2026-07-14', '2026-07-13T23:00:00.000Z', '2026-07-14T23:00:00.000Z'],
    ['the day the clocks go forward (23 hours)', '2026-03-29', '2026-03-29T00:00:00.000Z', '2026-03-29T23:00:00.000Z'],
    ['the day the clocks go back (25 hours)', '2026-10-25', '2026-10-24T23:00:00.000Z', '2026-10-26T00:00:00.000Z'],
    ['the last day of a year', '2026-12-31', '2026-12-31T00:00:00.000Z', '2027-01-01T00:00:00.000Z'],
  ])('%s starts and ends at London midnight', (_name, day, start, end) => {
    expect(startOfLondonCalendarDay(day).toISOString()).toBe(start);
    expect(endOfLondonCalendarDay(day).toISOString()).toBe(end);
  });
});
