import type { ClinicInput } from '@harbour/shared/clinics';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import type { SessionUser } from '../trpc/context';
import { assessmentInput, JULY_MORNING, openCase } from './cases';
import { callerFor } from './factories';

let locationSequence = 100_000;

/** A clinic a manager would add: residential rehab and detox in the North West, 4 of 12 beds free. */
export function clinicInput(overrides: Partial<ClinicInput> = {}): ClinicInput {
  locationSequence += 1;
  return {
    name: `Brookfield House ${locationSequence}`,
    regulator: 'cqc',
    locationId: `1-${locationSequence}`,
    rating: 'good',
    region: 'north_west',
    town: 'Preston',
    postcode: 'PR1 2HE',
    phone: '0161 496 0123',
    email: 'admissions@brookfield.example',
    services: ['medically_managed_detox', 'residential_rehab'],
    substances: ['alcohol', 'heroin', 'cocaine'],
    isDualDiagnosisCapable: true,
    programmeLengthsDays: [28, 56],
    weeklyPriceMinPence: 350_000,
    weeklyPriceMaxPence: 500_000,
    fundingRoutes: ['self_funded', 'family', 'private_medical_insurance'],
    bedsTotal: 12,
    bedsAvailable: 4,
    feeTerms: { kind: 'percentage', percent: 10 },
    isActive: true,
    ...overrides,
  };
}

export async function addClinic(db: Kysely<Database>, manager: SessionUser, overrides: Partial<ClinicInput> = {}, now = JULY_MORNING) {
  return callerFor(db, manager, { now }).clinics.create(clinicInput(overrides));
}

// Placement steps take days that have happened (checked against the real clock), so these
// helpers work in July 2026 rather than on the callbacks' Tuesday in December.

/**
 * A case ready for a placement, as an adviser leaves it: assessed (heroin, injected, complete),
 * self-funded with a £20,000 budget, in the North West, moved to Assessment. Returns its id.
 */
export async function assessedCase(db: Kysely<Database>, adviser: SessionUser, now = JULY_MORNING): Promise<string> {
  const { id } = await openCase(db, adviser, {}, now);
  const caller = callerFor(db, adviser, { now });
  await caller.cases.updateContact({
    id,
    version: 1,
    contact: { callerName: 'Pat Morgan', callerRelation: 'loved_one', clientName: 'Chris Morgan', phone: '07400 123456', region: 'north_west' },
  });
  await caller.cases.updateAssessment(assessmentInput(id, 1));
  await caller.cases.updateFinances({ id, version: 1, finances: { fundingRoute: 'self_funded', budgetMaxPence: 2_000_000 } });
  await caller.cases.moveStage({ id, version: 1, to: 'assessment' });
  return id;
}
