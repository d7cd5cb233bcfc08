import type { DischargeOutcome } from '@harbour/shared/placements';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import type { SessionUser } from '../trpc/context';
import { assessedCase } from './clinics';
import { callerFor } from './factories';

/** How far a placement goes, and when; days are London days that have passed. */
export interface PlacementPlan {
  clinicId: string;
  proposedAt: Date;
  lengthDays?: number;
  weeklyPricePence?: number;
  /** Confirmed with the clinic (the fee fixed) without being admitted. */
  confirmed?: boolean;
  admittedOn?: string;
  discharge?: { on: string; outcome: DischargeOutcome };
  cancelled?: boolean;
}

/**
 * An assessed case (Chris Morgan, heroin, self-funded, North West) placed by `adviser` through
 * the services, step by step, as far as the plan says. Returns the case and placement ids.
 */
export async function placedCase(db: Kysely<Database>, adviser: SessionUser, plan: PlacementPlan) {
  const caseId = await assessedCase(db, adviser, plan.proposedAt);
  const caller = callerFor(db, adviser, { now: plan.proposedAt });
  const { id, version: proposedVersion } = await caller.placements.propose({
    caseId,
    clinicId: plan.clinicId,
    programme: 'residential_rehab',
    lengthDays: plan.lengthDays ?? 28,
    weeklyPricePence: plan.weeklyPricePence ?? 350_000,
  });
  let version = proposedVersion;
  if (plan.confirmed || plan.admittedOn) ({ version } = await caller.placements.confirm({ id, version }));
  if (plan.admittedOn) ({ version } = await caller.placements.admit({ id, version, admittedOn: plan.admittedOn }));
  if (plan.discharge) ({ version } = await caller.placements.discharge({ id, version, dischargedOn: plan.discharge.on, outcome: plan.discharge.outcome }));
  if (plan.cancelled) await caller.placements.cancel({ id, version, reason: 'Chose another clinic' });
  return { caseId, placementId: id };
}
