import { caseRecordFixture, placementFactsOf } from '../../../test/case-record';
import type { CaseRecord, ClinicMatch, MatchedClinic, Placement } from './placement-words';

/** A case's fields, with only the stage facts a test means to change. */
type CaseOverrides = Omit<Partial<CaseRecord>, 'stageFacts'> & { stageFacts?: Partial<CaseRecord['stageFacts']> };

// Rows as the server returns them, for the placement tests.

export const clinicIds = {
  kirkstall: '5d0c2b1a-1111-4a4a-8b8b-000000000001',
  pennine: '5d0c2b1a-1111-4a4a-8b8b-000000000002',
  sherwood: '5d0c2b1a-1111-4a4a-8b8b-000000000003',
  wearside: '5d0c2b1a-1111-4a4a-8b8b-000000000004',
};
export const placementId = '7a1e0c9d-2222-4b4b-9c9c-000000000001';

export function clinicFixture(overrides: Partial<MatchedClinic> = {}): MatchedClinic {
  return {
    id: clinicIds.kirkstall,
    version: 1,
    name: 'Kirkstall Grange',
    regulator: 'cqc',
    locationId: '1-101681479',
    rating: 'good',
    region: 'yorkshire_and_the_humber',
    town: 'Leeds',
    postcode: 'LS5 3BT',
    phone: '+441134960201',
    email: null,
    services: ['medically_managed_detox', 'residential_rehab', 'aftercare'],
    substances: ['alcohol', 'cocaine'],
    isDualDiagnosisCapable: true,
    programmeLengthsDays: [28, 56],
    weeklyPriceMinPence: 350_000,
    weeklyPriceMaxPence: 480_000,
    fundingRoutes: ['self_funded', 'family'],
    bedsTotal: 22,
    bedsAvailable: 6,
    bedsConfirmedAt: new Date('2026-11-28T09:00:00Z'),
    bedsConfirmedByName: 'Amira Shah',
    feeTerms: { kind: 'percentage', percent: 10 },
    isActive: true,
    isDemo: true,
    updatedAt: new Date('2026-11-01T09:00:00Z'),
    ...overrides,
  };
}

export function matchFixture(clinic: MatchedClinic, score: number, reasons: string[], exclusions: string[] = []): ClinicMatch {
  return { clinic, score, reasons, exclusions, isExcluded: exclusions.length > 0 };
}

/**
 * A case in Assessment (or the `stage` given), assessed, self-funded with a budget, living in
 * Yorkshire. Its stage facts follow its stage and placements; `stageFacts` changes the rest.
 */
export function assessedCase({ stageFacts, ...overrides }: CaseOverrides = {}): CaseRecord {
  const stage = overrides.stage ?? 'assessment';
  const placements = overrides.placements ?? [];
  return caseRecordFixture({
    region: 'yorkshire_and_the_humber',
    fundingRoute: 'self_funded',
    budgetMaxPence: 1_500_000,
    assessmentComplete: true,
    ...overrides,
    stage,
    placements,
    stageFacts: { ...caseRecordFixture().stageFacts, stage, assessmentGaps: [], fundingRouteSet: true, ...placementFactsOf(placements), ...stageFacts },
  });
}

export function placementFixture(overrides: Partial<Placement> = {}): Placement {
  return {
    id: placementId,
    version: 1,
    status: 'proposed',
    programme: 'residential_rehab',
    lengthDays: 28,
    weeklyPricePence: 350_000,
    feePence: null,
    feeTerms: null,
    proposedAt: new Date('2026-11-20T10:15:00Z'),
    proposedByName: 'Amira Shah',
    confirmedAt: null,
    confirmedByName: null,
    admittedOn: null,
    admittedByName: null,
    dischargedOn: null,
    dischargeOutcome: null,
    dischargedByName: null,
    cancelledAt: null,
    cancelReason: null,
    cancelledByName: null,
    clinicId: clinicIds.kirkstall,
    clinicName: 'Kirkstall Grange',
    clinicTown: 'Leeds',
    clinicRegion: 'yorkshire_and_the_humber',
    clinicPhone: '+441134960201',
    clinicBedsAvailable: 6,
    ...overrides,
  };
}
