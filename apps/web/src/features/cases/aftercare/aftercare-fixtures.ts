import { addDays, CHECK_IN_DAYS } from '@harbour/shared/aftercare';
import { londonDayOf } from '@harbour/shared/london-day';
import type { RouterOutputs } from '../../../lib/trpc';
import { caseRecordFixture, placementFactsOf } from '../../../test/case-record';

type CaseRecord = RouterOutputs['cases']['byReference'];
type Placement = CaseRecord['placements'][number];
type CheckIn = CaseRecord['aftercare']['checkIns'][number];

/** A London day `offset` days from today, as the server stores it. */
export const dayFromToday = (offset: number) => addDays(londonDayOf(new Date()), offset);

export function dischargedPlacement(id: string, clinicName: string, dischargedOn: string): Placement {
  return {
    id,
    version: 4,
    status: 'discharged',
    programme: 'residential_rehab',
    lengthDays: 28,
    weeklyPricePence: 950_000,
    feeTerms: { kind: 'percentage', percent: 10 },
    feePence: 380_000,
    proposedAt: new Date(`${addDays(dischargedOn, -40)}T10:00:00Z`),
    proposedByName: 'Amira Shah',
    confirmedAt: new Date(`${addDays(dischargedOn, -35)}T10:00:00Z`),
    confirmedByName: 'Amira Shah',
    admittedOn: addDays(dischargedOn, -28),
    admittedByName: 'Amira Shah',
    dischargedOn,
    dischargeOutcome: 'completed',
    dischargedByName: 'Amira Shah',
    cancelledAt: null,
    cancelReason: null,
    cancelledByName: null,
    clinicId: `${id.slice(0, -1)}9`,
    clinicName,
    clinicTown: 'Hebden Bridge',
    clinicRegion: 'yorkshire_and_the_humber',
    clinicPhone: '+441422000000',
    clinicBedsAvailable: 3,
  };
}

/** The five check-ins booked at a discharge, none made yet; ids are uuids, as the schema wants. */
export function scheduleFor(placementId: string, dischargedOn: string, idPrefix = 'c0000000-0000-4000-8000-0000000000'): CheckIn[] {
  return CHECK_IN_DAYS.map((daysAfter, index) => ({
    id: `${idPrefix}${String(index).padStart(2, '0')}`,
    version: 1,
    placementId,
    daysAfter,
    dueOn: addDays(dischargedOn, daysAfter),
    outcome: null,
    notes: null,
    recordedAt: null,
    recordedByName: null,
  }));
}

export const PLACEMENT_ID = 'b0000000-0000-4000-8000-000000000001';

/** A case in Aftercare, discharged from Pennine Lodge `daysAgo` days ago; `change` edits its check-ins. */
export function aftercareCase(daysAgo: number, change: (checkIns: CheckIn[]) => CheckIn[] = (checkIns) => checkIns, overrides: Partial<CaseRecord> = {}) {
  const dischargedOn = dayFromToday(-daysAgo);
  const placements = [dischargedPlacement(PLACEMENT_ID, 'Pennine Lodge', dischargedOn)];
  return caseRecordFixture({
    stage: 'aftercare',
    version: 7,
    stageFacts: { ...caseRecordFixture().stageFacts, stage: 'aftercare', ...placementFactsOf(placements) },
    placements,
    aftercare: { plan: null, checkIns: change(scheduleFor(PLACEMENT_ID, dischargedOn)) },
    ...overrides,
  });
}

export function recorded(checkIn: CheckIn, outcome: NonNullable<CheckIn['outcome']>, notes: string | null = null): CheckIn {
  return { ...checkIn, outcome, notes, version: 2, recordedAt: new Date('2027-01-05T14:05:00Z'), recordedByName: 'Amira Shah' };
}
