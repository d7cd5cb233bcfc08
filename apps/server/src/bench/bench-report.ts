import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { LoadResult } from './bench-autocannon';

export interface Machine {
  cpu: string;
  cores: number;
  ramGb: number;
  node: string;
  postgres: string;
  loadAverageBefore: [number, number, number];
}

export async function describeMachine(databaseUrl: string): Promise<Machine> {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: 'harbour-bench' });
  await client.connect();
  const { rows } = await client.query<{ server_version: string }>('show server_version').finally(() => client.end());
  const [one, five, fifteen] = os.loadavg().map((value) => Math.round(value * 100) / 100) as [number, number, number];
  return {
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    cores: os.cpus().length,
    ramGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    postgres: rows[0]?.server_version ?? 'unknown',
    loadAverageBefore: [one, five, fifteen],
  };
}

export function currentCommit(repoRoot: string): string {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim();
    const isDirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: repoRoot, encoding: 'utf8' }).trim() !== '';
    return isDirty ? `${commit} (with uncommitted changes)` : commit;
  } catch {
    return 'unknown';
  }
}

export interface HotRow {
  procedure: string;
  harbour: LoadResult;
  floor: LoadResult;
  /** Harbour's req/s over the floor's. */
  ratio: number;
  ratioMet: boolean;
  p99Met: boolean;
  met: boolean;
}

/** A line below the table: one measurement, its target, and whether it was met. */
export interface TargetLine {
  name: string;
  measured: string;
  target: string;
  met: boolean | null;
}

export interface BenchResults {
  date: string;
  commit: string;
  machine: Machine;
  settings: { connections: number; seconds: number; warmUpSeconds: number; searchConnections: number; floorPoolSize: number; harbourPoolSize: number };
  hot: HotRow[];
  statementsPerRequest: Record<string, number>;
  search: { result: LoadResult; byKind: Record<string, number> } | null;
  lines: TargetLine[];
  notes: string[];
}

export const HOT_TARGET = { ratio: 0.75, p99Ms: 50 };

export function hotRow(procedure: string, harbour: LoadResult, floor: LoadResult): HotRow {
  const ratio = floor.requestsPerSecond === 0 ? 0 : harbour.requestsPerSecond / floor.requestsPerSecond;
  const ratioMet = ratio >= HOT_TARGET.ratio;
  const p99Met = harbour.p99Ms <= HOT_TARGET.p99Ms;
  const met = ratioMet && p99Met && harbour.failures === 0;
  return { procedure, harbour, floor, ratio: Math.round(ratio * 100) / 100, ratioMet, p99Met, met };
}

const verdict = (met: boolean | null) => (met === null ? 'not measured' : met ? 'met' : 'NOT MET');

function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...rows.map(line)];
}

export function renderResults(results: BenchResults): string {
  const { machine } = results;
  const hot = table(
    ['procedure', 'Harbour req/s', 'p50 ms', 'p99 ms', 'floor req/s', 'p50 ms', 'p99 ms', 'ratio', 'ratio met', 'p99 met'],
    results.hot.map((row) => [
      row.procedure,
      String(row.harbour.requestsPerSecond),
      row.harbour.p50Ms.toFixed(1),
      row.harbour.p99Ms.toFixed(1),
      String(row.floor.requestsPerSecond),
      row.floor.p50Ms.toFixed(1),
      row.floor.p99Ms.toFixed(1),
      row.ratio.toFixed(2),
      (row.ratioMet ? 'yes' : 'NO') + (row.harbour.failures ? ` (${row.harbour.failures} failed)` : ''),
      row.p99Met ? 'yes' : 'NO',
    ]),
  );
  const lines = table(
    ['measurement', 'measured', 'target', 'result'],
    results.lines.map((line) => [line.name, line.measured, line.target, verdict(line.met)]),
  );
  const missed = [...results.hot.filter((row) => !row.met).map((row) => row.procedure), ...results.lines.filter((line) => line.met === false).map((line) => line.name)];
  const unmeasured = results.lines.filter((line) => line.met === null).map((line) => line.name);
  const { settings } = results;
  return [
    `# Harbour benchmark results`,
    '',
    `- Date: ${results.date}`,
    `- Commit: ${results.commit}`,
    `- Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.ramGb} GB RAM; Node ${machine.node}; PostgreSQL ${machine.postgres}`,
    `- Load average before the run: ${machine.loadAverageBefore.join(', ')} (1, 5, 15 min)`,
    `- Hot reads: autocannon 9.0.0, ${settings.connections} connections, ${settings.warmUpSeconds} s warm-up then ${settings.seconds} s, on Harbour (built, NODE_ENV=production, pool ${settings.harbourPoolSize}) and on the floor (bare Express + node-postgres replaying the SQL Harbour ran for the same request, pool ${settings.floorPoolSize}). Target: >= ${HOT_TARGET.ratio * 100}% of the floor's req/s and p99 <= ${HOT_TARGET.p99Ms} ms.`,
    `- Statements per request (captured from Harbour on the wire): ${Object.entries(results.statementsPerRequest).map(([name, count]) => `${name} ${count}`).join(', ')}`,
    '',
    ...hot,
    '',
    ...lines,
    '',
    ...(results.search ? [`Search asked one at a time, median by kind of term (ms): ${Object.entries(results.search.byKind).map(([kind, ms]) => `${kind} ${ms}`).join(', ')}`, ''] : []),
    missed.length ? `Targets missed: ${missed.join(', ')}.` : 'Every measured target was met.',
    ...(unmeasured.length ? [`Not measured: ${unmeasured.join(', ')}.`] : []),
    ...(results.notes.length ? ['', ...results.notes.map((note) => `- ${note}`)] : []),
    '',
  ].join('\n');
}

export function writeResults(repoRoot: string, results: BenchResults): string {
  const folder = path.join(repoRoot, 'docs/benchmark');
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, 'results.md'), renderResults(results));
  writeFileSync(path.join(folder, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  return folder;
}
