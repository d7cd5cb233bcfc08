import { describe, expect, it } from 'vitest';
import { JULY_MORNING, openCase } from '../../test/cases';
import { addClinic, assessedCase } from '../../test/clinics';
import { callerFor, createUser } from '../../test/factories';
import { useTestDatabase } from '../../test/test-database';
import { rejectionOf } from '../../test/trpc-errors';

const db = useTestDatabase();

const LATER = new Date('2026-07-20T10:00:00Z');
const proposal = (caseId: string, clinicId: string) => ({ caseId, clinicId, programme: 'residential_rehab' as const, lengthDays: 28, weeklyPricePence: 350_000 });

async function setting() {
  const manager = await createUser(db(), { role: 'manager' });
  const adviser = await createUser(db(), { fullName: 'Amira Shah' });
  const clinic = await addClinic(db(), manager);
  const caseId = await assessedCase(db(), adviser);
  return { manager, adviser, clinic, caseId, caller: callerFor(db(), adviser, { now: JULY_MORNING }) };
}

const bedsOf = async (clinicId: string) =>
  (await db().selectFrom('clinics').select('beds_available').where('id', '=', clinicId).executeTakeFirstOrThrow()).beds_available;
const stageOf = async (caseId: string) => (await db().selectFrom('cases').select('stage').where('id', '=', caseId).executeTakeFirstOrThrow()).stage;

describe('a placement from proposal to discharge', () => {
  it('freezes the fee at confirmation, takes a bed at admission and frees it at discharge, moving the case on each time', async () => {
    const { adviser, clinic, caseId, caller } = await setting();

    const proposed = await caller.placements.propose(proposal(caseId, clinic.id));
    // 28 days at £3,500 a week is £14,000; the clinic pays 10%.
    const confirmed = await caller.placements.confirm({ id: proposed.id, version: proposed.version });
    expect(confirmed.feePence).toBe(140_000);
    expect(await stageOf(caseId)).toBe('assessment');

    const admitted = await caller.placements.admit({ id: proposed.id, version: confirmed.version, admittedOn: '15/07/2026' });
    expect(await stageOf(caseId)).toBe('placement');
    expect(await bedsOf(clinic.id)).toBe(3);

    await callerFor(db(), adviser, { now: LATER }).placements.discharge({ id: proposed.id, version: admitted.version, dischargedOn: '2026-07-18', outcome: 'completed' });
    expect(await stageOf(caseId)).toBe('aftercare');
    expect(await bedsOf(clinic.id)).toBe(4);

    const row = await db().selectFrom('placements').selectAll().where('id', '=', proposed.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'discharged', admitted_on: '2026-07-15', discharged_on: '2026-07-18', discharge_outcome: 'completed', fee_pence: 140_000 });
    const checkIns = await db().selectFrom('aftercare_check_ins').select(['days_after', 'due_on']).where('case_id', '=', caseId).orderBy('days_after').execute();
    expect(checkIns).toEqual([
      { days_after: 7, due_on: '2026-07-25' },
      { days_after: 30, due_on: '2026-08-17' },
      { days_after: 90, due_on: '2026-10-16' },
      { days_after: 180, due_on: '2027-01-14' },
      { days_after: 365, due_on: '2027-07-18' },
    ]);
  });

  it('puts every step on the case timeline and in the audit trail, with the stage moves it caused', async () => {
    const { adviser, clinic, caseId, caller } = await setting();
    const proposed = await caller.placements.propose(proposal(caseId, clinic.id));
    const confirmed = await caller.placements.confirm(proposed);
    const admitted = await caller.placements.admit({ id: proposed.id, version: confirmed.version, admittedOn: '2026-07-14' });
    await caller.placements.discharge({ id: proposed.id, version: admitted.version, dischargedOn: '2026-07-14', outcome: 'left_early' });

    const timeline = await caller.cases.timeline({ id: caseId });
    const kinds = timeline.flatMap((entry) => (entry.type === 'event' ? [entry.kind] : []));
    expect(kinds).toEqual(expect.arrayContaining(['placement_proposed', 'placement_confirmed', 'placement_admitted', 'placement_discharged']));
    const moves = await db().selectFrom('case_events').select('details').where('case_id', '=', caseId).where('kind', '=', 'stage_moved').orderBy('occurred_at').execute();
    expect(moves.map((move) => move.details)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ from: 'assessment', to: 'placement', reason: `Admitted to ${clinic.name}` }),
        expect.objectContaining({ from: 'placement', to: 'aftercare', reason: `Discharged from ${clinic.name}` }),
      ]),
    );
    const audit = await db().selectFrom('audit_events').select(['action', 'actor_user_id']).where('entity_id', '=', caseId).where('action', 'like', 'placements.%').execute();
    expect(audit.map((entry) => entry.action).sort()).toEqual(['placements.admitted', 'placements.confirmed', 'placements.discharged', 'placements.proposed']);
    expect(audit.every((entry) => entry.actor_user_id === adviser.id)).toBe(true);
  });
});

