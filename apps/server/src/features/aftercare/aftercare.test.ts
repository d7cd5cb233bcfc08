import { describe, expect, it } from 'vitest';
import { JULY_MORNING, openCase } from '../../test/cases';
import { addClinic, assessedCase } from '../../test/clinics';
import { callerFor, createUser, type TestUser } from '../../test/factories';
import { useTestDatabase } from '../../test/test-database';
import { rejectionOf } from '../../test/trpc-errors';

const db = useTestDatabase();

/** A case whose client left the clinic on 18 July 2026, with its check-ins booked. */
async function dischargedCase(adviser: TestUser, dischargedOn = '2026-07-18') {
  const manager = await createUser(db(), { role: 'manager' });
  const clinic = await addClinic(db(), manager, { name: 'Oakwood Grange' });
  const caseId = await assessedCase(db(), adviser);
  const caller = callerFor(db(), adviser, { now: JULY_MORNING });
  const proposed = await caller.placements.propose({ caseId, clinicId: clinic.id, programme: 'residential_rehab', lengthDays: 28, weeklyPricePence: 350_000 });
  const confirmed = await caller.placements.confirm(proposed);
  const admitted = await caller.placements.admit({ id: proposed.id, version: confirmed.version, admittedOn: '2026-07-14' });
  await caller.placements.discharge({ id: proposed.id, version: admitted.version, dischargedOn, outcome: 'completed' });
  return caseId;
}

const checkInsOf = (caseId: string) =>
  db().selectFrom('aftercare_check_ins').select(['id', 'version', 'days_after', 'due_on', 'outcome']).where('case_id', '=', caseId).orderBy('days_after').execute();
const caseRow = (caseId: string) => db().selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirstOrThrow();

describe('the aftercare plan', () => {
  it('is saved with its version, and the second of two advisers saving is told who saved first', async () => {
    const adviser = await createUser(db(), { fullName: 'Amira Shah' });
    const caseId = await dischargedCase(adviser);
    const teamLead = await createUser(db(), { role: 'team_lead' });
    const plan = { supportGroups: ['narcotics_anonymous' as const, 'smart_recovery' as const], localServices: 'Change Grow Live, Preston', therapy: 'Weekly CBT' };
    await expect(callerFor(db(), adviser, { now: JULY_MORNING }).aftercare.savePlan({ caseId, version: 0, plan })).resolves.toEqual({ version: 1 });
    const refused = await rejectionOf(callerFor(db(), teamLead).aftercare.savePlan({ caseId, version: 0, plan: { supportGroups: [] } }));
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toContain('Amira Shah saved the aftercare plan at 14/07/2026 10:05');

    const seen = await callerFor(db(), teamLead).cases.byReference({ reference: (await caseRow(caseId)).reference });
    expect(seen.aftercare.plan).toMatchObject({ version: 1, supportGroups: ['narcotics_anonymous', 'smart_recovery'], therapy: 'Weekly CBT', updatedByName: 'Amira Shah' });
    await expect(callerFor(db(), teamLead).aftercare.savePlan({ caseId, version: 1, plan: { supportGroups: [] } })).resolves.toEqual({ version: 2 });
  });

  it('waits for a placement: an enquiry has no aftercare yet', async () => {
    const adviser = await createUser(db());
    const { id } = await openCase(db(), adviser);
    const refused = await rejectionOf(callerFor(db(), adviser).aftercare.savePlan({ caseId: id, version: 0, plan: { supportGroups: [] } }));
    expect(refused.message).toBe('An aftercare plan is made once the client is in a placement or in aftercare');
  });
});

