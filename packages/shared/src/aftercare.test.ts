import { describe, expect, it } from 'vitest';
import { addDays, aftercarePlanSchema, checkInSchedule, checkInTiming, recordCheckInSchema } from './aftercare';
import { errorsOf } from './test-errors';

describe('check-in schedule', () => {
  it('books the five check-ins 7, 30, 90, 180 and 365 calendar days after discharge', () => {
    expect(checkInSchedule('2026-11-28')).toEqual([
      { daysAfter: 7, dueOn: '2026-12-05' },
      { daysAfter: 30, dueOn: '2026-12-28' },
      { daysAfter: 90, dueOn: '2027-02-26' },
      { daysAfter: 180, dueOn: '2027-05-27' },
      { daysAfter: 365, dueOn: '2027-11-28' },
    ]);
  });

  it('does not move a day when the clocks go forward (28 March 2027) or back (31 October 2027)', () => {
    // Discharged the day before each change: a 24-hour count from a London midnight would land
    // an hour early (the previous day) in spring.
    expect(addDays('2027-03-27', 7)).toBe('2027-04-03');
    expect(addDays('2027-03-27', 1)).toBe('2027-03-28');
    expect(addDays('2027-10-30', 7)).toBe('2027-11-06');
    expect(addDays('2027-10-30', 1)).toBe('2027-10-31');
  });

  it('counts across month ends and a leap day', () => {
    expect(addDays('2028-02-22', 7)).toBe('2028-02-29');
    expect(addDays('2027-12-25', 7)).toBe('2028-01-01');
    expect(addDays('2028-02-29', 365)).toBe('2029-02-28');
  });
});

describe('check-in timing on the London calendar', () => {
  it('is due today from London midnight, even while it is still yesterday in UTC (summer time)', () => {
    // 00:30 on 3 April 2027 in London is 23:30 on 2 April in UTC.
    expect(checkInTiming('2027-04-03', new Date('2027-04-02T23:30:00Z'))).toBe('due_today');
    expect(checkInTiming('2027-04-03', new Date('2027-04-02T22:30:00Z'))).toBe('upcoming');
  });

  it('is overdue the London day after it was due, and upcoming before', () => {
    expect(checkInTiming('2027-11-06', new Date('2027-11-07T00:10:00Z'))).toBe('overdue');
    expect(checkInTiming('2027-11-06', new Date('2027-11-06T23:59:00Z'))).toBe('due_today');
    expect(checkInTiming('2027-11-06', new Date('2027-11-05T12:00:00Z'))).toBe('upcoming');
  });
});

describe('aftercare input', () => {
  it('names the field of a bad plan', () => {
    expect(errorsOf(aftercarePlanSchema.safeParse({ supportGroups: ['knitting'] }))).toEqual({ 'supportGroups.0': 'Choose a support group from the list' });
    expect(errorsOf(aftercarePlanSchema.safeParse({ supportGroups: ['smart_recovery', 'smart_recovery'] }))).toEqual({ supportGroups: 'Choose each support group only once' });
    expect(errorsOf(aftercarePlanSchema.safeParse({ supportGroups: [], therapy: '<b>CBT</b>' }))).toEqual({ therapy: 'Therapy must not contain HTML or other markup' });
  });

  it('asks how the client is doing', () => {
    const id = '0b7f8c1e-2c3d-4e5f-8a9b-0c1d2e3f4a5b';
    expect(errorsOf(recordCheckInSchema.safeParse({ id, version: 1 }))).toEqual({ outcome: 'Choose how the client is doing' });
    expect(errorsOf(recordCheckInSchema.safeParse({ id, version: 1, outcome: 'fine' }))).toEqual({ outcome: 'Choose how the client is doing' });
    expect(recordCheckInSchema.parse({ id, version: 1, outcome: 'well', notes: '  ' })).toEqual({ id, version: 1, outcome: 'well' });
  });
});
