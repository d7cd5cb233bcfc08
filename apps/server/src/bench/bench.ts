// `pnpm bench`: the performance benchmark of issue 9, in one run of about five minutes.
//
// 1. Harbour (built, production settings) runs once through a wire-protocol relay that records
//    the SQL it sends for one request of each benchmarked input; the floor is a bare Express +
//    node-postgres process that answers the same request paths by replaying exactly that SQL.
// 2. autocannon loads each hot read at 50 connections on Harbour and on the floor.
// 3. Search at 8 connections with a realistic mix of terms over the 1M cases.
// 4. The CSV export and front-end measurements, when their modules are present.
// 5. One table, and docs/benchmark/results.md and results.json.
//
// It measures; it does not judge by exit code: a missed target is printed and exits 0.
// Settings: BENCH_DATABASE_URL, BENCH_SECONDS (10), BENCH_WARMUP_SECONDS (2), BENCH_ONLY
// (comma-separated procedure names, to measure a few while working on them), BENCH_SKIP
// (export, front-end, search), BENCH_NODE_OPTIONS (for Harbour, e.g. --cpu-prof).
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { runLoad, type LoadResult } from './bench-autocannon';
import { DEFAULT_BENCH_DATABASE_URL } from './bench-database';
import { FLOOR_POOL_SIZE } from './bench-floor';
import { benchInputs, type HotProcedure } from './bench-procedures';
import { REPO_ROOT, SERVER_ENTRY, startBuiltHarbour, startFloor, type BenchProcess } from './bench-processes';
import { capturePlan } from './bench-replay-plan';
import { currentCommit, describeMachine, hotRow, renderResults, writeResults, type BenchResults, type HotRow, type TargetLine } from './bench-report';
import { BENCH_PASSWORD, BENCH_STAFF, signInBenchStaff } from './bench-sessions';
import { WireCapture } from './bench-wire-capture';

const HOT_CONNECTIONS = 50;
const SEARCH_CONNECTIONS = 8;
const SEARCH_P95_TARGET_MS = 25;
/** Harbour's pool (db/connect.ts openPostgres default); the floor's is the same. */
const HARBOUR_POOL_SIZE = 10;

const databaseUrl = process.env.BENCH_DATABASE_URL ?? DEFAULT_BENCH_DATABASE_URL;
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const warmUpSeconds = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
const only = process.env.BENCH_ONLY?.split(',').map((name) => name.trim()).filter(Boolean);
const skip = new Set(process.env.BENCH_SKIP?.split(',').map((name) => name.trim()) ?? []);

const say = (message: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);

async function assertReady(): Promise<void> {
  if (!existsSync(SERVER_ENTRY)) {
    throw new Error('The app is not built (apps/server/dist/main.js is missing): run `pnpm build`, then `pnpm bench`.');
  }
  const client = new pg.Client({ connectionString: databaseUrl, application_name: 'harbour-bench' });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`Cannot reach the bench database at ${new URL(databaseUrl).host}${new URL(databaseUrl).pathname}: ${(error as Error).message}`);
  }
  try {
    const { rows } = await client.query<{ cases: string | null }>("select to_regclass('public.cases') is not null and exists(select 1 from cases) as cases");
    if (!rows[0]?.cases) throw new Error('The bench database is empty: fill it with `pnpm bench:data` (about 80 s), then run `pnpm bench` again.');
  } finally {
    await client.end();
  }
}

/** Reads the floor's plan: Harbour through the capture relay, each input asked for once. */
async function captureFloorPlan(procedures: HotProcedure[]) {
  const target = new URL(databaseUrl);
  const { capture, port } = await WireCapture.start({ host: target.hostname, port: Number(target.port || 5432) });
  const relayed = new URL(databaseUrl);
  relayed.hostname = '127.0.0.1';
  relayed.port = String(port);
  const harbour = await startBuiltHarbour(relayed.toString());
  try {
    const cookies = await signInBenchStaff(harbour.baseUrl);
    return { ...(await capturePlan(harbour.baseUrl, capture, cookies, procedures)), cookies };
  } catch (error) {
    throw new Error(`${(error as Error).message}\nHarbour said:\n${harbour.output().split('\n').slice(-20).join('\n')}`);
  } finally {
    await harbour.stop();
    await capture.stop();
  }
}

