import { addDays, checkInTiming } from '@harbour/shared/aftercare';
import type { RouterOutputs } from '../../../lib/trpc';

type CaseRecord = RouterOutputs['cases']['byReference'];
export type CheckIn = CaseRecord['aftercare']['checkIns'][number];

/** The check-ins booked at one discharge, with the clinic the client left and when. */
export interface Schedule {
  placementId: string;
  clinicName: string | null;
  dischargedOn: string;
  checkIns: CheckIn[];
}

/**
 * A case's check-ins by discharge, newest discharge first. A case reopened after a relapse and
 * placed again has a schedule per discharge; only the newest one is still worked, as the
 * server's check-in list has it.
 */
export function schedulesOf(record: Pick<CaseRecord, 'placements' | 'aftercare'>): Schedule[] {
  const byPlacement = new Map<string, CheckIn[]>();
  for (const checkIn of record.aftercare.checkIns) {
    byPlacement.set(checkIn.placementId, [...(byPlacement.get(checkIn.placementId) ?? []), checkIn]);
  }
  // Placements arrive newest first; one missing from them (it never should be) goes last.
  const rank = (placementId: string) => {
    const index = record.placements.findIndex((placement) => placement.id === placementId);
    return index === -1 ? record.placements.length : index;
  };
  return [...byPlacement.entries()]
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([placementId, checkIns]) => {
      const placement = record.placements.find((candidate) => candidate.id === placementId);
      const first = checkIns[0]!;
      return {
        placementId,
        clinicName: placement?.clinicName ?? null,
        dischargedOn: placement?.dischargedOn ?? addDays(first.dueOn, -first.daysAfter),
        checkIns,
      };
    });
}

/** The earliest check-in not yet made that is due today or overdue: the call to make now. */
export function checkInToMake(schedule: Schedule | undefined, now: Date): CheckIn | undefined {
  return schedule?.checkIns.find((checkIn) => checkIn.outcome === null && checkInTiming(checkIn.dueOn, now) !== 'upcoming');
}

/** The first check-in still to come, to say when the next call is. */
export function checkInComingUp(schedule: Schedule | undefined, now: Date): CheckIn | undefined {
  return schedule?.checkIns.find((checkIn) => checkIn.outcome === null && checkInTiming(checkIn.dueOn, now) === 'upcoming');
}

/** The check-in made most recently, by when it was recorded. */
export function latestRecorded(schedule: Schedule | undefined): CheckIn | undefined {
  return schedule?.checkIns
    .filter((checkIn) => checkIn.recordedAt !== null)
    .reduce<CheckIn | undefined>((latest, checkIn) => (!latest || checkIn.recordedAt! > latest.recordedAt! ? checkIn : latest), undefined);
}
