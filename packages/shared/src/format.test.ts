import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatPence } from './format';

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