describe('check-ins', () => {
  it('records how the client is doing, once: a second recording is told who recorded it', async () => {
    const adviser = await createUser(db(), { fullName: 'Amira Shah' });
    const caseId = await dischargedCase(adviser);
    const [first] = await checkInsOf(caseId);
    const at = new Date('2026-07-25T09:30:00Z');
    await callerFor(db(), adviser, { now: at }).aftercare.recordCheckIn({ id: first!.id, version: first!.version, outcome: 'well', notes: 'Going to NA twice a week' });
    const refused = await rejectionOf(callerFor(db(), adviser).aftercare.recordCheckIn({ id: first!.id, version: first!.version, outcome: 'struggling' }));
    expect(refused.message).toBe('Amira Shah recorded "Doing well" for this check-in at 25/07/2026 10:30. Reload to see it.');
    const audit = await db().selectFrom('audit_events').select('details').where('action', '=', 'aftercare.check_in_recorded').executeTakeFirstOrThrow();
    // The audit trail says what kind of answer it was, never the adviser's notes.
    expect(audit.details).toEqual({ checkInId: first!.id, daysAfter: 7, outcome: 'well', timing: 'due_today' });
  });

  it('puts a relapse in front of a team lead, who can reopen the case for a new assessment with a reason', async () => {
    const adviser = await createUser(db());
    const caseId = await dischargedCase(adviser);
    const [first] = await checkInsOf(caseId);
    const now = new Date('2026-07-26T09:00:00Z');
    await callerFor(db(), adviser, { now }).aftercare.recordCheckIn({ id: first!.id, version: first!.version, outcome: 'relapsed' });
    const afterRelapse = await caseRow(caseId);
    expect(afterRelapse).toMatchObject({ stage: 'aftercare', next_action_due_at: now });
    expect(afterRelapse.next_action).toContain('a team lead to decide on reopening');

    const refused = await rejectionOf(callerFor(db(), adviser, { now }).cases.moveStage({ id: caseId, version: afterRelapse.version, to: 'assessment', reason: 'Relapsed' }));
    expect(refused.fieldErrors).toEqual({ to: 'Only a team lead can move a case back a stage' });
    const teamLead = await createUser(db(), { role: 'team_lead' });
    await callerFor(db(), teamLead, { now }).cases.moveStage({ id: caseId, version: afterRelapse.version, to: 'assessment', reason: 'Relapsed after 7 days; wants to go back in' });
    // Reopening answers the relapse: the decision leaves the case's next action.
    expect(await caseRow(caseId)).toMatchObject({ stage: 'assessment', next_action: null, next_action_due_at: null });
  });

  it('does not let a relapse at the last check-in close the case as completed', async () => {
    const adviser = await createUser(db());
    const caseId = await dischargedCase(adviser);
    const last = (await checkInsOf(caseId)).at(-1)!;
    await callerFor(db(), adviser, { now: JULY_MORNING }).aftercare.recordCheckIn({ id: last.id, version: last.version, outcome: 'relapsed' });
    const row = await caseRow(caseId);
    const refused = await rejectionOf(callerFor(db(), adviser).cases.moveStage({ id: caseId, version: row.version, to: 'closed', closureReason: 'completed' }));
    expect(refused.fieldErrors).toEqual({ to: 'The last aftercare check-in is not done yet; a team lead can decide to close' });
  });

  it('refuses a check-in left over from an earlier discharge once the client is placed again', async () => {
    const adviser = await createUser(db());
    const caseId = await dischargedCase(adviser);
    const [earlier] = await checkInsOf(caseId);
    const teamLead = await createUser(db(), { role: 'team_lead' });
    await callerFor(db(), teamLead).cases.moveStage({ id: caseId, version: (await caseRow(caseId)).version, to: 'assessment', reason: 'Relapsed' });
    const manager = await createUser(db(), { role: 'manager' });
    const clinic = await addClinic(db(), manager, { name: 'Second Chance House' });
    const caller = callerFor(db(), adviser, { now: new Date('2026-07-20T10:00:00Z') });
    const proposed = await caller.placements.propose({ caseId, clinicId: clinic.id, programme: 'residential_rehab', lengthDays: 28, weeklyPricePence: 350_000 });
    const confirmed = await caller.placements.confirm(proposed);
    const admitted = await caller.placements.admit({ id: proposed.id, version: confirmed.version, admittedOn: '2026-07-20' });
    await caller.placements.discharge({ id: proposed.id, version: admitted.version, dischargedOn: '2026-07-21', outcome: 'completed' });
    const refused = await rejectionOf(caller.aftercare.recordCheckIn({ id: earlier!.id, version: earlier!.version, outcome: 'well' }));
    expect(refused.message).toBe('This check-in belongs to an earlier discharge; record the ones booked for the latest');
  });

  it('lets the case close as completed only once the 365-day check-in is done', async () => {
    const adviser = await createUser(db());
    const caseId = await dischargedCase(adviser);
    const caller = callerFor(db(), adviser, { now: JULY_MORNING });
    const close = async () => caller.cases.moveStage({ id: caseId, version: (await caseRow(caseId)).version, to: 'closed', closureReason: 'completed' });
    expect((await rejectionOf(close())).fieldErrors).toEqual({ to: 'The last aftercare check-in is not done yet; a team lead can decide to close' });
    const last = (await checkInsOf(caseId)).at(-1)!;
    await caller.aftercare.recordCheckIn({ id: last.id, version: last.version, outcome: 'well' });
    await close();
    expect(await caseRow(caseId)).toMatchObject({ stage: 'closed', closure_reason: 'completed' });
  });

  it('lists those due today or overdue on the London calendar, for my cases or everyone’s', async () => {
    const mine = await createUser(db());
    const colleague = await createUser(db());
    const myCase = await dischargedCase(mine, '2026-07-18');
    const theirCase = await dischargedCase(colleague, '2026-07-19');
    // 00:30 on 26 July in London, still 25 July in UTC: my 7-day check-in (due 25 July) is
    // overdue, theirs (due 26 July) due today; nothing else is due yet.
    const now = new Date('2026-07-25T23:30:00Z');
    const all = await callerFor(db(), mine, { now }).aftercare.dueCheckIns({ scope: 'all' });
    expect(all.map((row) => [row.caseId, row.daysAfter, row.dueOn, row.timing])).toEqual([
      [myCase, 7, '2026-07-25', 'overdue'],
      [theirCase, 7, '2026-07-26', 'due_today'],
    ]);
    const onlyMine = await callerFor(db(), mine, { now }).aftercare.dueCheckIns({ scope: 'mine' });
    expect(onlyMine.map((row) => row.caseId)).toEqual([myCase]);
    const audit = await db().selectFrom('audit_events').select('details').where('action', '=', 'aftercare.check_ins_listed').execute();
    expect(audit).toHaveLength(2);
  });

  it('drops a case’s check-ins from the list once it is reopened', async () => {
    const adviser = await createUser(db());
    const caseId = await dischargedCase(adviser);
    const teamLead = await createUser(db(), { role: 'team_lead' });
    await callerFor(db(), teamLead).cases.moveStage({ id: caseId, version: (await caseRow(caseId)).version, to: 'assessment', reason: 'Relapsed' });
    const due = await callerFor(db(), adviser, { now: new Date('2026-08-30T12:00:00Z') }).aftercare.dueCheckIns({ scope: 'all' });
    expect(due).toEqual([]);
  });

  it('drops a case’s check-ins from the list once the person withdraws consent to be contacted', async () => {
    const adviser = await createUser(db());
    const caseId = await dischargedCase(adviser);
    const manager = await createUser(db(), { role: 'manager' });
    const { reference } = await caseRow(caseId);
    await callerFor(db(), manager, { now: JULY_MORNING }).privacy.withdrawContactConsent({ reference, withdrawnOn: '20/07/2026', via: 'phone' });
    const due = await callerFor(db(), adviser, { now: new Date('2026-08-30T12:00:00Z') }).aftercare.dueCheckIns({ scope: 'all' });
    expect(due).toEqual([]);
  });

  it('keeps advisers to their own cases', async () => {
    const adviser = await createUser(db());
    const caseId = await dischargedCase(adviser);
    const [first] = await checkInsOf(caseId);
    const colleague = await createUser(db());
    expect((await rejectionOf(callerFor(db(), colleague).aftercare.recordCheckIn({ id: first!.id, version: 1, outcome: 'well' }))).code).toBe('FORBIDDEN');
    expect((await checkInsOf(caseId))[0]!.outcome).toBeNull();
  });
});
