import { assessmentSchema, assessmentSummaryOf } from '@harbour/shared/assessment';
import { contactDetailsSchema } from '@harbour/shared/case-record';
import { clinicInputSchema } from '@harbour/shared/clinics';
import { londonDayOf } from '@harbour/shared/london-day';
import { londonHourOn } from '@harbour/shared/london-time';
import { CLOSED_SHOWN_FOR_DAYS, isStale } from '@harbour/shared/pipeline';
import { regionValues } from '@harbour/shared/regions';
import { closureReasons } from '@harbour/shared/stages';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../connect';
import type { Database } from '../database';
import { callerFor } from '../../test/factories';
import { openTestDatabase } from '../../test/test-database';
import { preparedDemoCases } from './demo-cases';
import { seedDemoData } from './demo-data';

// One seeded database for the file: seeding hashes three passwords and writes a few hundred rows.
let handle: DatabaseHandle | undefined;
const db = (): Kysely<Database> => handle!.db;
let startedAt: Date;

beforeAll(async () => {
  handle = await openTestDatabase();
  startedAt = new Date();
  expect(await seedDemoData(db())).toEqual({ seeded: true });
});

afterAll(async () => {
  await handle?.close();
});

/** The demo cases, without the earlier case the callback seed opens for Sarah Jenkins. */
function demoCaseRows() {
  return db().selectFrom('cases').selectAll().where('origin', '=', 'inbound_call').orderBy('reference').execute();
}

async function countsBy(column: 'stage' | 'region' | 'severity' | 'risk_level'): Promise<Record<string, number>> {
  const rows = await db()
    .selectFrom('cases')
    .select([sql<string>`coalesce(${sql.ref(column)}, '-')`.as('value'), sql<number>`count(*)::int`.as('count')])
    .where('origin', '=', 'inbound_call')
    .groupBy(column)
    .execute();
  return Object.fromEntries(rows.map((row) => [row.value, row.count]));
}

