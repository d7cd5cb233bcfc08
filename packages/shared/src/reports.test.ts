import { describe, expect, it } from 'vitest';
import { describeReportFilters, initialsOf, placementReportFiltersSchema } from './reports';

describe('initials', () => {
  it('take the first letter of each part of a name, and nothing else of it', () => {
    expect(initialsOf("Mary Jane O'Neil")).toBe('MJO');
    expect(initialsOf('jean-luc picard')).toBe('JLP');
    expect(initialsOf('  Siân  Ellis ')).toBe('SE');
  });
});

describe('the filters in words', () => {
  const filters = placementReportFiltersSchema.parse({
    from: '01/10/2026',
    to: '31/10/2026',
    clinicId: '5b0e0e3c-6f1d-4c4a-9a61-0c1f5a0d2b11',
    adviserId: '6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f',
    region: 'north_west',
    outcome: 'left_early',
  });

  it('name the clinic and adviser, say when one is no longer on record, and never show a placeholder as a fact while names load', () => {
    expect(describeReportFilters(filters, { clinic: 'Oak House', adviser: 'Amira Shah' })).toEqual([
      'Clinic: Oak House',
      'Region: North West',
      'Adviser: Amira Shah',
      'Outcome: Left early',
    ]);
    expect(describeReportFilters(filters, { clinic: null, adviser: null }).slice(0, 3)).toEqual([
      'Clinic: a clinic no longer listed',
      'Region: North West',
      'Adviser: a former colleague',
    ]);
    expect(describeReportFilters(filters, {})[0]).toBe('Clinic: the chosen clinic');
  });
});