describe('one placement at a time', () => {
  it('refuses a second proposal while one is on the go, naming the clinic and who proposed it', async () => {
    const { manager, clinic, caseId, caller } = await setting();
    const other = await addClinic(db(), manager, { name: 'Larch Lodge' });
    const first = await caller.placements.propose(proposal(caseId, clinic.id));

    const refused = await rejectionOf(caller.placements.propose(proposal(caseId, other.id)));
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toContain(`already has a placement at ${clinic.name} (proposed), proposed by Amira Shah`);

    await caller.placements.cancel({ id: first.id, version: first.version, reason: 'The family chose somewhere nearer' });
    await expect(caller.placements.propose(proposal(caseId, other.id))).resolves.toMatchObject({ version: 1 });
  });

  it('of two advisers proposing at the same moment, one wins and the other is told', async () => {
    const { manager, clinic, caseId, caller } = await setting();
    const other = await addClinic(db(), manager, { name: 'Larch Lodge' });
    const teamLead = await createUser(db(), { role: 'team_lead' });
    const results = await Promise.allSettled([
      caller.placements.propose(proposal(caseId, clinic.id)),
      callerFor(db(), teamLead, { now: JULY_MORNING }).placements.propose(proposal(caseId, other.id)),
    ]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const active = await db().selectFrom('placements').select('id').where('case_id', '=', caseId).execute();
    expect(active).toHaveLength(1);
  });
});

describe('the fee', () => {
  it('stays as confirmed when the clinic’s terms change later; new confirmations use the new terms', async () => {
    const { manager, adviser, clinic, caseId, caller } = await setting();
    const first = await caller.placements.propose(proposal(caseId, clinic.id));
    await caller.placements.confirm(first);

    const { id, version, bedsConfirmedByName: _by, bedsConfirmedAt: _at, updatedAt: _updated, isDemo: _demo, ...fields } = await callerFor(db(), manager).clinics.byId({ id: clinic.id });
    await callerFor(db(), manager).clinics.update({ id, version, clinic: { ...fields, email: fields.email ?? undefined, feeTerms: { kind: 'fixed', pence: 250_000 } } });

    const frozen = await db().selectFrom('placements').select(['fee_pence', 'fee_terms']).where('id', '=', first.id).executeTakeFirstOrThrow();
    expect(frozen).toEqual({ fee_pence: 140_000, fee_terms: { kind: 'percentage', percent: 10 } });

    const secondCase = await assessedCase(db(), adviser);
    const second = await caller.placements.propose(proposal(secondCase, clinic.id));
    await expect(caller.placements.confirm(second)).resolves.toMatchObject({ feePence: 250_000 });
  });
});

describe('beds', () => {
  it('never go below none or above the total', async () => {
    const { manager, caseId, caller } = await setting();
    const full = await addClinic(db(), manager, { bedsTotal: 2, bedsAvailable: 0 });
    const proposed = await caller.placements.propose(proposal(caseId, full.id));
    const confirmed = await caller.placements.confirm(proposed);
    const admitted = await caller.placements.admit({ id: proposed.id, version: confirmed.version, admittedOn: '2026-07-14' });
    expect(await bedsOf(full.id)).toBe(0);
    await callerFor(db(), manager, { now: JULY_MORNING }).clinics.confirmBeds({ id: full.id, available: 2 });
    await caller.placements.discharge({ id: proposed.id, version: admitted.version, dischargedOn: '2026-07-14', outcome: 'completed' });
    expect(await bedsOf(full.id)).toBe(2);
  });
});

describe('bad input, named by field, and nothing stored', () => {
  it.each([
    ['a weekly price outside the clinic’s range', { weeklyPricePence: 100_000 }, 'weeklyPricePence', 'within'],
    ['a length the clinic does not offer', { lengthDays: 42 }, 'lengthDays', 'offers programmes of 28, 56 days'],
    ['a programme the clinic does not offer', { programme: 'outpatient' as const }, 'programme', 'does not offer outpatient treatment'],
    ['a negative price', { weeklyPricePence: -1 }, 'weeklyPricePence', 'Weekly price cannot be negative'],
  ])('refuses %s', async (_what, change, field, words) => {
    const { clinic, caseId, caller } = await setting();
    const refused = await rejectionOf(caller.placements.propose({ ...proposal(caseId, clinic.id), ...change }));
    expect(refused.code).toBe('BAD_REQUEST');
    expect(refused.fieldErrors?.[field]).toContain(words);
    expect(await db().selectFrom('placements').select('id').execute()).toEqual([]);
  });

  it('refuses an admission in the future or a discharge before the admission, and takes one written up late', async () => {
    const { clinic, caseId, caller } = await setting();
    const proposed = await caller.placements.propose(proposal(caseId, clinic.id));
    const confirmed = await caller.placements.confirm(proposed);
    const step = { id: proposed.id, version: confirmed.version };

    expect((await rejectionOf(caller.placements.admit({ ...step, admittedOn: '01/01/2099' }))).fieldErrors).toEqual({
      admittedOn: 'Admission date cannot be in the future',
    });
    expect((await rejectionOf(caller.placements.admit({ ...step, admittedOn: '31/02/2026' }))).fieldErrors?.admittedOn).toContain('day/month/year');

    // Proposed on 14 July, but the client went in on the 10th: written up after the fact.
    const admitted = await caller.placements.admit({ ...step, admittedOn: '10/07/2026' });
    const early = await rejectionOf(caller.placements.discharge({ id: proposed.id, version: admitted.version, dischargedOn: '09/07/2026', outcome: 'completed' }));
    expect(early.fieldErrors).toEqual({ dischargedOn: 'Discharge date cannot be before the admission date' });
    expect(await stageOf(caseId)).toBe('placement');
  });

  it('asks for the case to be in Assessment before a clinic is proposed', async () => {
    const { manager, adviser } = await setting();
    const clinic = await addClinic(db(), manager);
    const { id } = await openCase(db(), adviser, {}, JULY_MORNING);
    const refused = await rejectionOf(callerFor(db(), adviser, { now: JULY_MORNING }).placements.propose(proposal(id, clinic.id)));
    expect(refused.message).toBe('Move the case to Assessment before proposing a clinic');
  });

  it('will not admit while the case is missing its funding route, and says so', async () => {
    const { clinic, caseId, caller } = await setting();
    const finances = await db().selectFrom('cases').select('finances_version').where('id', '=', caseId).executeTakeFirstOrThrow();
    await caller.cases.updateFinances({ id: caseId, version: finances.finances_version, finances: { fundingRoute: 'undecided' } });
    const proposed = await caller.placements.propose(proposal(caseId, clinic.id));
    const confirmed = await caller.placements.confirm(proposed);
    const refused = await rejectionOf(caller.placements.admit({ id: proposed.id, version: confirmed.version, admittedOn: '2026-07-14' }));
    expect(refused.message).toBe('The case cannot move to Placement yet: No funding route set in Finances');
    expect(await bedsOf(clinic.id)).toBe(4);
  });
});

describe('a placement on the go holds the case open', () => {
  it('refuses to close the case until the placement is cancelled or the client discharged', async () => {
    const { clinic, caseId, caller } = await setting();
    const proposed = await caller.placements.propose(proposal(caseId, clinic.id));
    const version = async () => (await db().selectFrom('cases').select('version').where('id', '=', caseId).executeTakeFirstOrThrow()).version;
    const refused = await rejectionOf(caller.cases.moveStage({ id: caseId, version: await version(), to: 'closed', closureReason: 'declined' }));
    expect(refused.fieldErrors).toEqual({ to: 'A placement is proposed or confirmed: cancel it before closing the case' });
    await caller.placements.cancel({ ...proposed, reason: 'Declined the place' });
    await caller.cases.moveStage({ id: caseId, version: await version(), to: 'closed', closureReason: 'declined' });
    expect(await stageOf(caseId)).toBe('closed');
  });
});

describe('who may take a step', () => {
  it('tells the second of two advisers that the step was taken, and by whom', async () => {
    const { adviser, clinic, caseId, caller } = await setting();
    const proposed = await caller.placements.propose(proposal(caseId, clinic.id));
    await callerFor(db(), adviser, { now: LATER }).placements.confirm(proposed);
    const stale = await rejectionOf(caller.placements.cancel({ ...proposed, reason: 'Changed their mind' }));
    expect(stale.code).toBe('CONFLICT');
    expect(stale.message).toMatch(/^This placement changed after you opened it: Amira Shah confirmed it at 20\/07\/2026 11:00\./);
  });

  it('keeps advisers to their own cases, and team leads to any', async () => {
    const { clinic, caseId } = await setting();
    const colleague = await createUser(db());
    const refused = await rejectionOf(callerFor(db(), colleague, { now: JULY_MORNING }).placements.propose(proposal(caseId, clinic.id)));
    expect(refused.code).toBe('FORBIDDEN');
    const teamLead = await createUser(db(), { role: 'team_lead' });
    await expect(callerFor(db(), teamLead, { now: JULY_MORNING }).placements.propose(proposal(caseId, clinic.id))).resolves.toBeDefined();
  });

  it('refuses anyone signed out', async () => {
    const { clinic, caseId } = await setting();
    expect((await rejectionOf(callerFor(db(), null).placements.propose(proposal(caseId, clinic.id)))).code).toBe('UNAUTHORIZED');
  });
});
