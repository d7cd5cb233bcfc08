import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { JULY_MORNING } from '../../test/cases';
import { addClinic, assessedCase } from '../../test/clinics';
import { callerFor, createUser } from '../../test/factories';
import { useTestDatabase } from '../../test/test-database';
import { rejectionOf } from '../../test/trpc-errors';

const db = useTestDatabase();

const LATER = new Date('2026-07-20T10:00:00Z');

/** Everything a discharge writes: the bed count, the placement, check-ins, timeline, audit, the case. */
async function snapshot(caseId: string, placementId: string, clinicId: string) {
  const [clinic, placement, kase, checkIns, events, audits] = await Promise.all([
    db().selectFrom('clinics').select('beds_available').where('id', '=', clinicId).executeTakeFirstOrThrow(),
    db().selectFrom('placements').select(['status', 'version', 'discharged_on', 'discharge_outcome']).where('id', '=', placementId).executeTakeFirstOrThrow(),
    db().selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirstOrThrow(),
    db().selectFrom('aftercare_check_ins').select(sql<number>`count(*)`.as('count')).where('case_id', '=', caseId).executeTakeFirstOrThrow(),
    db().selectFrom('case_events').select(sql<number>`count(*)`.as('count')).where('case_id', '=', caseId).executeTakeFirstOrThrow(),
    db().selectFrom('audit_events').select(sql<number>`count(*)`.as('count')).executeTakeFirstOrThrow(),
  ]);
  return { clinic, placement, kase, checkIns: checkIns.count, events: events.count, audits: audits.count };
}

describe('a change that fails halfway', () => {
  it('leaves nothing of a discharge written when its last statement fails, and the same discharge then succeeds', async () => {
    const manager = await createUser(db(), { role: 'manager' });
    const adviser = await createUser(db());
    const clinic = await addClinic(db(), manager);
    const caseId = await assessedCase(db(), adviser);
    const caller = callerFor(db(), adviser, { now: JULY_MORNING });
    const proposed = await caller.placements.propose({ caseId, clinicId: clinic.id, programme: 'residential_rehab', lengthDays: 28, weeklyPricePence: 350_000 });
    const confirmed = await caller.placements.confirm(proposed);
    const admitted = await caller.placements.admit({ id: proposed.id, version: confirmed.version, admittedOn: '2026-07-14' });
    const before = await snapshot(caseId, proposed.id, clinic.id);

    // The discharge writes the clinic, the placement, five check-ins, the timeline and the audit
    // trail, then moves the case to Aftercare; its very last insert is that move's audit entry.
    // A trigger refuses exactly that insert, as a lost connection or a full disk might.
    await sql`
      create function refuse_stage_move_audit() returns trigger language plpgsql as $$
      begin
        if new.details->>'change' = 'stage_moved' then raise exception 'refused for the test'; end if;
        return new;
      end $$
    `.execute(db());
    await sql`create trigger refuse_stage_move_audit before insert on audit_events for each row execute function refuse_stage_move_audit()`.execute(db());
    const discharge = { id: proposed.id, version: admitted.version, dischargedOn: '2026-07-18', outcome: 'completed' as const };
    try {
      const rejection = await rejectionOf(callerFor(db(), adviser, { now: LATER }).placements.discharge(discharge));
      expect(rejection.code).toBe('INTERNAL_SERVER_ERROR');
      expect(rejection.message).not.toMatch(/refused for the test|audit_events/);
    } finally {
      await sql`drop trigger refuse_stage_move_audit on audit_events`.execute(db());
      await sql`drop function refuse_stage_move_audit()`.execute(db());
    }

    const after = await snapshot(caseId, proposed.id, clinic.id);
    expect(after).toEqual(before);
    expect(after.placement).toMatchObject({ status: 'admitted', version: admitted.version });
    expect(after.kase.stage).toBe('placement');

    // Nothing of the first attempt stands in the way: the same request, with the same version, goes through.
    await callerFor(db(), adviser, { now: LATER }).placements.discharge(discharge);
    const done = await snapshot(caseId, proposed.id, clinic.id);
    expect(done.placement).toMatchObject({ status: 'discharged', version: admitted.version + 1 });
    expect(done.kase.stage).toBe('aftercare');
    expect(done.checkIns).toBe(before.checkIns + 5);
    expect(done.clinic.beds_available).toBe(before.clinic.beds_available + 1);
  });
});
