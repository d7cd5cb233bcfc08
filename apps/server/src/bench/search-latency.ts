// The search measurement of `pnpm bench` on its own, with where the CPU goes: the built
// Harbour on the 1M bench database, the same mix of terms (bench-procedures.ts), asked one at a
// time (median by kind, and CPU per search by kind), then at 8 connections. CPU is read from
// /proc for Harbour's process, for the PostgreSQL backends serving its pool, and for this
// process (the load generator): on a shared 2-core box the latencies move with other people's
// work, the CPU a search costs much less.
//
// `tsx apps/server/src/bench/search-latency.ts` after `pnpm build` and `pnpm bench:data`.
// Settings: BENCH_DATABASE_URL, BENCH_SECONDS (10), BENCH_WARMUP_SECONDS (2), SEARCH_PASSES
// (times each term is asked one at a time, 5), SEARCH_KINDS (some kinds only: "phone,surname"),
// BENCH_NODE_OPTIONS (for Harbour).
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import pg from 'pg';
import { runLoad } from './bench-autocannon';
import { DEFAULT_BENCH_DATABASE_URL } from './bench-database';
import { benchInputs } from './bench-procedures';
import { startBuiltHarbour, type BenchProcess } from './bench-processes';
import { BENCH_STAFF, signIn } from './bench-sessions';

const CONNECTIONS = 8;
const databaseUrl = process.env.BENCH_DATABASE_URL ?? DEFAULT_BENCH_DATABASE_URL;
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const warmUpSeconds = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
const passes = Number(process.env.SEARCH_PASSES ?? 5);
/** Linux reports CPU in clock ticks of 10 ms. */
const TICK_MS = 10;

/** CPU used so far by a process, in ms (user + system), or 0 once it is gone. */
function cpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return 0;
  }
}

/** The local TCP ports of a process's sockets: its pool's ends of the database connections. */
function localPorts(pid: number): Set<number> {
  const inodes = new Set<string>();
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      const target = readlinkSync(`/proc/${pid}/fd/${fd}`);
      if (target.startsWith('socket:[')) inodes.add(target.slice(8, -1));
    } catch {
      // closed meanwhile
    }
  }
  const ports = new Set<number>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const columns = line.trim().split(/\s+/);
      if (columns.length > 9 && inodes.has(columns[9]!)) ports.add(Number.parseInt(columns[1]!.split(':')[1]!, 16));
    }
  }
  return ports;
}

/** CPU of Harbour, of the backends serving it and of this process, read together. */
class CpuMeter {
  private constructor(
    private readonly admin: pg.Client,
    private readonly harbourPid: number,
  ) {}

  static async open(harbour: BenchProcess): Promise<CpuMeter> {
    const admin = new pg.Client({ connectionString: databaseUrl, application_name: 'harbour-bench' });
    await admin.connect();
    return new CpuMeter(admin, harbour.pid);
  }

  private async backends(): Promise<number[]> {
    const ports = [...localPorts(this.harbourPid)];
    const { rows } = await this.admin.query<{ pid: number }>('select pid from pg_stat_activity where client_port = any($1::int[])', [ports]);
    return rows.map((row) => row.pid);
  }

  async read(): Promise<{ harbour: number; postgres: Map<number, number>; client: number }> {
    const postgres = new Map<number, number>();
    for (const pid of await this.backends()) postgres.set(pid, cpuMs(pid));
    const own = process.cpuUsage();
    return { harbour: cpuMs(this.harbourPid), postgres, client: (own.user + own.system) / 1000 };
  }

  /** ms of CPU per search since `before`: Harbour, PostgreSQL (backends opened since count from 0), the load generator. */
  async since(before: Awaited<ReturnType<CpuMeter['read']>>, searches: number) {
    const after = await this.read();
    let postgres = 0;
    for (const [pid, ms] of after.postgres) postgres += ms - (before.postgres.get(pid) ?? 0);
    const per = (ms: number) => Math.round((ms / searches) * 100) / 100;
    return { harbour: per(after.harbour - before.harbour), postgres: per(postgres), client: per(after.client - before.client) };
  }

  close(): Promise<void> {
    return this.admin.end();
  }
}

const median = (values: number[]) => Math.round([...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]! * 10) / 10;

async function main(): Promise<void> {
  const kindsWanted = process.env.SEARCH_KINDS?.split(',').map((kind) => kind.trim());
  const { searchMix: everyKind } = await benchInputs(databaseUrl, { references: 140, searchTerms: 140 });
  const searchMix = kindsWanted ? everyKind.filter((entry) => kindsWanted.includes(entry.kind)) : everyKind;
  const harbour = await startBuiltHarbour(databaseUrl);
  const meter = await CpuMeter.open(harbour);
  try {
    const cookie = await signIn(harbour.baseUrl, BENCH_STAFF.adviser);
    const ask = async (requestPath: string) => {
      const started = performance.now();
      const response = await fetch(`${harbour.baseUrl}${requestPath}`, { headers: { cookie } });
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`HTTP ${response.status} for ${requestPath}`);
      return performance.now() - started;
    };
    for (const { path } of searchMix) await ask(path);

    console.log(`load average ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
    console.log('one at a time, by kind: median ms; CPU ms per search (Harbour + PostgreSQL + client)');
    const kinds = [...new Set(searchMix.map((entry) => entry.kind))];
    for (const kind of kinds) {
      const paths = searchMix.filter((entry) => entry.kind === kind).map((entry) => entry.path);
      const times: number[] = [];
      const before = await meter.read();
      for (let pass = 0; pass < passes; pass++) for (const path of paths) times.push(await ask(path));
      const cpu = await meter.since(before, times.length);
      console.log(`  ${kind.padEnd(22)} ${String(median(times)).padStart(6)} ms   cpu ${cpu.harbour} + ${cpu.postgres} + ${cpu.client}`);
    }

    const paths = searchMix.map((entry) => entry.path);
    console.log(`${CONNECTIONS} connections, ${seconds} s after ${warmUpSeconds} s warm-up`);
    const load = { baseUrl: harbour.baseUrl, paths, cookie, connections: CONNECTIONS, warmUpSeconds: 0 };
    if (warmUpSeconds > 0) await runLoad({ ...load, seconds: warmUpSeconds });
    const before = await meter.read();
    const result = await runLoad({ ...load, seconds });
    const cpu = await meter.since(before, result.requests);
    console.log(`  p50 ${result.p50Ms} ms, p95 ${result.p95Ms} ms, p99 ${result.p99Ms} ms, ${result.requestsPerSecond} searches/s, ${result.failures} failed`);
    console.log(`  CPU per search: Harbour ${cpu.harbour} ms, PostgreSQL ${cpu.postgres} ms, load generator ${cpu.client} ms`);
    console.log(`load average ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
  } finally {
    await meter.close();
    await harbour.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`search-latency could not run: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