async function measureHot(harbour: BenchProcess, floor: BenchProcess, procedures: HotProcedure[], cookies: Record<string, string>): Promise<HotRow[]> {
  const rows: HotRow[] = [];
  for (const procedure of procedures) {
    const load = { paths: procedure.paths, connections: HOT_CONNECTIONS, seconds, warmUpSeconds };
    say(`${procedure.name}: Harbour`);
    const onHarbour = await runLoad({ ...load, baseUrl: harbour.baseUrl, cookie: cookies[procedure.role] });
    say(`${procedure.name}: floor`);
    const onFloor = await runLoad({ ...load, baseUrl: floor.baseUrl });
    rows.push(hotRow(procedure.name, onHarbour, onFloor));
    say(`${procedure.name}: Harbour ${onHarbour.requestsPerSecond} req/s p99 ${onHarbour.p99Ms} ms; floor ${onFloor.requestsPerSecond} req/s p99 ${onFloor.p99Ms} ms`);
  }
  return rows;
}

/** The search mix at 8 connections, and each kind of term's time asked alone (median of its terms). */
async function measureSearch(harbour: BenchProcess, mix: Array<{ kind: string; path: string }>, cookie: string) {
  const byKind: Record<string, number[]> = {};
  for (const { kind, path: requestPath } of mix) {
    const started = performance.now();
    const response = await fetch(`${harbour.baseUrl}${requestPath}`, { headers: { cookie } });
    await response.arrayBuffer();
    (byKind[kind] ??= []).push(performance.now() - started);
  }
  const median = (values: number[]) => Math.round(values.sort((a, b) => a - b)[Math.floor(values.length / 2)]! * 10) / 10;
  say(`search: ${SEARCH_CONNECTIONS} connections`);
  const result = await runLoad({ baseUrl: harbour.baseUrl, paths: mix.map((entry) => entry.path), cookie, connections: SEARCH_CONNECTIONS, seconds, warmUpSeconds });
  return { result, byKind: Object.fromEntries(Object.entries(byKind).map(([kind, values]) => [kind, median(values)])) };
}

/** A measurement module another part of the work provides; absent means "not measured". */
async function optionalModule<T>(file: string): Promise<T | null> {
  if (!existsSync(file)) return null;
  return (await import(file)) as T;
}

interface ExportMeasure {
  benchExport(options: { databaseUrl: string }): Promise<{ rows: number; exportMs: number; copyMs: number; peakRssMb: number }>;
}
interface FrontEndMeasure {
  benchFrontEnd(options: { baseUrl: string; email: string; password: string; caseReference: string }): Promise<{
    queueJsGzipKb: number;
    signInToQueueJsGzipKb: number;
    lighthouse: Array<{ page: string; performance: number; accessibility: number }>;
  }>;
}

async function measureExport(notes: string[]): Promise<TargetLine[]> {
  const name = 'CSV export of all placements';
  const target = '<= 2.5x COPY, peak RSS <= 150 MB';
  const measure = skip.has('export') || only ? null : await optionalModule<ExportMeasure>(path.join(import.meta.dirname, 'bench-export.ts'));
  if (!measure) return [{ name, measured: 'not measured', target, met: null }];
  say('export');
  try {
    const result = await measure.benchExport({ databaseUrl });
    const times = result.copyMs > 0 ? result.exportMs / result.copyMs : Number.POSITIVE_INFINITY;
    return [
      {
        name,
        measured: `${result.rows} rows: ${Math.round(result.exportMs)} ms vs COPY ${Math.round(result.copyMs)} ms (${times.toFixed(2)}x), peak RSS ${Math.round(result.peakRssMb)} MB`,
        target,
        met: times <= 2.5 && result.peakRssMb <= 150,
      },
    ];
  } catch (error) {
    notes.push(`The export measurement failed: ${(error as Error).message}`);
    return [{ name, measured: 'failed', target, met: null }];
  }
}

async function measureFrontEnd(baseUrl: string, caseReference: string, notes: string[]): Promise<TargetLine[]> {
  const bundle = 'Front end: JS before the queue is usable (signed in, empty cache)';
  const bundleFromSignIn = 'Front end: JS from the sign-in page to a usable queue';
  const lighthouseName = 'Front end: Lighthouse (desktop)';
  const lighthouseTarget = 'performance >= 95, accessibility 100 on sign-in, queue, case';
  const unmeasured = [
    { name: bundle, measured: 'not measured', target: '<= 150 KB gzipped', met: null },
    { name: bundleFromSignIn, measured: 'not measured', target: '<= 150 KB gzipped', met: null },
    { name: lighthouseName, measured: 'not measured', target: lighthouseTarget, met: null },
  ];
  const measure = skip.has('front-end') || only ? null : await optionalModule<FrontEndMeasure>(path.join(REPO_ROOT, 'scripts/bench-front-end.ts'));
  if (!measure) return unmeasured;
  say('front end');
  try {
    const result = await measure.benchFrontEnd({ baseUrl, email: BENCH_STAFF.adviser, password: BENCH_PASSWORD, caseReference });
    const pages = result.lighthouse;
    return [
      { name: bundle, measured: `${result.queueJsGzipKb.toFixed(1)} KB gzipped`, target: '<= 150 KB gzipped', met: result.queueJsGzipKb <= 150 },
      // The first page of a shift: the sign-in form's validation (zod, react-hook-form) loads too.
      {
        name: bundleFromSignIn,
        measured: `${result.signInToQueueJsGzipKb.toFixed(1)} KB gzipped`,
        target: '<= 150 KB gzipped',
        met: result.signInToQueueJsGzipKb <= 150,
      },
      {
        name: lighthouseName,
        measured: pages.map((page) => `${page.page} ${page.performance}/${page.accessibility}`).join(', '),
        target: lighthouseTarget,
        met: pages.length >= 3 && pages.every((page) => page.performance >= 95 && page.accessibility === 100),
      },
    ];
  } catch (error) {
    notes.push(`The front-end measurement failed: ${(error as Error).message}`);
    return unmeasured;
  }
}

