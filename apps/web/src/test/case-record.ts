import type { RouterOutputs } from '../lib/trpc';

type CaseRecord = RouterOutputs['cases']['byReference'];
type Placement = CaseRecord['placements'][number];
type OnTheGo = NonNullable<CaseRecord['stageFacts']['activePlacement']>;

const isOnTheGo = (status: Placement['status']): status is OnTheGo => status === 'proposed' || status === 'confirmed' || status === 'admitted';

/**
 * The stage facts a case's placements give, worked out as the server's placementFactsOf does,
 * so a fixture cannot show a placement on the go that its stage rules know nothing of.
 */
export function placementFactsOf(placements: Placement[]) {
  const activePlacement = placements.map((placement) => placement.status).find(isOnTheGo) ?? null;
  return {
    hasConfirmedPlacement: placements.some((placement) => placement.status === 'confirmed' || placement.status === 'admitted'),
    activePlacement,
    placementDischarged: activePlacement === null && placements.some((placement) => placement.status === 'discharged'),
  };
}

/** A case as `cases.byReference` returns it: an enquiry just opened, assigned to user-1. */
export function caseRecordFixture(overrides: Partial<CaseRecord> = {}): CaseRecord {
  return {
    id: '0b7f8c1e-2c3d-4e5f-8a9b-0c1d2e3f4a5b',
    reference: 'H-2026-00042',
    stage: 'enquiry',
    origin: 'inbound_call',
    clientName: 'Jordan Ellis',
    dateOfBirth: '1990-05-17',
    callerName: 'Jordan Ellis',
    callerRelation: 'self',
    relationDetail: null,
    phone: '+447400123456',
    email: null,
    postcode: null,
    region: null,
    preferredContactTimes: null,
    safeToLeaveVoicemail: null,
    safeToSayWhoWeAre: null,
    substances: [],
    urgencyReason: null,
    consentToContact: true,
    consentToContactText: 'I agree to Harbour Referrals calling me.',
    consentToHealthData: true,
    consentToHealthDataText: 'I agree to Harbour Referrals recording what I share about health.',
    consentedAt: new Date('2026-11-27T10:00:00Z'),
    healthDataConsentAt: null,
    assessment: null,
    riskLevel: null,
    severity: null,
    criteriaMet: null,
    isDualDiagnosis: false,
    assessmentComplete: false,
    fundingRoute: null,
    budgetMinPence: null,
    budgetMaxPence: null,
    insurer: null,
    policyNumber: null,
    isPolicyNumberMasked: false,
    erasedAt: null,
    contactWithdrawnOn: null,
    contactWithdrawnVia: null,
    contactWithdrawnByName: null,
    whoPays: null,
    financeNotes: null,
    nextAction: null,
    nextActionDueAt: null,
    closureReason: null,
    assignedAdviserId: 'user-1',
    assignedAdviserName: 'Amira Shah',
    stageChangedAt: new Date('2026-11-27T10:00:00Z'),
    openedAt: new Date('2026-11-27T10:00:00Z'),
    version: 1,
    contactVersion: 1,
    assessmentVersion: 1,
    financesVersion: 1,
    canChange: true,
    notes: [],
    openCrisis: null,
    stageFacts: {
      stage: 'enquiry',
      contactMade: true,
      consentsRecorded: true,
      assessmentGaps: ['no primary substance chosen'],
      fundingRouteSet: false,
      hasConfirmedPlacement: false,
      activePlacement: null,
      placementDischarged: false,
      lastCheckInDone: false,
      hasOpenCrisis: false,
    },
    placements: [],
    aftercare: { plan: null, checkIns: [] },
    ...overrides,
  };
}
