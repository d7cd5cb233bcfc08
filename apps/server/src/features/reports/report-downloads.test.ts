import { placementReportColumns, reportQueryOf, totalsRowOf, placementReportFiltersSchema } from '@harbour/shared/reports';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { PDFParse } from 'pdf-parse';
import { describe, expect, it } from 'vitest';
import { auditRows } from '../../test/callbacks';
import { callerFor, type TestUser } from '../../test/factories';
import { useRunningApp } from '../../test/http-server';
import { octoberPlacements, OCTOBER } from '../../test/report-setting';
import { useTestDatabase } from '../../test/test-database';
import { sessionCookieOverHttp } from '../../test/two-step';

const db = useTestDatabase();
const app = useRunningApp(db);

const october = placementReportFiltersSchema.parse(OCTOBER);

async function cookieOf(user: TestUser): Promise<string> {
  return sessionCookieOverHttp(db(), app().url, user);
}

async function download(user: TestUser | null, format: string, query = reportQueryOf(october)) {
  return fetch(`${app().url}/api/reports/placements.${format}?${query}`, { headers: user ? { cookie: await cookieOf(user) } : {} });
}

/** What the screen shows for the same filters: each row's cells as text. */
async function screenRows(user: TestUser, filters = october) {
  const report = await callerFor(db(), user).reports.placements({ filters });
  return { ...report, cells: report.rows.map((row) => placementReportColumns.map((column) => column.text(row))) };
}

describe('the placement report as CSV', () => {
  it('is the screen\'s rows and totals, in UTF-8 with a byte order mark, as a file to save', async () => {
    const { manager } = await octoberPlacements(db());
    const response = await download(manager, 'csv');

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="harbour-placements-2026-10-01-to-2026-10-31.csv"');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

    const lines: string[][] = parse(Buffer.from(bytes), { bom: true });
    const screen = await screenRows(manager);
    expect(lines[0]).toEqual(placementReportColumns.map((column) => column.header));
    expect(lines.slice(1, -1)).toEqual(screen.cells);
    expect(lines.at(-1)).toEqual(totalsRowOf(screen.totals).map((cell) => cell?.text ?? ''));
    expect(lines.at(-1)).toContain('£4,300.00');
  });

  it('neutralises every cell a spreadsheet would run as a formula, and quotes what needs quoting', async () => {
    const { manager, oak, cedar } = await octoberPlacements(db());
    await db().updateTable('clinics').set({ name: '=HYPERLINK("http://evil.example","Click")' }).where('id', '=', oak.id).execute();
    await db().updateTable('clinics').set({ name: '@SUM(1+1), "Cedar"' }).where('id', '=', cedar.id).execute();
    await db().updateTable('users').set({ full_name: '+44 Amira' }).where('id', '=', (await db().selectFrom('users').select('id').where('full_name', '=', 'Amira Shah').executeTakeFirstOrThrow()).id).execute();
    await db().updateTable('users').set({ full_name: '-Ben\tJones' }).where('full_name', '=', 'Ben Jones').execute();

    const text = (await (await download(manager, 'csv')).text()).replace(/^\uFEFF/, '');
    const rows: string[][] = parse(text);
    const clinicColumn = placementReportColumns.findIndex((column) => column.header === 'Clinic');
    const adviserColumn = placementReportColumns.findIndex((column) => column.header === 'Adviser');
    expect(rows.slice(1, -1).map((row) => row[clinicColumn])).toEqual([
      `'=HYPERLINK("http://evil.example","Click")`,
      `'=HYPERLINK("http://evil.example","Click")`,
      `'@SUM(1+1), "Cedar"`,
    ]);
    expect(rows.slice(1, -1).map((row) => row[adviserColumn])).toEqual(["'+44 Amira", "'+44 Amira", "'-Ben\tJones"]);
    // No cell of any row starts with a character that begins a formula.
    expect(rows.flat().filter((value) => /^[=+\-@\t\r]/.test(value))).toEqual([]);
  });

  it('is recorded before it is sent: who, which filters, how many rows', async () => {
    const { manager } = await octoberPlacements(db());
    await download(manager, 'csv', reportQueryOf({ ...october, clinicId: undefined, region: 'north_west' }));

    const [exported] = await auditRows(db(), 'reports.exported');
    expect(exported).toMatchObject({
      actorUserId: manager.id,
      details: { report: 'placements', format: 'csv', rows: 2, filters: { periodBy: 'admission', from: '2026-10-01', to: '2026-10-31', region: 'north_west' } },
    });
  });

  it('is for managers: a team lead or an adviser is refused, and someone signed out is asked to sign in', async () => {
    const { lead, amira } = await octoberPlacements(db());
    for (const format of ['csv', 'xlsx', 'pdf']) {
      expect((await download(amira, format)).status).toBe(403);
      expect((await download(lead, format)).status).toBe(403);
      const anonymous = await download(null, format);
      expect(anonymous.status).toBe(401);
      expect(await anonymous.json()).toEqual({ error: 'Sign in to Harbour to download reports.' });
    }
    expect(await auditRows(db(), 'reports.exported')).toEqual([]);
  });

  it('refuses filters it cannot read, naming the field, and records nothing', async () => {
    const { manager } = await octoberPlacements(db());
    const response = await download(manager, 'csv', 'periodBy=admission&from=31/02/2026&to=31/10/2026');
    expect(response.status).toBe(400);
    expect(response.headers.get('content-disposition')).toBeNull();
    expect(await response.json()).toEqual({
      error: 'Enter the first day as day/month/year, like 01/11/2026',
      fieldErrors: { from: 'Enter the first day as day/month/year, like 01/11/2026' },
    });
    expect((await download(manager, 'csv', 'from=01/10/2026&to=31/10/2026&outcome=won')).status).toBe(400);
    expect(await auditRows(db(), 'reports.exported')).toEqual([]);
  });

  it('reads a long report batch by batch without losing or repeating a row', async () => {
    const { manager, amira, oak } = await octoberPlacements(db());
    const [template] = await db().selectFrom('cases').selectAll().limit(1).execute();
    const { id: _id, reference: _reference, search_words: _searchWords, ...caseColumns } = template!;
    const count = 4_500;
    const caseRows = Array.from({ length: count }, (_, index) => ({ ...caseColumns, assessment: null, reference: `H-2026-${String(800_000 + index)}` }));
    for (let start = 0; start < count; start += 500) {
      const cases = await db().insertInto('cases').values(caseRows.slice(start, start + 500)).returning('id').execute();
      // Many on the same day, so the cursor must order within a day too.
      await db()
        .insertInto('placements')
        .values(
          cases.map((row, index) => ({
            case_id: row.id,
            clinic_id: oak.id,
            status: 'admitted',
            programme: 'residential_rehab',
            length_days: 28,
            weekly_price_pence: 350_000,
            fee_pence: 140_000,
            proposed_by: amira.id,
            proposed_at: new Date('2026-10-01T10:00:00Z'),
            admitted_on: `2026-10-${String(1 + (index % 3)).padStart(2, '0')}`,
          })),
        )
        .execute();
    }

    const rows: string[][] = parse((await (await download(manager, 'csv')).text()).replace(/^\uFEFF/, ''));
    const references = rows.slice(1, -1).map((row) => row[0]);
    expect(references).toHaveLength(count + 3);
    expect(new Set(references).size).toBe(count + 3);
    expect(rows.at(-1)![2]).toBe(`${(count + 3).toLocaleString('en-GB')} placements`);
  });
});

