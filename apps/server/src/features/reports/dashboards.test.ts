import { describe, expect, it } from 'vitest';
import { auditRows, minutesAfter, reachCaller, submitCallback, TUESDAY_10AM } from '../../test/callbacks';
import { openCase } from '../../test/cases';
import { assessedCase } from '../../test/clinics';
import { callerFor, createUser } from '../../test/factories';
import { octoberPlacements } from '../../test/report-setting';
import { useTestDatabase } from '../../test/test-database';
import { rejectionOf } from '../../test/trpc-errors';

const db = useTestDatabase();

const MID_NOVEMBER = new Date('2026-11-15T12:00:00Z');

describe("the manager's dashboard", () => {
  it('counts admissions and fees month by month over twelve months, by clinic, the funnel and the days to admission', async () => {
    const { manager } = await octoberPlacements(db());
    const dashboard = await callerFor(db(), manager, { now: MID_NOVEMBER }).reports.service();

    expect(dashboard.monthly.map((month) => month.month)).toEqual([
      '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11',
    ]);
    const byMonth = Object.fromEntries(dashboard.monthly.map((month) => [month.month, month]));
    expect(byMonth['2026-09']).toEqual({ month: '2026-09', placements: 1, feesPence: 140_000, medianDaysToAdmission: 5 });
    expect(byMonth['2026-10']).toEqual({ month: '2026-10', placements: 3, feesPence: 430_000, medianDaysToAdmission: 2 });
    expect(byMonth['2026-11']).toEqual({ month: '2026-11', placements: 0, feesPence: 0, medianDaysToAdmission: null });

    expect(dashboard.byClinic.map((clinic) => [clinic.label, clinic.admissions, clinic.feesPence])).toEqual([
      ['Oak House', 3, 420_000],
      ['Cedar Lodge', 1, 150_000],
    ]);
    expect(dashboard.funnel).toEqual([
      { label: 'Enquiry', count: 6 },
      { label: 'Assessment', count: 6 },
      { label: 'Placement proposed', count: 6 },
      { label: 'Admitted', count: 4 },
      { label: 'Completed the programme', count: 1 },
    ]);
    // 1, 2, 2 and 5 days from the first call to admission.
    expect(dashboard.medianDaysToAdmission).toBe(2);
  });

  it('is for team leads and managers', async () => {
    const adviser = await createUser(db());
    expect((await rejectionOf(callerFor(db(), adviser).reports.service())).code).toBe('FORBIDDEN');
    expect((await rejectionOf(callerFor(db(), adviser).reports.shift())).code).toBe('FORBIDDEN');
    const lead = await createUser(db(), { role: 'team_lead' });
    const empty = await callerFor(db(), lead, { now: MID_NOVEMBER }).reports.service();
    expect(empty.monthly.every((month) => month.placements === 0)).toBe(true);
    expect(empty.medianDaysToAdmission).toBeNull();
  });
});

describe("the team lead's dashboard", () => {
  it('shows, day by day over a fortnight, the share of callbacks made in time, with the urgent ones late', async () => {
    const lead = await createUser(db(), { role: 'team_lead' });
    const adviser = await createUser(db(), { fullName: 'Amira Shah' });
    const yesterday9am = minutesAfter(TUESDAY_10AM, -25 * 60);
    const inTime = await submitCallback(db(), {}, { now: yesterday9am });
    await reachCaller(db(), adviser, inTime.id, minutesAfter(yesterday9am, 30));
    const late = await submitCallback(db(), {}, { now: minutesAfter(yesterday9am, 60) });
    await reachCaller(db(), adviser, late.id, minutesAfter(yesterday9am, 150));
    await submitCallback(db(), { immediateDanger: true }, { now: minutesAfter(TUESDAY_10AM, -120) });
    // Due at 10:50: not yet late.
    await submitCallback(db(), {}, { now: minutesAfter(TUESDAY_10AM, -10) });

    const { callbackTimeliness } = await callerFor(db(), lead, { now: TUESDAY_10AM }).reports.shift();
    expect(callbackTimeliness).toHaveLength(14);
    expect(callbackTimeliness[0]!.day).toBe('2026-11-18');
    expect(callbackTimeliness.at(-2)).toEqual({ day: '2026-11-30', inTime: 1, late: 1, urgentInTime: 0, urgentLate: 0, percentInTime: 50 });
    expect(callbackTimeliness.at(-1)).toEqual({ day: '2026-12-01', inTime: 0, late: 1, urgentInTime: 0, urgentLate: 1, percentInTime: 0 });
    expect(callbackTimeliness[0]!.percentInTime).toBeNull();
  });

  it("shows open cases per stage, the stale ones by reference, and each adviser's open work", async () => {
    const lead = await createUser(db(), { role: 'team_lead', fullName: 'Tom Price' });
    await createUser(db(), { role: 'manager', fullName: 'Grace Owusu' });
    const amira = await createUser(db(), { fullName: 'Amira Shah' });
    const ben = await createUser(db(), { fullName: 'Ben Jones' });
    const stale = await openCase(db(), amira, {}, minutesAfter(TUESDAY_10AM, -6 * 24 * 60));
    await openCase(db(), amira, {}, minutesAfter(TUESDAY_10AM, -60));
    await assessedCase(db(), ben, minutesAfter(TUESDAY_10AM, -60));
    const held = await submitCallback(db(), {}, { now: minutesAfter(TUESDAY_10AM, -10) });
    await callerFor(db(), amira, { now: minutesAfter(TUESDAY_10AM, -5) }).callbacks.claim({ id: held.id });

    const dashboard = await callerFor(db(), lead, { now: TUESDAY_10AM }).reports.shift();
    expect(dashboard.openPerStage).toEqual([
      { stage: 'enquiry', label: 'Enquiry', open: 2, stale: 1 },
      { stage: 'assessment', label: 'Assessment', open: 1, stale: 0 },
      { stage: 'placement', label: 'Placement', open: 0, stale: 0 },
      { stage: 'aftercare', label: 'Aftercare', open: 0, stale: 0 },
    ]);
    expect(dashboard.staleCount).toBe(1);
    expect(dashboard.staleCases).toEqual([expect.objectContaining({ id: stale.id, reference: stale.reference, stage: 'enquiry', adviserName: 'Amira Shah' })]);
    expect(dashboard.openWork.map(({ adviserId: _id, ...work }) => work)).toEqual([
      { adviserName: 'Amira Shah', enquiry: 2, assessment: 0, placement: 0, aftercare: 0, stale: 1, overdueActions: 0, callbacksHeld: 1 },
      { adviserName: 'Ben Jones', enquiry: 0, assessment: 1, placement: 0, aftercare: 0, stale: 0, overdueActions: 0, callbacksHeld: 0 },
      { adviserName: 'Tom Price', enquiry: 0, assessment: 0, placement: 0, aftercare: 0, stale: 0, overdueActions: 0, callbacksHeld: 0 },
    ]);
    const [listed] = await auditRows(db(), 'cases.listed');
    expect(listed).toMatchObject({ actorUserId: lead.id, details: { view: 'shift dashboard', ids: [stale.id] } });
  });
});
