import type { Clinic } from './clinic-words';

/** A clinic as `clinics.byId` returns it: Pennine Lodge, 5 of 24 beds free, confirmed an hour ago. */
export function clinicFixture(overrides: Partial<Clinic> = {}): Clinic {
  return {
    id: '7c1f2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f',
    version: 3,
    name: 'Pennine Lodge',
    regulator: 'cqc',
    locationId: '1-900023757',
    rating: 'good',
    region: 'north_west',
    town: 'Manchester',
    postcode: 'M1 3BE',
    phone: '+441614960201',
    email: 'admissions@pennine-lodge.example',
    services: ['medically_managed_detox', 'residential_rehab'],
    substances: ['alcohol', 'heroin'],
    isDualDiagnosisCapable: true,
    programmeLengthsDays: [28, 56],
    weeklyPriceMinPence: 380_000,
    weeklyPriceMaxPence: 560_000,
    fundingRoutes: ['self_funded', 'family'],
    bedsTotal: 24,
    bedsAvailable: 5,
    bedsConfirmedAt: new Date(Date.now() - 3_600_000),
    bedsConfirmedByName: 'Grace Owusu',
    feeTerms: { kind: 'percentage', percent: 10 },
    isActive: true,
    isDemo: false,
    updatedAt: new Date(Date.now() - 3_600_000),
    ...overrides,
  };
}