describe('the placement report as an Excel workbook', () => {
  it('has real dates and pounds, a frozen header row, column widths and the totals row', async () => {
    const { manager } = await octoberPlacements(db());
    const response = await download(manager, 'xlsx');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.getWorksheet('Placements')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).values).toEqual([undefined, ...placementReportColumns.map((column) => column.header)]);
    expect(sheet.getColumn(8).width).toBe(32);

    const first = sheet.getRow(2);
    const admitted = first.getCell(4);
    expect(admitted.value).toEqual(new Date('2026-10-02T00:00:00Z'));
    expect(admitted.numFmt).toBe('dd/mm/yyyy');
    const fee = first.getCell(13);
    expect(fee.value).toBe(1_400);
    expect(fee.numFmt).toBe('"£"#,##0.00');
    expect(first.getCell(6).value).toBe(28);

    expect(sheet.rowCount).toBe(5);
    const totals = sheet.getRow(5);
    expect(totals.getCell(1).value).toBe('Totals');
    expect(totals.getCell(3).value).toBe(3);
    expect(totals.getCell(3).numFmt).toBe('#,##0 "placements"');
    expect(totals.getCell(13).value).toBe(4_300);
    const [exported] = await auditRows(db(), 'reports.exported');
    expect(exported!.details).toMatchObject({ format: 'xlsx', rows: 3 });
  });
});

describe('the monthly summary as a PDF', () => {
  it('gives the totals, the clinics and funding routes, and the charts, counts only', async () => {
    const { manager } = await octoberPlacements(db());
    const response = await download(manager, 'pdf');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');

    const parser = new PDFParse({ data: new Uint8Array(await response.arrayBuffer()) });
    const { text } = await parser.getText();
    await parser.destroy();
    expect(text).toContain('Placements admitted from 01/10/2026 to 31/10/2026');
    expect(text).toContain('by Grace Owusu');
    expect(text).toContain('£4,300.00');
    expect(text).toContain('Oak House');
    expect(text).toContain('Cedar Lodge');
    expect(text).toContain('Self-funded');
    expect(text).toContain('Admissions per month');
    expect(text).not.toContain('Morgan');
    const [exported] = await auditRows(db(), 'reports.exported');
    expect(exported!.details).toMatchObject({ format: 'pdf', rows: 3 });
  });
});