function searchLine(search: { result: LoadResult } | null): TargetLine {
  const target = `p95 <= ${SEARCH_P95_TARGET_MS} ms at ${SEARCH_CONNECTIONS} connections`;
  if (!search) return { name: 'Search over 1M cases (mixed terms)', measured: 'not measured', target, met: null };
  const { result } = search;
  return {
    name: 'Search over 1M cases (mixed terms)',
    measured: `p95 ${result.p95Ms} ms, p50 ${result.p50Ms} ms, ${result.requestsPerSecond} req/s${result.failures ? `, ${result.failures} failed` : ''}`,
    target,
    met: result.p95Ms <= SEARCH_P95_TARGET_MS && result.failures === 0,
  };
}

async function main(): Promise<void> {
  await assertReady();
  const machine = await describeMachine(databaseUrl);
  const notes: string[] = [];
  say(`load average before start: ${machine.loadAverageBefore.join(', ')}`);

  const inputs = await benchInputs(databaseUrl, { references: 300, searchTerms: 140 });
  const procedures = only ? inputs.hot.filter((procedure) => only.includes(procedure.name)) : inputs.hot;
  say(`capturing the SQL Harbour runs for ${procedures.reduce((sum, procedure) => sum + new Set(procedure.paths).size, 0)} requests`);
  const { plan, statementsPerRequest, cookies } = await captureFloorPlan(procedures);
  const planFolder = mkdtempSync(path.join(tmpdir(), 'harbour-bench-'));
  const planFile = path.join(planFolder, 'floor-plan.json');
  writeFileSync(planFile, JSON.stringify(plan));

  const harbour = await startBuiltHarbour(databaseUrl);
  const floor = await startFloor(databaseUrl, planFile);
  let hot: HotRow[] = [];
  let search: BenchResults['search'] = null;
  const lines: TargetLine[] = [];
  try {
    hot = await measureHot(harbour, floor, procedures, cookies);
    await floor.stop();
    if (!skip.has('search') && !only) search = await measureSearch(harbour, inputs.searchMix, cookies.adviser);
    lines.push(searchLine(search));
    lines.push(...(await measureFrontEnd(harbour.baseUrl, inputs.sampleReference, notes)));
  } finally {
    await floor.stop();
    await harbour.stop();
    rmSync(planFolder, { recursive: true, force: true });
  }
  // Last, with Harbour stopped: the export reads the database on its own.
  lines.splice(1, 0, ...(await measureExport(notes)));

  notes.push(
    'The floor replays, per request path, the statements Harbour sent for that path (captured on the wire, parameters included): session look-up, begin/commit, reads and audit inserts. It leaves out what Harbour adds on top: middleware (request log, security headers, CSRF check), tRPC routing and input validation, the wire format, Kysely compiling the SQL, and the service code. Its response is the rows as plain JSON.',
    'Timings taken while other work shares the 2 cores are noisy: compare runs taken on a quiet box.',
  );
  const results: BenchResults = {
    date: new Date().toISOString(),
    commit: currentCommit(REPO_ROOT),
    machine,
    settings: { connections: HOT_CONNECTIONS, seconds, warmUpSeconds, searchConnections: SEARCH_CONNECTIONS, floorPoolSize: FLOOR_POOL_SIZE, harbourPoolSize: HARBOUR_POOL_SIZE },
    hot,
    statementsPerRequest,
    search,
    lines,
    notes,
  };
  console.log(`\n${renderResults(results)}`);
  if (only) {
    say('BENCH_ONLY was set: a partial run, so docs/benchmark/results.* were left as they were');
    return;
  }
  say(`results written to ${path.relative(REPO_ROOT, writeResults(REPO_ROOT, results))}/results.md and results.json`);
}

main().catch((error: unknown) => {
  console.error(`pnpm bench could not run: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
