import pg from 'pg';
import { hashPassword } from '../features/users/users.passwords';
import { ensureBenchDatabase, wipeAndMigrate } from './bench-database';
import {
  ATTEMPT_COLUMNS,
  attemptRowsForCase,
  CALLBACK_COLUMNS,
  callbackRowForCase,
  CASE_COLUMNS,
  caseRow,
  CHECK_IN_COLUMNS,
  checkInRows,
  LIVE_QUEUE,
  liveCallbackRow,
  PLACEMENT_COLUMNS,
  placementRow,
  planCase,
  type BenchWorld,
} from './bench-cases';
import { BENCH_PASSWORD, CLINIC_COLUMNS, CLINIC_COUNT, clinicRow, STAFF_COLUMNS, STAFF_TOTAL, staffRow } from './bench-staff-clinics';
import { copyRows } from './copy-text';
import { dropTableStructure, readTableStructure, restoreTableStructure } from './table-structure';

export const FULL_SCALE_CASES = 1_000_000;

/** The tables loaded bare and indexed afterwards; the small ones keep their indexes. */
const BIG_TABLES = ['cases', 'callback_requests', 'callback_attempts', 'placements', 'aftercare_check_ins'];

export interface BenchLoadOptions {
  url: string;
  /** 1 for a million cases; 0.001 for a thousand. */
  scale: number;
  /** One line per phase. */
  log: (line: string) => void;
  now?: Date;
}

export interface BenchLoadResult {
  rows: Record<string, number>;
  phases: Array<{ name: string; rows: number | null; seconds: number }>;
  seconds: number;
}

const seconds = (fromMs: number) => (performance.now() - fromMs) / 1000;

export async function loadBenchData({ url, scale, log, now = new Date() }: BenchLoadOptions): Promise<BenchLoadResult> {
  if (!(scale > 0 && scale <= 1)) throw new Error(`--scale must be more than 0 and at most 1, not ${scale}`);
  const startedMs = performance.now();
  const phases: BenchLoadResult['phases'] = [];
  const rows: Record<string, number> = {};
  async function phase<T>(name: string, work: () => Promise<T>, rowsOf: (result: T) => number | null = () => null): Promise<T> {
    const from = performance.now();
    const result = await work();
    const entry = { name, rows: rowsOf(result), seconds: seconds(from) };
    phases.push(entry);
    log(`${name.padEnd(34)} ${entry.rows === null ? ''.padStart(10) : entry.rows.toLocaleString('en-GB').padStart(10)} rows ${entry.seconds.toFixed(1).padStart(6)} s`);
    return result;
  }

  await phase('database: create if missing, wipe, migrate', async () => {
    await ensureBenchDatabase(url);
    return wipeAndMigrate(url);
  });

  const world: BenchWorld = { nowMs: Math.floor(now.getTime() / 60_000) * 60_000, caseCount: Math.round(FULL_SCALE_CASES * scale) };
  // Two connections: one per core. Index builds run two at a time on them.
  const clients = [0, 1].map(() => new pg.Client({ connectionString: url, application_name: 'harbour-bench-data' }));
  await Promise.all(clients.map((client) => client.connect()));
  try {
    for (const client of clients) {
      // A lost commit here costs a re-run, never real data; index builds get room to sort in memory.
      await client.query("set synchronous_commit = off; set maintenance_work_mem = '512MB'; set statement_timeout = 0");
    }
    const [main, second] = clients as [pg.Client, pg.Client];
    const structure = await phase('drop keys, foreign keys, indexes', async () => {
      const read = await readTableStructure(main, BIG_TABLES);
      await dropTableStructure(main, read);
      return read;
    }, (read) => read.foreignKeys.length + read.keys.length + read.indexes.length);

    const passwordHash = await hashPassword(BENCH_PASSWORD);
    rows.users = await phase('users', () => copyRows(main, 'users', STAFF_COLUMNS, STAFF_TOTAL, (index, into) => {
      into.push(staffRow(index, passwordHash));
    }), (count) => count);
    rows.clinics = await phase('clinics', () => copyRows(main, 'clinics', CLINIC_COLUMNS, CLINIC_COUNT, (index, into) => {
      into.push(clinicRow(index, world.nowMs));
    }), (count) => count);

    // The cases and their requests go in side by side on the two connections; each pass works
    // out the same story for a case from its number.
    const [cases, callbacks] = await Promise.all([
      phase('cases', () => copyRows(main, 'cases', CASE_COLUMNS, world.caseCount, (index, into) => {
        into.push(caseRow(world, planCase(world, index)));
      }), (count) => count),
      phase('callback requests', async () => {
        const live: string[] = [];
        const liveAttempts: string[] = [];
        for (let n = 0; n < LIVE_QUEUE; n += 1) liveCallbackRow(world, n, live, liveAttempts);
        const forCases = await copyRows(second, 'callback_requests', CALLBACK_COLUMNS, world.caseCount, (index, into) => {
          into.push(callbackRowForCase(planCase(world, index)));
        });
        const waiting = await copyRows(second, 'callback_requests', CALLBACK_COLUMNS, 1, (_index, into) => into.push(...live));
        await copyRows(second, 'callback_attempts', ATTEMPT_COLUMNS, 1, (_index, into) => into.push(...liveAttempts));
        rows.liveQueue = waiting;
        rows.liveAttempts = liveAttempts.length;
        return forCases + waiting;
      }, (count) => count),
    ]);
    rows.cases = cases;
    rows.callback_requests = callbacks;

    const [attempts, placements] = await Promise.all([
      phase('call attempts', () => copyRows(main, 'callback_attempts', ATTEMPT_COLUMNS, world.caseCount, (index, into) => {
        attemptRowsForCase(planCase(world, index), into);
      }), (count) => count),
      phase('placements and check-ins', async () => {
        const placed = await copyRows(second, 'placements', PLACEMENT_COLUMNS, world.caseCount, (index, into) => {
          if (index % 5 !== 2) return;
          const row = placementRow(planCase(world, index));
          if (row) into.push(row);
        });
        rows.aftercare_check_ins = await copyRows(second, 'aftercare_check_ins', CHECK_IN_COLUMNS, world.caseCount, (index, into) => {
          if (index % 5 === 2) checkInRows(planCase(world, index), into);
        });
        return placed;
      }, (count) => count),
    ]);
    rows.callback_attempts = attempts + (rows.liveAttempts ?? 0);
    rows.placements = placements;

    await phase('keys and indexes, then foreign keys', () =>
      restoreTableStructure(clients, structure, (table) => rows[table] ?? 0),
    );
    await phase('reference sequence, analyse', async () => {
      // The next case opened gets the number after the last one loaded, whatever its year.
      await main.query(`select setval('case_reference_seq', $1, $2)`, [Math.max(1, world.caseCount), world.caseCount > 0]);
      await Promise.all([main.query('analyze cases, callback_attempts, aftercare_check_ins'), second.query('analyze callback_requests, placements, users, clinics')]);
    });
  } finally {
    await Promise.all(clients.map((client) => client.end().catch(() => undefined)));
  }
  const total = seconds(startedMs);
  log(`${'total'.padEnd(34)} ${''.padStart(10)}      ${total.toFixed(1).padStart(6)} s`);
  return { rows, phases, seconds: total };
}
