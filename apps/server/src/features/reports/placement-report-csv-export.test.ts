import {
  noTotals,
  placementReportColumns,
  placementReportFiltersSchema,
  reportQueryOf,
  tallyRow,
  totalsRowOf,
  type PlacementReportFilters,
  type PlacementReportRow,
} from '@harbour/shared/reports';
import type { Kysely } from 'kysely';
import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import type { StaffActor } from '../../actor';
import { pooledClientOf } from '../../db/connect';
import type { Database } from '../../db/database';
import type { TestUser } from '../../test/factories';
import { useRunningApp } from '../../test/http-server';
import { octoberPlacements } from '../../test/report-setting';
import { useTestDatabase } from '../../test/test-database';
import { sessionCookieOverHttp } from '../../test/two-step';
import { csvCell } from './placement-report-csv';
import { CopyCsvRows } from './placement-report-copy';
import { exportPlacementCsv, exportPlacementRows } from './reports.service';

// The CSV's cells are written by the database now (COPY on PostgreSQL, batches on the embedded
// engine). The file must be byte for byte what the rows as the screen reads them give through
// csvCell, as the CSV was made before: same cells, same escaping, same line ends.

const db = useTestDatabase();
const app = useRunningApp(db);
const isPostgres = () => pooledClientOf(db()) !== undefined;

/** Runs `work` on a connection from the test pool, on PostgreSQL; the embedded engine has no COPY. */
async function onPostgresConnection(work: (client: pg.PoolClient) => Promise<void>): Promise<void> {
  const connect = pooledClientOf(db());
  if (!connect) return;
  const client = await connect();
  try {
    await work(client);
  } finally {
    client.release();
  }
}

const EVERY_PROPOSAL = placementReportFiltersSchema.parse({ periodBy: 'proposal', from: '01/01/2020', to: '31/12/2027' });

/** The CSV as it was made in Node: each row's column texts through csvCell, the totals tallied from the rows. */
function csvMadeInNode(rows: PlacementReportRow[]): string {
  const line = (cells: string[]) => `${cells.map(csvCell).join(',')}\r\n`;
  let totals = noTotals();
  let text = `\uFEFF${line(placementReportColumns.map((column) => column.header))}`;
  for (const row of rows) {
    totals = tallyRow(totals, row);
    text += line(placementReportColumns.map((column) => column.text(row)));
  }
  return text + line(totalsRowOf(totals).map((cell) => cell?.text ?? ''));
}

const actorOf = (user: TestUser): StaffActor => ({ userId: user.id, role: user.role, requestId: 'test' });

async function rowsInNode(user: TestUser, filters: PlacementReportFilters): Promise<PlacementReportRow[]> {
  const rows: PlacementReportRow[] = [];
  for await (const row of await exportPlacementRows({ db: db(), reportDb: db() }, actorOf(user), filters)) rows.push(row);
  return rows;
}

async function csvBytes(user: TestUser, filters: PlacementReportFilters, via: 'copy' | 'batches'): Promise<Buffer> {
  const download = await exportPlacementCsv({ db: db(), reportDb: db() }, actorOf(user), filters, { via });
  const pieces: Buffer[] = [];
  for await (const piece of download.body) pieces.push(Buffer.from(piece));
  await download.finish();
  return Buffer.concat(pieces);
}

/** October's placements with every awkward thing a cell can hold. */
async function awkwardPlacements(database: Kysely<Database>) {
  const setting = await octoberPlacements(database);
  const { oak, cedar, amira, ben, cases } = setting;
  await database.updateTable('clinics').set({ name: '=HYPERLINK("http://evil.example","Click"), Oak\nHouse' }).where('id', '=', oak.id).execute();
  await database.updateTable('clinics').set({ name: 'Cedar "Lodge"\r\nLeeds' }).where('id', '=', cedar.id).execute();
  await database.updateTable('users').set({ full_name: '-Amira\tShah' }).where('id', '=', amira.id).execute();
  await database.updateTable('users').set({ full_name: '@Ben, Jones' }).where('id', '=', ben.id).execute();
  const names: Array<[string, string | null]> = [
    [cases.a.caseId, "zoë ó'brien-smith"],
    [cases.b.caseId, 'ßam straße'],
    [cases.c.caseId, null],
    [cases.d.caseId, '123 456'],
    [cases.e.caseId, '  --x\u00a0Ärger  Łukasz\u3000żółw'],
    [cases.f.caseId, 'Ωmega 中文 名字'],
  ];
  for (const [id, name] of names) await database.updateTable('cases').set({ client_name: name }).where('id', '=', id).execute();
  // C rang for themselves: the caller is the person treated.
  await database.updateTable('cases').set({ caller_relation: 'self', caller_name: 'Émile Zola-Dupont' }).where('id', '=', cases.c.caseId).execute();
  // Thousands in days and pounds, pennies under a pound.
  await database
    .updateTable('placements')
    .set({ admitted_on: '2023-10-02', fee_pence: 123_456_789, weekly_price_pence: 5 })
    .where('case_id', '=', cases.a.caseId)
    .execute();
  return setting;
}

