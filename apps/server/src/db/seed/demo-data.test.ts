import { CHECK_IN_DAYS } from '@harbour/shared/aftercare';
import { assessmentSchema, assessmentSummaryOf } from '@harbour/shared/assessment';
import { CONSENT_TO_CONTACT_TEXT, CONSENT_TO_HEALTH_DATA_TEXT } from '@harbour/shared/callbacks';
import { contactDetailsSchema } from '@harbour/shared/case-record';
import { clinicInputSchema, serviceFeeOf } from '@harbour/shared/clinics';
import { londonDayOf } from '@harbour/shared/london-day';
import { londonHourOn, startOfLondonDay } from '@harbour/shared/london-time';
import { toUkE164 } from '@harbour/shared/phone';
import { CLOSED_SHOWN_FOR_DAYS, isStale } from '@harbour/shared/pipeline';
import { regionValues } from '@harbour/shared/regions';
import { closureReasons } from '@harbour/shared/stages';
import { sql, type Kysely, type Selectable } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../connect';
import type { CasesTable, Database } from '../database';
import { callerFor } from '../../test/factories';
import { openTestDatabase } from '../../test/test-database';
import { preparedDemoCases } from './demo-cases';
import { base32Decode, codeAt } from '../../features/mfa/totp';
import { DEMO_PASSWORD, seedDemoData } from './demo-data';
import { DEMO_MANAGER_EMAIL, DEMO_MANAGER_TOTP_KEY } from './demo-two-step';
import { DEMO_HISTORY_PHONE_PREFIX } from './demo-history';

// One seeded database for the file: seeding hashes three passwords and writes a few thousand rows.
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

const HISTORY_PHONES = `${DEMO_HISTORY_PHONE_PREFIX}%`;

/** The hand-written demo cases, without the earlier case the callback seed opens for Sarah Jenkins or the year of history. */
function demoCaseRows() {
  return db().selectFrom('cases').selectAll().where('origin', '=', 'inbound_call').where('phone_e164', 'not like', HISTORY_PHONES).orderBy('reference').execute();
}

/** The year of history behind the live shift. */
function historyCaseRows() {
  return db().selectFrom('cases').selectAll().where('phone_e164', 'like', HISTORY_PHONES).orderBy('reference').execute();
}

const staffMember = (role: 'adviser' | 'team_lead' | 'manager') =>
  db().selectFrom('users').select(['id', 'email', 'full_name as fullName', 'role']).where('role', '=', role).executeTakeFirstOrThrow();

/** Each case's figures that lists, filters and reports read match what the app works out from its stored assessment. */
function expectDerivedFigures(rows: ReadonlyArray<Selectable<CasesTable>>): void {
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
}

/** Opens the case as the case page does, and saves every section back unchanged: the app refuses none of it. */
async function expectOpensAndSavesBack(caller: ReturnType<typeof callerFor>, reference: string): Promise<void> {
  const undef = <T>(value: T | null) => value ?? undefined;
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

async function countsBy(column: 'stage' | 'region' | 'severity' | 'risk_level'): Promise<Record<string, number>> {
  const rows = await db()
    .selectFrom('cases')
    .select([sql<string>`coalesce(${sql.ref(column)}, '-')`.as('value'), sql<number>`count(*)::int`.as('count')])
    .where('origin', '=', 'inbound_call')
    .where('phone_e164', 'not like', HISTORY_PHONES)
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
    expectDerivedFigures(rows);
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
    const checkIns = await db()
      .selectFrom('aftercare_check_ins')
      .innerJoin('cases', 'cases.id', 'aftercare_check_ins.case_id')
      .select(['due_on', 'outcome', 'days_after'])
      .where('cases.phone_e164', 'not like', HISTORY_PHONES)
      .execute();
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
    const caller = callerFor(db(), await staffMember('manager'));
    for (const { reference } of await demoCaseRows()) await expectOpensAndSavesBack(caller, reference);
    const immediate = await caller.cases.list({ risk: 'immediate' });
    expect(immediate.rows).toHaveLength(1);
  });
});

/** The `count` whole London months before the month of `day`, oldest first, as "2026-10". */
function wholeMonthsBefore(day: string, count: number): string[] {
  const [year, month] = day.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, index) => new Date(Date.UTC(year, month - 1 - count + index, 1)).toISOString().slice(0, 7));
}

/** The last day of a month given as "2026-10". */
function lastDayOf(month: string): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, monthNumber, 0)).toISOString().slice(0, 10);
}

