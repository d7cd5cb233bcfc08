import pg from 'pg';
import { hashPassword } from '../features/users/users.passwords';
import { ensureBenchDatabase, searchPathFor, wipeAndMigrate } from './bench-database';
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
import { copyManyRows, copyRows } from './copy-text';
import { dropTableStructure, readTableStructure, restoreTableStructure } from './table-structure';

export const FULL_SCALE_CASES = 1_000_000;

/** The tables loaded bare and indexed afterwards; the small ones keep their indexes. */
const BIG_TABLES = ['cases', 'callback_requests', 'callback_attempts', 'placements', 'aftercare_check_ins'];
/** Filled from the cases once they are in, rather than row by row by a trigger as they arrive. */
const DERIVED_TABLES = ['case_name_words'];

export interface BenchLoadOptions {
  url: string;
  /** 1 for a million cases; 0.001 for a thousand. */
  scale: number;
  /** One line per phase. */
  log: (line: string) => void;
  now?: Date;
  /** Also one line per index or key rebuilt. */
  verbose?: boolean;
  /**
   * For tests: fill this schema (its name must contain "bench") in the database `url` names,
   * whatever that is called, instead of wiping the whole database.
   */
  schema?: string;
}

export interface BenchLoadResult {
  rows: Record<string, number>;
  phases: Array<{ name: string; rows: number | null; seconds: number }>;
  seconds: number;
}

const seconds = (fromMs: number) => (performance.now() - fromMs) / 1000;

