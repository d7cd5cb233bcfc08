import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { londonDayOf } from './london-day';
import {
  admitPlacementSchema,
  cancelPlacementSchema,
  confirmPlacementSchema,
  dischargePlacementSchema,
  proposePlacementSchema,
  type ProposePlacementInput,
} from './placements';
import { errorsOf } from './test-errors';

const CASE_ID = '0b9e7d1c-3f4a-4e2b-9c8d-7a6b5c4d3e2f';
const CLINIC_ID = '5d6c7b8a-9f0e-4d1c-8b2a-3e4f5a6b7c8d';
const PLACEMENT_ID = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const step = { id: PLACEMENT_ID, version: 2 };

// London is on BST in July: 23:30 UTC on 15 July is already 16 July there.
beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-07-15T23:30:00Z'));
});
afterEach(() => {
  vi.useRealTimers();
});

describe('londonDayOf', () => {
  it.each([
    ['in summer, after midnight in London but not in UTC', '2026-07-15T23:30:00Z', '2026-07-16'],
    ['in winter, when London is on UTC', '2026-12-31T23:30:00Z', '2026-12-31'],
    ['on the night the clocks go forward', '2026-03-29T00:59:00Z', '2026-03-29'],
  ])('gives the London day %s', (_what, instant, day) => {
    expect(londonDayOf(new Date(instant))).toBe(day);
  });
});

describe('proposePlacementSchema', () => {
  const proposal: ProposePlacementInput = {
    caseId: CASE_ID,
    clinicId: CLINIC_ID,
    programme: 'residential_rehab',
    lengthDays: 28,
    weeklyPricePence: 180_000,
  };

  it('accepts a proposal as given', () => {
    expect(proposePlacementSchema.parse(proposal)).toEqual(proposal);
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ['an unknown clinic', { clinicId: 'millbrook' }, 'clinicId', 'Unknown clinic'],
    ['an unknown case', { caseId: '' }, 'caseId', 'Unknown case'],
    ['a programme not on the list', { programme: 'spa' }, 'programme', 'Choose a programme from the list'],
    ['a length of a year and a day', { lengthDays: 366 }, 'lengthDays', 'Programme length must be at most 365 days'],
    ['no length', { lengthDays: undefined }, 'lengthDays', 'Programme length must be a number of days'],
    ['a price in fractions of a penny', { weeklyPricePence: 1.5 }, 'weeklyPricePence', 'Weekly price must be in whole pence'],
    ['a price in pounds as text', { weeklyPricePence: '£1,800' }, 'weeklyPricePence', 'Weekly price must be an amount in pounds'],
  ])('refuses %s, naming the field', (_what, change, field, message) => {
    expect(errorsOf(proposePlacementSchema.safeParse({ ...proposal, ...change }))).toEqual({ [field]: message });
  });
});

describe('the steps of a placement', () => {
  it.each([
    ['today in London, though still yesterday in UTC', '2026-07-16', '2026-07-16'],
    ['typed the UK way', '01/07/2026', '2026-07-01'],
    ['a year ago', '2025-07-16', '2025-07-16'],
  ])('admits on a day %s', (_what, typed, stored) => {
    expect(admitPlacementSchema.parse({ ...step, admittedOn: typed }).admittedOn).toBe(stored);
  });

  it.each<[string, Record<string, unknown>, Record<string, string>]>([
    ['tomorrow in London', { admittedOn: '2026-07-17' }, { admittedOn: 'Admission date cannot be in the future' }],
    ['31 February', { admittedOn: '31/02/2026' }, { admittedOn: 'Enter the admission date as day/month/year, like 28/11/2026' }],
    ['no day', {}, { admittedOn: 'Enter the admission date as day/month/year, like 28/11/2026' }],
    ['a stale version', { admittedOn: '2026-07-16', version: 0 }, { version: 'Reload the placement and try again' }],
    ['an unknown placement', { admittedOn: '2026-07-16', id: 'x' }, { id: 'Unknown placement' }],
  ])('refuses an admission with %s', (_what, change, errors) => {
    expect(errorsOf(admitPlacementSchema.safeParse({ ...step, ...change }))).toEqual(errors);
  });

  it.each(['completed', 'left_early', 'discharged_by_clinic', 'transferred'])('discharges with the outcome %s', (outcome) => {
    expect(dischargePlacementSchema.parse({ ...step, dischargedOn: '16/07/2026', outcome })).toEqual({
      ...step,
      dischargedOn: '2026-07-16',
      outcome,
    });
  });

  it.each<[string, Record<string, unknown>, Record<string, string>]>([
    ['an outcome not on the list', { dischargedOn: '2026-07-16', outcome: 'cancelled' }, { outcome: 'Choose how the placement ended' }],
    ['a day in the future', { dischargedOn: '2026-07-17', outcome: 'completed' }, { dischargedOn: 'Discharge date cannot be in the future' }],
  ])('refuses a discharge with %s', (_what, change, errors) => {
    expect(errorsOf(dischargePlacementSchema.safeParse({ ...step, ...change }))).toEqual(errors);
  });

  it('confirms with the version the adviser saw', () => {
    expect(confirmPlacementSchema.parse(step)).toEqual(step);
    expect(errorsOf(confirmPlacementSchema.safeParse({ id: PLACEMENT_ID }))).toEqual({ version: 'Reload the placement and try again' });
  });

  it.each<[string, unknown, Record<string, string>]>([
    ['a reason', ' The family chose a clinic nearer home ', {}],
    ['no reason', '  ', { reason: 'Enter why the placement is cancelled' }],
    ['markup', 'Moved <script>', { reason: 'Reason must not contain HTML or other markup' }],
    ['501 characters', 'a'.repeat(501), { reason: 'Reason must be at most 500 characters' }],
  ])('cancels with %s', (_what, reason, errors) => {
    const result = cancelPlacementSchema.safeParse({ ...step, reason });
    expect(errorsOf(result)).toEqual(errors);
    if (result.success) expect(result.data.reason).toBe('The family chose a clinic nearer home');
  });
});
