import { readFileSync } from 'node:fs';
import { placementReportFiltersSchema, reportQueryOf, type PlacementReportFilters } from '@harbour/shared/reports';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import pino from 'pino';
import { openPostgres } from '../db/connect';
import type { Database } from '../db/database';
import { enrolWithKnownKey, isTwoStepEnabled } from '../features/mfa/mfa.service';
import { newTotpKey } from '../features/mfa/totp';
import { placementCsvCopySql } from '../features/reports/reports.service';
import { startSession } from '../features/sessions/sessions.service';
import { ensureExportData, exportDatabaseUrl } from './bench-export-data';
import { startBuiltHarbour } from './bench-processes';

// The CSV export of every placement, timed against PostgreSQL's own COPY of the same query.
// Target (issue 9): at a million rows, the download over HTTP takes at most 2.5 times the
// COPY, and the server's peak resident memory stays at or under 150 MB. Measured on a
// database of its own (bench-export-data.ts), never on harbour_bench, whose other figures
// must not move.

export interface ExportBenchResult {
  /** Placement rows in the file (its lines less the header and the totals). */
  rows: number;
  /** GET /api/reports/placements.csv, first byte asked to last byte read. */
  exportMs: number;
  /** COPY (the export's own query) TO STDOUT through pg-copy-streams on a plain connection. */
  copyMs: number;
  /** VmHWM of the fresh server process that served only this download. */
  peakRssMb: number;
}

const ALL_TIME: PlacementReportFilters = placementReportFiltersSchema.parse({ periodBy: 'proposal', from: '01/01/2000', to: '31/12/2099' });
const BENCH_MANAGER = 'bench-manager-001@harbour.test';
// startBuiltHarbour runs Harbour as production does, where the cookie carries the __Host- prefix.
const SESSION_COOKIE = '__Host-harbour_session';
const LINE_FEED = 0x0a;

/**
 * A live session for a bench manager who has two-step sign-in switched on, made in the
 * database as signing in with a code would leave it (managers without two-step are refused
 * everything but setting it up, and bench:data gives none).
 */
async function managerCookie(db: Kysely<Database>): Promise<string> {
  const manager = await db.selectFrom('users').select('id').where('email', '=', BENCH_MANAGER).executeTakeFirstOrThrow();
  if (!(await isTwoStepEnabled(db, manager.id))) await enrolWithKnownKey(db, manager.id, newTotpKey());
  const { token } = await startSession(db, manager.id);
  return `${SESSION_COOKIE}=${token}`;
}

/** Downloads the CSV, counting bytes and line ends as they arrive rather than keeping them. */
async function timeDownload(baseUrl: string, cookie: string): Promise<{ ms: number; bytes: number; lines: number }> {
  const started = performance.now();
  const response = await fetch(`${baseUrl}/api/reports/placements.csv?${reportQueryOf(ALL_TIME)}`, { headers: { cookie } });
  if (!response.ok || !response.body) throw new Error(`The CSV download was refused: HTTP ${response.status} ${await response.text()}`);
  let bytes = 0;
  let lines = 0;
  for await (const chunk of response.body) {
    const buffer = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    bytes += buffer.length;
    for (let at = buffer.indexOf(LINE_FEED); at !== -1; at = buffer.indexOf(LINE_FEED, at + 1)) lines += 1;
  }
  return { ms: performance.now() - started, bytes, lines };
}

async function timeCopy(url: string, copySql: string): Promise<{ ms: number; bytes: number }> {
  const client = new pg.Client({ connectionString: url, application_name: 'harbour-bench-export' });
  await client.connect();
  try {
    const started = performance.now();
    let bytes = 0;
    for await (const chunk of client.query(copyTo(copySql)) as AsyncIterable<Buffer>) bytes += chunk.length;
    return { ms: performance.now() - started, bytes };
  } finally {
    await client.end();
  }
}

/** The peak resident set of a process so far, in MB, from /proc (Linux). */
function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmHWM:\s+(\d+) kB$/m.exec(status);
  if (!match) throw new Error(`No VmHWM in /proc/${pid}/status`);
  return Math.round((Number(match[1]) / 1024) * 10) / 10;
}

export async function benchExport({ databaseUrl, log = () => undefined }: { databaseUrl: string; log?: (line: string) => void }): Promise<ExportBenchResult> {
  const url = exportDatabaseUrl(databaseUrl);
  await ensureExportData(url, log);
  const handle = openPostgres({ connectionString: url, logger: pino({ level: 'silent' }), max: 1 });
  try {
    const cookie = await managerCookie(handle.db);
    const copySql = placementCsvCopySql(handle.db, ALL_TIME);
    // Once to warm the cache, so neither timing pays for reading the tables from disk.
    await timeCopy(url, copySql);

    const harbour = await startBuiltHarbour(url);
    let download: Awaited<ReturnType<typeof timeDownload>>;
    let peak: number;
    try {
      download = await timeDownload(harbour.baseUrl, cookie);
      peak = peakRssMb(harbour.pid);
    } finally {
      await harbour.stop();
    }
    const copy = await timeCopy(url, copySql);
    const rows = download.lines - 2;
    log(
      `CSV export: ${rows.toLocaleString('en-GB')} rows, ${(download.bytes / 1e6).toFixed(1)} MB in ${Math.round(download.ms)} ms; ` +
        `COPY ${Math.round(copy.ms)} ms (${(copy.bytes / 1e6).toFixed(1)} MB); ${(download.ms / copy.ms).toFixed(2)}× COPY; peak RSS ${peak} MB`,
    );
    return { rows, exportMs: Math.round(download.ms), copyMs: Math.round(copy.ms), peakRssMb: peak };
  } finally {
    await handle.close();
  }
}