export async function loadBenchData({ url, scale, log, now = new Date(), verbose = false, schema }: BenchLoadOptions): Promise<BenchLoadResult> {
  if (!(scale > 0 && scale <= 1)) throw new Error(`--scale must be more than 0 and at most 1, not ${scale}`);
  const startedMs = performance.now();
  const phases: BenchLoadResult['phases'] = [];
  const rows: Record<string, number> = {};
  async function phase<T>(name: string, work: () => Promise<T>, rowsOf: (result: T) => number | null = () => null): Promise<T> {
    const from = performance.now();
    const result = await work();
    const entry = { name, rows: rowsOf(result), seconds: seconds(from) };
    phases.push(entry);
    log(`${name.padEnd(46)} ${entry.rows === null ? ''.padStart(10) : entry.rows.toLocaleString('en-GB').padStart(10)} rows ${entry.seconds.toFixed(1).padStart(6)} s`);
    return result;
  }

  await phase('database: create if missing, wipe, migrate', async () => {
    if (schema === undefined) await ensureBenchDatabase(url);
    return wipeAndMigrate(url, schema);
  });

  const world: BenchWorld = { nowMs: Math.floor(now.getTime() / 60_000) * 60_000, caseCount: Math.round(FULL_SCALE_CASES * scale) };
  // One connection per table loaded at once; index builds then run two at a time (one per core).
  const loaders = [0, 1, 2, 3, 4].map(
    () => new pg.Client({ connectionString: url, application_name: 'harbour-bench-data', ...(schema ? { options: `-c search_path=${searchPathFor(schema)}` } : {}) }),
  );
  const clients = loaders.slice(0, 2);
  await Promise.all(loaders.map((client) => client.connect()));
  try {
    for (const client of loaders) {
      // A lost commit here costs a re-run, never real data. Index builds get room to sort in
      // memory, and the foreign-key checks (one join each) room to hash without spilling.
      await client.query("set synchronous_commit = off; set maintenance_work_mem = '512MB'; set work_mem = '256MB'; set statement_timeout = 0");
    }
    const [main, second] = clients as [pg.Client, pg.Client];
    const structure = await phase('drop keys, foreign keys, indexes', async () => {
      const read = await readTableStructure(main, [...BIG_TABLES, ...DERIVED_TABLES]);
      await dropTableStructure(main, read);
      await main.query('alter table cases disable trigger cases_name_words_on_insert');
      return read;
    }, (read) => read.foreignKeys.length + read.keys.length + read.indexes.length);

    const passwordHash = await hashPassword(BENCH_PASSWORD);
    rows.users = await phase('users', () => copyRows(main, 'users', STAFF_COLUMNS, STAFF_TOTAL, (index, into) => {
      into.push(staffRow(index, passwordHash));
    }), (count) => count);
    rows.clinics = await phase('clinics', () => copyRows(main, 'clinics', CLINIC_COLUMNS, CLINIC_COUNT, (index, into) => {
      into.push(clinicRow(index, world.nowMs));
    }), (count) => count);

    // One pass over the cases writes five tables at once, each through its own COPY on its own
    // connection: a case's story is worked out once for its row, its request, its calls, its
    // placement and that placement's check-ins.
    const live: string[] = [];
    const liveAttempts: string[] = [];
    for (let n = 0; n < LIVE_QUEUE; n += 1) liveCallbackRow(world, n, live, liveAttempts);
    const [cases, callbacks, attempts, placements, checkIns] = await phase('cases, requests, calls, placements, check-ins', () =>
      copyManyRows(
        [
          { client: loaders[0]!, table: 'cases', columns: CASE_COLUMNS, freeze: true },
          { client: loaders[1]!, table: 'callback_requests', columns: CALLBACK_COLUMNS, freeze: true },
          { client: loaders[2]!, table: 'callback_attempts', columns: ATTEMPT_COLUMNS, freeze: true },
          { client: loaders[3]!, table: 'placements', columns: PLACEMENT_COLUMNS, freeze: true },
          { client: loaders[4]!, table: 'aftercare_check_ins', columns: CHECK_IN_COLUMNS, freeze: true },
        ],
        world.caseCount + 1,
        (index, [caseRows, callbackRows, attemptRows, placementRows, checkInRowsOut]) => {
          if (index === world.caseCount) {
            // The live queue last: requests waiting now, with no case yet.
            callbackRows!.push(...live);
            attemptRows!.push(...liveAttempts);
            return;
          }
          const plan = planCase(world, index);
          caseRows!.push(caseRow(world, plan));
          callbackRows!.push(callbackRowForCase(plan));
          attemptRowsForCase(plan, attemptRows!);
          const placement = placementRow(plan);
          if (placement) {
            placementRows!.push(placement);
            checkInRows(plan, checkInRowsOut!);
          }
        },
      ), (counts) => counts.reduce((sum, count) => sum + count, 0));
    Object.assign(rows, { cases, callback_requests: callbacks, callback_attempts: attempts, placements, aftercare_check_ins: checkIns, liveQueue: live.length });
    for (const table of BIG_TABLES) log(`  ${table.padEnd(44)} ${rows[table]!.toLocaleString('en-GB').padStart(10)} rows`);
    // The name search's words (docs/decisions/014), as the trigger would have written them; the
    // lexicon fills from them through its own statement trigger.
    rows.case_name_words = await phase('words of names, for the name search', async () => {
      await main.query('alter table cases enable trigger cases_name_words_on_insert');
      const inserted = await main.query('insert into case_name_words (word, created_at, case_id) select unnest(search_words), created_at, id from cases');
      return inserted.rowCount ?? 0;
    }, (count) => count);

    await phase('keys and indexes, then foreign keys', () =>
      restoreTableStructure(clients, structure, (table) => rows[table] ?? 0, (name, took) => {
        if (verbose) log(`  ${name.padEnd(40)} ${took.toFixed(1).padStart(6)} s`);
      }),
    );
    await phase('reference sequence, analyse', async () => {
      // The next case opened gets the number after the last one loaded, whatever its year.
      await main.query(`select setval('case_reference_seq', $1, $2)`, [Math.max(1, world.caseCount), world.caseCount > 0]);
      await Promise.all([main.query('analyze cases, callback_attempts, aftercare_check_ins, case_name_words, case_name_lexicon'), second.query('analyze callback_requests, placements, users, clinics')]);
    });
  } finally {
    await Promise.all(loaders.map((client) => client.end().catch(() => undefined)));
  }
  const total = seconds(startedMs);
  log(`${'total'.padEnd(46)} ${''.padStart(10)}      ${total.toFixed(1).padStart(6)} s`);
  return { rows, phases, seconds: total };
}
