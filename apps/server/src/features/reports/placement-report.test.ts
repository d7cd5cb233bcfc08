import { noTotals, placementReportColumns, tallyRow, type PlacementReportFiltersInput } from '@harbour/shared/reports';
import { describe, expect, it } from 'vitest';
import { auditRows } from '../../test/callbacks';
import { callerFor } from '../../test/factories';
import { octoberPlacements, OCTOBER } from '../../test/report-setting';
import { useTestDatabase } from '../../test/test-database';
import { rejectionOf } from '../../test/trpc-errors';

const db = useTestDatabase();

type Setting = Awaited<ReturnType<typeof octoberPlacements>>;
const reportFor = (setting: Setting, filters: PlacementReportFiltersInput, page = 1) => callerFor(db(), setting.manager).reports.placements({ filters, page });
const cell = (header: string) => placementReportColumns.find((column) => column.header === header)!;

describe('the placement report on screen', () => {
  it('shows one row per placement admitted in the period, in admission order, with initials and never a name', async () => {
    const setting = await octoberPlacements(db());
    const report = await reportFor(setting, OCTOBER);

    expect(report.rows.map((row) => row.caseId)).toEqual([setting.cases.a.caseId, setting.cases.b.caseId, setting.cases.c.caseId]);
    const [completed, inTreatment, leftEarly] = report.rows;
    expect(placementReportColumns.map((column) => column.text(completed!))).toEqual([
      expect.stringMatching(/^H-\d{4}-\d+$/),
      'CM',
      '01/10/2026',
      '02/10/2026',
      '30/10/2026',
      '28',
      '28',
      'Oak House',
      'North West',
      'Residential rehab',
      'Self-funded',
      '£3,500.00',
      '£1,400.00',
      'Completed the programme',
      'Amira Shah',
      'Heroin',
      'Severe',
      'No',
      'Awaiting first check-in',
    ]);
    expect(cell('Actual days').text(inTreatment!)).toBe('');
    expect(cell('Outcome').text(inTreatment!)).toBe('In treatment');
    expect(cell('Aftercare').text(inTreatment!)).toBe('');
    expect(cell('Service fee').text(leftEarly!)).toBe('£1,500.00');
    expect(cell('Actual days').text(leftEarly!)).toBe('8');
    expect(JSON.stringify(report)).not.toContain('Chris Morgan');
    expect(JSON.stringify(report)).not.toContain('Pat Morgan');
  });

  it('totals every row the filters select, and the totals are the sum of the rows', async () => {
    const setting = await octoberPlacements(db());
    const report = await reportFor(setting, OCTOBER);
    expect(report.totals).toEqual({ placements: 3, admissions: 3, completions: 1, discharges: 2, feesPence: 140_000 + 140_000 + 150_000 });
    expect(report.rows.reduce(tallyRow, noTotals())).toEqual(report.totals);

    const byProposal = await reportFor(setting, { ...OCTOBER, periodBy: 'proposal' });
    expect(byProposal.rows.map((row) => row.caseId)).toEqual(['a', 'b', 'c', 'd', 'f'].map((key) => setting.cases[key as 'a'].caseId));
    // The cancelled placement's agreed fee is not income; the confirmed one's is.
    expect(cell('Service fee').text(byProposal.rows[3]!)).toBe('');
    expect(byProposal.totals).toEqual({ placements: 5, admissions: 3, completions: 1, discharges: 2, feesPence: 140_000 * 3 + 150_000 });
    expect(byProposal.rows.reduce(tallyRow, noTotals())).toEqual(byProposal.totals);
  });

  it('filters by clinic, region, adviser, funding route, primary substance and outcome', async () => {
    const setting = await octoberPlacements(db());
    await db().updateTable('cases').set({ funding_route: 'family', primary_substance: 'alcohol' }).where('id', '=', setting.cases.b.caseId).execute();
    const ids = async (filters: Partial<PlacementReportFiltersInput>) =>
      (await reportFor(setting, { ...OCTOBER, periodBy: 'proposal', ...filters })).rows.map((row) => row.caseId);
    const { a, b, c, d, f } = setting.cases;

    expect(await ids({ clinicId: setting.cedar.id })).toEqual([c.caseId, d.caseId]);
    expect(await ids({ region: 'north_west' })).toEqual([a.caseId, b.caseId, f.caseId]);
    expect(await ids({ adviserId: setting.ben.id })).toEqual([c.caseId, d.caseId, f.caseId]);
    expect(await ids({ fundingRoute: 'family' })).toEqual([b.caseId]);
    expect(await ids({ substance: 'alcohol' })).toEqual([b.caseId]);
    expect(await ids({ outcome: 'completed' })).toEqual([a.caseId]);
    expect(await ids({ outcome: 'in_treatment' })).toEqual([b.caseId]);
    expect(await ids({ outcome: 'cancelled' })).toEqual([d.caseId]);
    expect(await ids({ outcome: 'confirmed' })).toEqual([f.caseId]);
    // An empty choice, as a form sends it, is no filter.
    expect(await ids({ clinicId: '', outcome: '' as never })).toHaveLength(5);
  });

  it('refuses a period typed wrongly, naming the field', async () => {
    const setting = await octoberPlacements(db());
    const wrongDay = await rejectionOf(reportFor(setting, { ...OCTOBER, from: '31/02/2026' }));
    expect(wrongDay).toMatchObject({ code: 'BAD_REQUEST', fieldErrors: { 'filters.from': 'Enter the first day as day/month/year, like 01/11/2026' } });
    const backwards = await rejectionOf(reportFor(setting, { ...OCTOBER, from: '01/11/2026' }));
    expect(backwards.fieldErrors).toEqual({ 'filters.to': 'The last day must not be before the first day' });
  });

  it('is for team leads and managers, and records who read which cases', async () => {
    const setting = await octoberPlacements(db());
    expect((await rejectionOf(callerFor(db(), setting.amira).reports.placements({ filters: OCTOBER }))).code).toBe('FORBIDDEN');
    expect((await rejectionOf(callerFor(db(), null).reports.placements({ filters: OCTOBER }))).code).toBe('UNAUTHORIZED');

    const report = await callerFor(db(), setting.lead).reports.placements({ filters: OCTOBER });
    expect(report.rows).toHaveLength(3);
    const [viewed] = await auditRows(db(), 'reports.viewed');
    expect(viewed).toMatchObject({ actorUserId: setting.lead.id, details: { report: 'placements', page: 1, ids: report.rows.map((row) => row.caseId) } });
    expect(viewed!.details.filters).toMatchObject({ periodBy: 'admission', from: '2026-10-01', to: '2026-10-31' });
  });
});