describe('demo data', () => {
  it('is checked before anything is written: every demo case parses as the app would parse it', () => {
    const cases = preparedDemoCases(new Date());
    expect(cases.length).toBeGreaterThanOrEqual(30);
    expect(new Set(cases.map((one) => one.call.phone)).size).toBe(cases.length);
  });

  it('seeds only an empty database', async () => {
    const before = await demoCaseRows();
    expect(await seedDemoData(db())).toEqual({ seeded: false });
    expect(await demoCaseRows()).toHaveLength(before.length);
  });

  it('spreads the cases over every region, severity, risk level and stage', async () => {
    const regions = await countsBy('region');
    for (const region of regionValues) expect(regions[region], region).toBeGreaterThanOrEqual(2);
    const severities = await countsBy('severity');
    for (const band of ['none', 'mild', 'moderate', 'severe']) expect(severities[band], band).toBeGreaterThanOrEqual(2);
    const risks = await countsBy('risk_level');
    for (const level of ['low', 'medium', 'high']) expect(risks[level], level).toBeGreaterThanOrEqual(3);
    expect(risks.immediate).toBe(1);
    const stages = await countsBy('stage');
    expect(Object.keys(stages).sort()).toEqual(['aftercare', 'assessment', 'closed', 'enquiry', 'placement']);
    // A live shift: open work outnumbers what has closed several times over.
    expect(stages.enquiry! + stages.assessment! + stages.placement! + stages.aftercare!).toBeGreaterThan(stages.closed! * 5);
  });

  it('stores each assessment as the app would accept it, with the derived figures the app computes', async () => {
    const rows = (await demoCaseRows()).filter((row) => row.assessment !== null);
    expect(rows.length).toBeGreaterThanOrEqual(20);
    for (const row of rows) {
      const { id: _id, version: _version, ...parsed } = assessmentSchema.parse({ ...row.assessment, id: row.id, version: row.assessment_version });
      const summary = assessmentSummaryOf(parsed);
      expect(
        {
          primary: row.primary_substance,
          criteriaMet: row.criteria_met,
          severity: row.severity,
          audit: row.audit_score,
          risk: row.risk_level,
          dual: row.is_dual_diagnosis,
          complete: row.assessment_complete,
        },
        row.client_name ?? row.caller_name,
      ).toEqual({
        primary: summary.primarySubstance,
        criteriaMet: summary.criteriaMet,
        severity: summary.severity,
        audit: summary.auditScore,
        risk: summary.riskLevel,
        dual: summary.isDualDiagnosis,
        complete: summary.isComplete,
      });
    }
    expect(rows.filter((row) => row.is_dual_diagnosis).length).toBeGreaterThanOrEqual(3);
    expect(rows.filter((row) => row.audit_score !== null).length).toBeGreaterThanOrEqual(3);
    expect(rows.filter((row) => !row.assessment_complete).length).toBeGreaterThanOrEqual(3);
  });

  it('has one open crisis, on the immediate case, raised by an adviser, and one crisis already dealt with', async () => {
    const crises = await db()
      .selectFrom('case_crises')
      .innerJoin('cases', 'cases.id', 'case_crises.case_id')
      .innerJoin('users', 'users.id', 'case_crises.raised_by')
      .select(['cases.risk_level as risk', 'users.role as raisedByRole', 'case_crises.resolved_at as resolvedAt', 'case_crises.actions'])
      .execute();
    const open = crises.filter((crisis) => crisis.resolvedAt === null);
    expect(open).toEqual([{ risk: 'immediate', raisedByRole: 'adviser', resolvedAt: null, actions: null }]);
    const resolved = crises.filter((crisis) => crisis.resolvedAt !== null);
    expect(resolved).toHaveLength(1);
    expect(resolved[0]!.actions).toContain('safety_plan');
  });

  it('holds no health details without consent, and records consent given on a later call', async () => {
    const rows = await demoCaseRows();
    const withoutConsent = rows.filter((row) => !row.consent_to_health_data);
    expect(withoutConsent).toHaveLength(1);
    expect(withoutConsent[0]).toMatchObject({ stage: 'enquiry', assessment: null, substances: [] });
    expect(rows.filter((row) => row.health_data_consent_at !== null).length).toBeGreaterThanOrEqual(1);
    expect(rows.every((row) => row.consent_to_contact)).toBe(true);
  });

  it('gives work to both advisers and leaves some with the team, and mixes callers', async () => {
    const rows = await demoCaseRows();
    const roles = await db().selectFrom('users').select(['id', 'role']).execute();
    const roleOf = new Map(roles.map((user) => [user.id, user.role]));
    const owners = rows.map((row) => (row.assigned_adviser_id ? roleOf.get(row.assigned_adviser_id) : 'unassigned'));
    expect(new Set(owners)).toEqual(new Set(['adviser', 'team_lead', 'unassigned']));
    expect(new Set(rows.map((row) => row.caller_relation))).toEqual(new Set(['self', 'loved_one', 'professional']));
    expect(rows.filter((row) => row.caller_relation !== 'self').every((row) => row.relation_detail !== null)).toBe(true);
  });

  it('has finances on many, and the insured with their insurer and policy number', async () => {
    const rows = await demoCaseRows();
    expect(rows.filter((row) => row.funding_route !== null).length).toBeGreaterThanOrEqual(15);
    const insured = rows.filter((row) => row.funding_route === 'private_medical_insurance');
    expect(insured.length).toBeGreaterThanOrEqual(1);
    expect(insured.every((row) => row.policy_number && row.insurer)).toBe(true);
  });

  it('adds thirty demo clinics, three in each region, marked as demo data, that the manager’s form would accept', async () => {
    const clinics = await db().selectFrom('clinics').selectAll().execute();
    expect(clinics).toHaveLength(30);
    expect(clinics.every((clinic) => clinic.is_demo)).toBe(true);
    for (const region of regionValues) expect(clinics.filter((clinic) => clinic.region === region), region).toHaveLength(3);
    expect(new Set(clinics.map((clinic) => clinic.rating))).toEqual(new Set(['outstanding', 'good', 'requires_improvement', 'inadequate', 'not_yet_rated']));
    expect(clinics.filter((clinic) => !clinic.is_active)).toHaveLength(1);
    const residential = clinics.filter((clinic) => clinic.beds_total > 0);
    expect(residential.filter((clinic) => clinic.beds_available === 0).length, 'full').toBeGreaterThanOrEqual(2);
    const weekAgo = startedAt.getTime() - 7 * 24 * 3_600_000;
    expect(residential.filter((clinic) => clinic.beds_confirmed_at!.getTime() < weekAgo).length, 'stale').toBeGreaterThanOrEqual(2);
    const manager = await db().selectFrom('users').select(['id', 'email', 'full_name as fullName', 'role']).where('role', '=', 'manager').executeTakeFirstOrThrow();
    const caller = callerFor(db(), manager);
    for (const { id } of clinics) {
      const { version: _version, bedsConfirmedByName: _by, bedsConfirmedAt: _at, updatedAt: _updated, isDemo: _demo, id: _id, ...fields } = await caller.clinics.byId({ id });
      expect(clinicInputSchema.safeParse({ ...fields, email: fields.email ?? undefined }).success, fields.name).toBe(true);
    }
  });

  it('has placements at every step, and aftercare with check-ins done, due today, overdue and a relapse', async () => {
    const placements = await db().selectFrom('placements').select(['status', 'fee_pence']).execute();
    const statuses = new Set(placements.map((placement) => placement.status));
    expect(statuses).toEqual(new Set(['proposed', 'confirmed', 'admitted', 'discharged', 'cancelled']));
    expect(placements.filter((placement) => ['confirmed', 'admitted', 'discharged'].includes(placement.status)).every((placement) => placement.fee_pence! > 0)).toBe(true);
    const checkIns = await db().selectFrom('aftercare_check_ins').select(['due_on', 'outcome', 'days_after']).execute();
    const today = londonDayOf(startedAt);
    expect(checkIns.filter((checkIn) => checkIn.outcome === null && checkIn.due_on === today).length, 'due today').toBeGreaterThanOrEqual(1);
    expect(checkIns.filter((checkIn) => checkIn.outcome === null && checkIn.due_on < today).length, 'overdue').toBeGreaterThanOrEqual(1);
    expect(checkIns.filter((checkIn) => checkIn.outcome === 'relapsed')).toHaveLength(1);
    // One year done and closed as completed, one done and waiting for the adviser to close.
    expect(checkIns.filter((checkIn) => checkIn.days_after === 365 && checkIn.outcome !== null)).toHaveLength(2);
    expect((await db().selectFrom('aftercare_plans').select('case_id').execute()).length).toBeGreaterThanOrEqual(5);
  });

  it('fills the board for a shift: about sixty open cases in every stage, some with nobody on them, some stale', async () => {
    const open = (await demoCaseRows()).filter((row) => row.stage !== 'closed');
    expect(open.length).toBeGreaterThanOrEqual(55);
    expect(open.length).toBeLessThanOrEqual(70);
    for (const stage of ['enquiry', 'assessment', 'placement', 'aftercare']) expect(open.filter((row) => row.stage === stage).length, stage).toBeGreaterThanOrEqual(4);
    const lead = await db().selectFrom('users').select('id').where('role', '=', 'team_lead').executeTakeFirstOrThrow();
    expect(open.filter((row) => row.assigned_adviser_id === null).length, 'unassigned').toBeGreaterThanOrEqual(5);
    expect(open.filter((row) => row.assigned_adviser_id === lead.id).length, 'the team lead’s').toBeGreaterThanOrEqual(5);
    const stale = open.filter((row) => isStale(row.stage, row.stage_changed_at, startedAt));
    expect(new Set(stale.map((row) => row.stage)), 'stale').toEqual(new Set(['enquiry', 'assessment', 'placement', 'aftercare']));
    expect(open.filter((row) => row.next_action === null).length, 'no next action').toBeGreaterThanOrEqual(3);
  });

  it('has a case closed for every closure reason, each closed by the stage rules in the last month so the board shows it', async () => {
    const closed = (await demoCaseRows()).filter((row) => row.stage === 'closed');
    expect(new Set(closed.map((row) => row.closure_reason))).toEqual(new Set(closureReasons.map((reason) => reason.value)));
    const monthAgo = startedAt.getTime() - CLOSED_SHOWN_FOR_DAYS * 24 * 3_600_000;
    expect(closed.every((row) => row.stage_changed_at.getTime() > monthAgo)).toBe(true);
    const moves = await db()
      .selectFrom('case_events')
      .select('details')
      .where('kind', '=', 'stage_moved')
      .where(sql<boolean>`details->>'to' = 'closed'`)
      .execute();
    const closing = (reason: string) => moves.find((move) => move.details.closureReason === reason)?.details;
    expect(closing('completed')).toMatchObject({ from: 'aftercare' });
    expect(closing('other')?.reason).toEqual(expect.any(String));
  });

  it('has next actions around now: some overdue, some today, some later in the week; none on closed cases', async () => {
    const rows = await demoCaseRows();
    // "Soon" is the next twelve hours rather than "today": a seed run at 23:00 has little of today left.
    const now = startedAt.getTime();
    const due = rows.flatMap((row) => (row.next_action_due_at ? [row.next_action_due_at.getTime()] : []));
    expect(due.filter((at) => at < now).length, 'overdue').toBeGreaterThanOrEqual(3);
    expect(due.filter((at) => at >= now && at < now + 12 * 3_600_000).length, 'soon').toBeGreaterThanOrEqual(3);
    expect(due.filter((at) => at >= londonHourOn(startedAt, 0, 1).getTime()).length, 'later in the week').toBeGreaterThanOrEqual(3);
    expect(rows.filter((row) => row.stage === 'closed').every((row) => row.next_action === null && row.closure_reason !== null)).toBe(true);
  });

  it('gives each case a timeline: notes (some pinned), assessment saves and stage moves', async () => {
    const notes = await db().selectFrom('case_notes').select(['is_pinned']).execute();
    expect(notes.filter((note) => note.is_pinned).length).toBeGreaterThanOrEqual(5);
    const events = await db().selectFrom('case_events').select(['kind', 'occurred_at']).execute();
    const kinds = new Set(events.map((event) => event.kind));
    for (const kind of ['assessment_updated', 'stage_moved', 'contact_updated', 'finances_updated', 'next_action_set', 'assigned', 'crisis_raised', 'crisis_action_recorded']) {
      expect(kinds, kind).toContain(kind);
    }
    expect(events.every((event) => event.occurred_at.getTime() <= Date.now())).toBe(true);
  });

  it('opens in the app, and every section saves back unchanged: nothing seeded is something the app refuses', async () => {
    const manager = await db().selectFrom('users').select(['id', 'email', 'full_name as fullName', 'role']).where('role', '=', 'manager').executeTakeFirstOrThrow();
    const caller = callerFor(db(), manager);
    const undef = <T>(value: T | null) => value ?? undefined;
    for (const { reference } of await demoCaseRows()) {
      const record = await caller.cases.byReference({ reference });
      await caller.cases.timeline({ id: record.id });
      const contact = {
        clientName: undef(record.clientName),
        dateOfBirth: undef(record.dateOfBirth),
        callerName: record.callerName,
        callerRelation: record.callerRelation,
        relationDetail: undef(record.relationDetail),
        phone: record.phone,
        email: undef(record.email),
        postcode: undef(record.postcode),
        region: undef(record.region),
        preferredContactTimes: undef(record.preferredContactTimes),
        safeToLeaveVoicemail: undef(record.safeToLeaveVoicemail),
        safeToSayWhoWeAre: undef(record.safeToSayWhoWeAre),
      };
      expect(contactDetailsSchema.safeParse(contact).success, reference).toBe(true);
      await caller.cases.updateContact({ id: record.id, version: record.contactVersion, contact });
      if (record.assessment) await caller.cases.updateAssessment({ ...record.assessment, id: record.id, version: record.assessmentVersion });
      await caller.cases.updateFinances({
        id: record.id,
        version: record.financesVersion,
        finances: {
          fundingRoute: undef(record.fundingRoute),
          budgetMinPence: undef(record.budgetMinPence),
          budgetMaxPence: undef(record.budgetMaxPence),
          insurer: undef(record.insurer),
          policyNumber: undef(record.policyNumber),
          whoPays: undef(record.whoPays),
          notes: undef(record.financeNotes),
        },
      });
    }
    const immediate = await caller.cases.list({ risk: 'immediate' });
    expect(immediate.rows).toHaveLength(1);
  });
});