describe('the placement report CSV, written by the database', () => {
  it('is byte for byte the CSV made in Node from the same rows, awkward cells and all', async () => {
    const { manager } = await awkwardPlacements(db());
    const cookie = await sessionCookieOverHttp(db(), app().url, manager);

    const response = await fetch(`${app().url}/api/reports/placements.csv?${reportQueryOf(EVERY_PROPOSAL)}`, { headers: { cookie } });
    expect(response.status).toBe(200);
    // Read as bytes: text() would drop the byte order mark.
    const text = Buffer.from(await response.arrayBuffer()).toString('utf8');

    expect(text).toBe(csvMadeInNode(await rowsInNode(manager, EVERY_PROPOSAL)));
    // What the awkward cells came to, so a change to the comparison cannot pass unnoticed.
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""Click""), Oak\nHouse"`);
    expect(text).toContain(`"Cedar ""Lodge""\r\nLeeds"`);
    expect(text).toContain(`'-Amira\tShah`);
    expect(text).toContain(`"'@Ben, Jones"`);
    for (const initials of ['ZÓS', 'SSS', 'ÉZD', 'XÄŁŻ', 'Ω中名']) expect(text).toContain(`,${initials},`);
    expect(text).toContain('"1,124"');
    expect(text).toContain('"£1,234,567.89"');
    expect(text).toContain('£0.05');
  });

  it('is the same through COPY and through batches, across many chunks with line breaks inside cells', async () => {
    const { manager, amira, cedar } = await awkwardPlacements(db());
    const [template] = await db().selectFrom('cases').selectAll().limit(1).execute();
    const { id: _id, reference: _reference, ...columns } = template!;
    // Generated columns (the search ones) cannot be written.
    const caseColumns = Object.fromEntries(Object.entries(columns).filter(([name]) => !name.startsWith('search_'))) as typeof columns;
    const count = 2_500;
    for (let start = 0; start < count; start += 500) {
      const caseRows = Array.from({ length: 500 }, (_, index) => ({
        ...caseColumns,
        assessment: null,
        reference: `H-2026-${String(700_000 + start + index)}`,
        client_name: `Person "${start + index}"\nSecond-line`,
      }));
      const made = await db().insertInto('cases').values(caseRows).returning('id').execute();
      await db()
        .insertInto('placements')
        .values(
          made.map((row, index) => ({
            case_id: row.id,
            clinic_id: cedar.id,
            status: 'admitted',
            programme: 'residential_rehab',
            length_days: 28,
            weekly_price_pence: 350_000 + index,
            fee_pence: 150_000,
            proposed_by: amira.id,
            proposed_at: new Date(Date.UTC(2026, 9, 1 + (index % 28), 10)),
            admitted_on: `2026-10-${String(1 + (index % 28)).padStart(2, '0')}`,
          })),
        )
        .execute();
    }

    const inNode = Buffer.from(csvMadeInNode(await rowsInNode(manager, EVERY_PROPOSAL)));
    const inBatches = await csvBytes(manager, EVERY_PROPOSAL, 'batches');
    expect(inBatches.equals(inNode)).toBe(true);
    if (isPostgres()) {
      const throughCopy = await csvBytes(manager, EVERY_PROPOSAL, 'copy');
      expect(throughCopy.length).toBe(inNode.length);
      expect(throughCopy.equals(inNode)).toBe(true);
    }
  });

  it('leaves the pool as it found it, whether the download ends or is cut short', async () => {
    const { manager } = await octoberPlacements(db());
    const cookie = await sessionCookieOverHttp(db(), app().url, manager);
    const url = `${app().url}/api/reports/placements.csv?${reportQueryOf(EVERY_PROPOSAL)}`;
    // More downloads than the pool has connections: one not given back would stall the rest.
    for (let index = 0; index < 6; index += 1) expect((await fetch(url, { headers: { cookie } })).status).toBe(200);
    const cut = new AbortController();
    const response = await fetch(url, { headers: { cookie }, signal: cut.signal });
    cut.abort();
    await response.text().catch(() => undefined);
    expect((await fetch(url, { headers: { cookie } })).status).toBe(200);
  });

  it('reads COPY at the pace of a slow reader, every row, and hands the connection back to pg', async () => {
    await onPostgresConnection(async (client) => {
      const rows = client.query(new CopyCsvRows('copy (select g, repeat($$x$$, 200) from generate_series(1, 50000) g) to stdout with (format csv)'));
      let lines = 0;
      let chunks = 0;
      for await (const chunk of rows as AsyncIterable<Buffer>) {
        chunks += 1;
        // Now and then the reader stops, so the socket is paused with COPY still sending.
        if (chunks % 50 === 0) await new Promise((resolve) => setTimeout(resolve, 20));
        for (let at = chunk.indexOf('\r\n'); at !== -1; at = chunk.indexOf('\r\n', at + 2)) lines += 1;
      }
      expect(lines).toBe(50_000);
      expect((await client.query('select 1 as one')).rows).toEqual([{ one: 1 }]);
    });
  });

  it('fails with the database\'s error when COPY fails part way, and the connection still answers', async () => {
    await onPostgresConnection(async (client) => {
      const rows = client.query(new CopyCsvRows('copy (select 1 / (g - 40000) from generate_series(1, 50000) g) to stdout with (format csv)'));
      await expect(
        (async () => {
          for await (const _chunk of rows as AsyncIterable<Buffer>);
        })(),
      ).rejects.toThrow('division by zero');
      expect((await client.query('select 1 as one')).rows).toEqual([{ one: 1 }]);
    });
  });
});