/** A case's contact section as the form would send it back. */
function contactOf(row: Selectable<CasesTable>) {
  const undef = <T>(value: T | null) => value ?? undefined;
  return {
    clientName: undef(row.client_name),
    dateOfBirth: undef(row.client_date_of_birth),
    callerName: row.caller_name,
    callerRelation: row.caller_relation,
    relationDetail: undef(row.relation_detail),
    phone: row.phone_e164,
    email: undef(row.email),
    postcode: undef(row.postcode),
    region: undef(row.region),
    preferredContactTimes: undef(row.preferred_contact_times),
    safeToLeaveVoicemail: undef(row.safe_to_leave_voicemail),
    safeToSayWhoWeAre: undef(row.safe_to_say_who_we_are),
  };
}

describe('the year of history behind the shift', () => {
  const today = () => londonDayOf(startedAt);

  it('gives a manager a year to look back on: at least six admissions in every one of the last twelve whole months, more of late', async () => {
    const month = sql<string>`to_char(admitted_on, 'YYYY-MM')`;
    const rows = await db().selectFrom('placements').select([month.as('month'), sql<number>`count(*)::int`.as('admissions')]).where('admitted_on', 'is not', null).groupBy(month).execute();
    const admissions = new Map(rows.map((row) => [row.month, row.admissions]));
    const months = wholeMonthsBefore(today(), 12);
    for (const one of months) expect(admissions.get(one) ?? 0, one).toBeGreaterThanOrEqual(6);
    const total = (list: string[]) => list.reduce((sum, one) => sum + (admissions.get(one) ?? 0), 0);
    expect(total(months.slice(6)), 'the last six months against the six before').toBeGreaterThan(total(months.slice(0, 6)));

    // The manager's dashboard as it opens: fees in every whole month, most clinics, the whole funnel.
    const dashboard = await callerFor(db(), await staffMember('manager')).reports.service();
    for (const one of dashboard.monthly.slice(0, -1)) {
      expect(one.placements, one.month).toBeGreaterThanOrEqual(6);
      expect(Number(one.feesPence), one.month).toBeGreaterThan(0);
    }
    expect(dashboard.byClinic.length).toBeGreaterThanOrEqual(25);
    const funnel = dashboard.funnel.map((step) => step.count);
    expect(funnel).toEqual([...funnel].sort((a, b) => b - a));
    expect(funnel[0]!, 'enquiries against admissions').toBeGreaterThanOrEqual(3 * funnel[3]!);
    expect(funnel.at(-1)!, 'completed').toBeGreaterThan(0);
    expect(dashboard.medianDaysToAdmission).toBeGreaterThanOrEqual(5);
    expect(dashboard.medianDaysToAdmission).toBeLessThanOrEqual(35);
  });

  it("fills last month's placement report: admissions at several clinics, proposed by both advisers, each with a fee", async () => {
    const month = wholeMonthsBefore(today(), 1)[0]!;
    const caller = callerFor(db(), await staffMember('manager'));
    const report = await caller.reports.placements({ filters: { periodBy: 'admission', from: `${month}-01`, to: lastDayOf(month) }, page: 1 });
    expect(report.totals.admissions).toBeGreaterThanOrEqual(6);
    expect(report.rows).toHaveLength(report.totals.placements);
    expect(new Set(report.rows.map((row) => row.clinicName)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(report.rows.map((row) => row.adviserName))).toEqual(new Set(['Amira Shah', 'Tom Price']));
    expect(report.rows.filter((row) => !(row.feePence! > 0))).toEqual([]);
    expect(Number(report.totals.feesPence)).toBeGreaterThan(0);
  });

  it('puts nothing on the check-ins list or anyone’s work today, and none of it is stale', async () => {
    const rows = await historyCaseRows();
    const ids = new Set(rows.map((row) => row.id));
    expect(rows.filter((row) => row.next_action !== null || row.next_action_due_at !== null)).toEqual([]);
    expect(rows.filter((row) => isStale(row.stage, row.stage_changed_at, startedAt)).map((row) => row.reference)).toEqual([]);

    const checkIns = await db()
      .selectFrom('aftercare_check_ins')
      .innerJoin('cases', 'cases.id', 'aftercare_check_ins.case_id')
      .select(['cases.reference', 'cases.stage', 'due_on', 'outcome', 'recorded_at'])
      .where('cases.phone_e164', 'like', HISTORY_PHONES)
      .execute();
    expect(checkIns.length).toBeGreaterThan(100);
    expect(checkIns.filter((checkIn) => checkIn.due_on === today()), 'due today').toEqual([]);
    // Closed cases keep the check-ins their discharge booked, never made (a transfer elsewhere).
    const unmade = checkIns.filter((checkIn) => checkIn.stage !== 'closed' && checkIn.outcome === null && checkIn.due_on <= today());
    expect(unmade, 'due and not made').toEqual([]);
    const made = checkIns.filter((checkIn) => checkIn.recorded_at !== null);
    expect(made.filter((checkIn) => londonDayOf(checkIn.recorded_at!) !== checkIn.due_on), 'made on another day').toEqual([]);
    expect(new Set(made.map((checkIn) => checkIn.outcome))).toEqual(new Set(['well', 'struggling', 'unreachable']));

    // As the app lists them.
    for (const role of ['adviser', 'team_lead'] as const) {
      const work = await callerFor(db(), await staffMember(role)).worklist.mine();
      expect(work.filter((item) => 'caseId' in item && ids.has(item.caseId)), role).toEqual([]);
    }
    const due = await callerFor(db(), await staffMember('manager')).aftercare.dueCheckIns({ scope: 'all' });
    expect(due.length, 'the hand-written cases still have check-ins due').toBeGreaterThan(0);
    expect(due.filter((row) => ids.has(row.caseId))).toEqual([]);

    const { latest } = await db()
      .selectFrom('case_events')
      .innerJoin('cases', 'cases.id', 'case_events.case_id')
      .select(sql<Date>`max(case_events.occurred_at)`.as('latest'))
      .where('cases.phone_e164', 'like', HISTORY_PHONES)
      .executeTakeFirstOrThrow();
    expect(latest.getTime(), 'every step before today').toBeLessThan(startOfLondonDay(startedAt).getTime());
  });

  it('has placements the report can read: each step’s columns filled in order, the fee worked out from the terms frozen on it', async () => {
    const rows = await db()
      .selectFrom('placements as p')
      .innerJoin('clinics as clinic', 'clinic.id', 'p.clinic_id')
      .innerJoin('cases as c', 'c.id', 'p.case_id')
      .selectAll('p')
      .select(['clinic.services', 'clinic.programme_lengths_days', 'clinic.weekly_price_min_pence', 'clinic.weekly_price_max_pence'])
      .select(['c.reference', 'c.stage', 'c.created_at as openedAt', 'c.phone_e164'])
      .select((eb) => eb.selectFrom('aftercare_check_ins').select(sql<number>`count(*)::int`.as('n')).whereRef('aftercare_check_ins.placement_id', '=', 'p.id').as('checkIns'))
      .execute();
    expect(rows.length).toBeGreaterThan(150);
    const problemsOf = (row: (typeof rows)[number]): string[] => {
      const problems: string[] = [];
      const problem = (what: string) => problems.push(`${row.reference} (${row.status}): ${what}`);
      const wasConfirmed = ['confirmed', 'admitted', 'discharged'].includes(row.status);
      const wasAdmitted = row.status === 'admitted' || row.status === 'discharged';
      if (!row.services.includes(row.programme)) problem('a programme the clinic does not offer');
      if (!row.programme_lengths_days.includes(row.length_days)) problem('a length the clinic does not offer');
      if (row.weekly_price_pence < row.weekly_price_min_pence || row.weekly_price_pence > row.weekly_price_max_pence) problem('a price outside the clinic’s range');
      if (wasConfirmed && (!row.fee_terms || row.fee_pence !== serviceFeeOf(row.fee_terms, row.weekly_price_pence, row.length_days))) problem('no fee worked out from frozen terms');
      if (wasConfirmed && !(row.fee_pence! > 0)) problem('no fee');
      if (row.confirmed_at && row.confirmed_at < row.proposed_at) problem('confirmed before it was proposed');
      if (wasAdmitted !== (row.admitted_on !== null)) problem('the admission day does not match the step');
      if (row.admitted_on && row.admitted_on < londonDayOf(row.proposed_at)) problem('admitted before it was proposed');
      if ((row.status === 'discharged') !== (row.discharged_on !== null && row.discharge_outcome !== null)) problem('the discharge does not match the step');
      if (row.discharged_on && row.discharged_on < row.admitted_on!) problem('discharged before admission');
      if (row.status === 'discharged' && row.checkIns !== CHECK_IN_DAYS.length) problem('not every check-in booked');
      if ((row.status === 'cancelled') !== (row.cancelled_at !== null && row.cancel_reason !== null)) problem('the cancellation does not match the step');
      const stages = { proposed: ['assessment'], confirmed: ['assessment'], admitted: ['placement'], discharged: ['aftercare', 'closed'], cancelled: ['assessment', 'closed'] };
      if (!stages[row.status].includes(row.stage)) problem(`the case is in ${row.stage}`);
      if (row.phone_e164.startsWith(DEMO_HISTORY_PHONE_PREFIX) && row.admitted_on) {
        const days = (Date.parse(row.admitted_on) - Date.parse(londonDayOf(row.openedAt))) / (24 * 3_600_000);
        if (days < 3 || days > 35) problem(`${days} days from first contact to admission`);
      }
      return problems;
    };
    expect(rows.flatMap(problemsOf)).toEqual([]);
  });

  it('takes every case through the stage rules one move at a time, and closes it with its reason at its last move', async () => {
    const rows = await historyCaseRows();
    const moves = await db()
      .selectFrom('case_events')
      .innerJoin('cases', 'cases.id', 'case_events.case_id')
      .select(['case_events.case_id as caseId', 'case_events.details', 'case_events.occurred_at as at'])
      .where('case_events.kind', '=', 'stage_moved')
      .where('cases.phone_e164', 'like', HISTORY_PHONES)
      .orderBy('case_events.occurred_at')
      .execute();
    const movesOf = new Map<string, typeof moves>();
    for (const move of moves) movesOf.set(move.caseId, [...(movesOf.get(move.caseId) ?? []), move]);
    const problems = rows.flatMap((row) => {
      const mine = movesOf.get(row.id) ?? [];
      const last = mine.at(-1);
      const chain = mine.every((move, index) => move.details.from === (index === 0 ? 'enquiry' : mine[index - 1]!.details.to));
      const fits =
        chain &&
        last?.details.to === row.stage &&
        last.at.getTime() === row.stage_changed_at.getTime() &&
        (last.details.closureReason ?? null) === row.closure_reason &&
        row.version === 1 + mine.length;
      return fits ? [] : [row.reference];
    });
    expect(problems).toEqual([]);
    const assessed = new Set(moves.filter((move) => move.details.to === 'assessment').map((move) => move.caseId));
    const proposed = await db().selectFrom('placements').innerJoin('cases', 'cases.id', 'placements.case_id').select('cases.id').where('cases.phone_e164', 'like', HISTORY_PHONES).execute();
    expect(proposed.filter((row) => !assessed.has(row.id)), 'proposed without an assessment').toEqual([]);
  });

  it('varies as a real year does: regions, substances with alcohol first, dual diagnosis, funding, outcomes, and who did the work', async () => {
    const rows = await historyCaseRows();
    const placed = await db()
      .selectFrom('placements')
      .innerJoin('cases', 'cases.id', 'placements.case_id')
      .innerJoin('users', 'users.id', 'placements.proposed_by')
      .select(['placements.status', 'placements.discharge_outcome as outcome', 'cases.primary_substance as primary', 'cases.funding_route as route', 'users.role'])
      .where('cases.phone_e164', 'like', HISTORY_PHONES)
      .execute();
    // Each value with how often it comes up, the commonest first.
    const tally = <T>(values: T[]) => {
      const counts = new Map<T, number>();
      for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
      return [...counts].sort((a, b) => b[1] - a[1]);
    };
    expect(new Set(rows.map((row) => row.region))).toEqual(new Set(regionValues));
    const substances = tally(placed.map((row) => row.primary));
    expect(substances[0]![0]).toBe('alcohol');
    expect(substances.length).toBeGreaterThanOrEqual(6);
    expect(new Set(placed.map((row) => row.route))).toEqual(new Set(['self_funded', 'family', 'private_medical_insurance', 'employer', 'nhs_or_local_authority']));
    const assessed = rows.filter((row) => row.assessment !== null);
    const dualShare = assessed.filter((row) => row.is_dual_diagnosis).length / assessed.length;
    expect(dualShare).toBeGreaterThan(0.15);
    expect(dualShare).toBeLessThan(0.45);
    const outcomes = tally(placed.filter((row) => row.status === 'discharged').map((row) => row.outcome));
    expect(outcomes.map(([outcome]) => outcome)).toEqual(['completed', 'left_early', expect.any(String), expect.any(String)]);
    const cancelled = placed.filter((row) => row.status === 'cancelled').length / placed.length;
    expect(cancelled).toBeGreaterThan(0.04);
    expect(cancelled).toBeLessThan(0.2);
    expect(new Set(placed.map((row) => row.role))).toEqual(new Set(['adviser', 'team_lead']));
    expect(placed.filter((row) => row.role === 'adviser').length).toBeGreaterThan(placed.length / 2);
    // Two to three times as many enquiries went no further as were admitted.
    const neverPlaced = rows.length - placed.length;
    const admitted = placed.filter((row) => row.status !== 'cancelled').length;
    expect(neverPlaced).toBeGreaterThanOrEqual(2 * admitted);
    expect(neverPlaced).toBeLessThanOrEqual(3.2 * admitted);
  });

  it('holds only what the app would accept: contact details, consents in their words, assessments, references, and people of its own', async () => {
    const rows = await historyCaseRows();
    expect(rows.length).toBeGreaterThan(400);
    const badContact = rows.filter((row) => !contactDetailsSchema.safeParse(contactOf(row)).success || toUkE164(row.phone_e164) !== row.phone_e164);
    expect(badContact.map((row) => row.reference)).toEqual([]);
    const everyPhone = await db().selectFrom('cases').select('phone_e164').execute();
    expect(new Set(everyPhone.map((row) => row.phone_e164)).size).toBe(everyPhone.length);
    expect(rows.every((row) => row.consent_to_contact && row.consent_to_contact_text === CONSENT_TO_CONTACT_TEXT && row.consent_to_health_data_text === CONSENT_TO_HEALTH_DATA_TEXT)).toBe(true);
    const withoutConsent = rows.filter((row) => !row.consent_to_health_data);
    expect(withoutConsent.length).toBeGreaterThan(0);
    expect(withoutConsent.every((row) => row.assessment === null && row.substances.length === 0 && row.stage === 'closed')).toBe(true);
    expectDerivedFigures(rows.filter((row) => row.assessment !== null));
    expect(rows.filter((row) => row.reference.slice(2, 6) !== londonDayOf(row.created_at).slice(0, 4)).map((row) => row.reference)).toEqual([]);
    const names = (list: Array<{ client_name: string | null; caller_name: string }>) => list.flatMap((row) => [row.caller_name, ...(row.client_name ? [row.client_name] : [])]);
    const others = new Set([
      ...names(await demoCaseRows()),
      ...(await db().selectFrom('callback_requests').select('full_name').execute()).map((row) => row.full_name),
      ...(await db().selectFrom('users').select('full_name').execute()).map((row) => row.full_name),
    ]);
    expect(names(rows).filter((name) => others.has(name))).toEqual([]);
    expect(new Set(rows.map((row) => row.client_name)).size, 'a client name each').toBe(rows.length);
  });

  it('opens in the app, and every section saves back unchanged, for a case of every kind', async () => {
    const rows = await db()
      .selectFrom('cases')
      .leftJoin('placements', 'placements.case_id', 'cases.id')
      .select(['cases.reference', 'cases.stage', 'cases.closure_reason', 'placements.status', 'placements.discharge_outcome'])
      .where('cases.phone_e164', 'like', HISTORY_PHONES)
      .orderBy('cases.reference')
      .execute();
    const kinds = new Map<string, string>();
    for (const row of rows) {
      const kind = [row.stage, row.closure_reason, row.status, row.discharge_outcome].join('/');
      if (!kinds.has(kind)) kinds.set(kind, row.reference);
    }
    expect(kinds.size).toBeGreaterThanOrEqual(12);
    const caller = callerFor(db(), await staffMember('manager'));
    for (const reference of kinds.values()) await expectOpensAndSavesBack(caller, reference);
  });
});

describe('the demo manager', () => {
  it('has two-step sign-in on with the demo key, so pnpm demo:code gives a code that signs in', async () => {
    const login = await callerFor(db(), null).auth.login({ email: DEMO_MANAGER_EMAIL, password: DEMO_PASSWORD });
    if (login.status !== 'code_needed') throw new Error('The demo manager was signed in without a code');

    const signedIn = await callerFor(db(), null).auth.verifyCode({ pendingToken: login.pendingToken, code: codeAt(base32Decode(DEMO_MANAGER_TOTP_KEY), new Date()) });

    expect(signedIn).toMatchObject({ status: 'signed_in', user: { email: DEMO_MANAGER_EMAIL, role: 'manager', mustSetUpTwoStep: false } });
    const adviser = await callerFor(db(), null).auth.login({ email: 'adviser@harbour.test', password: DEMO_PASSWORD });
    expect(adviser.status).toBe('signed_in');
  });
});
