import { describe, expect, it } from 'vitest';
import type { LoadResult } from './bench-autocannon';
import { hotRow, renderResults, type BenchResults } from './bench-report';

const load = (requestsPerSecond: number, p99Ms: number, failures = 0): LoadResult => ({ requestsPerSecond, p50Ms: p99Ms / 2, p95Ms: p99Ms * 0.9, p99Ms, requests: requestsPerSecond * 10, failures });

function resultsWith(hot: BenchResults['hot']): BenchResults {
  return {
    date: '2026-11-29T14:35:51.920Z',
    commit: 'abc1234',
    machine: { cpu: 'test CPU', cores: 2, ramGb: 24, node: 'v20', postgres: '15', loadAverageBefore: [0.5, 0.4, 0.3] },
    settings: { connections: 50, seconds: 10, warmUpSeconds: 2, searchConnections: 8, floorPoolSize: 10, harbourPoolSize: 10 },
    hot,
    statementsPerRequest: {},
    search: null,
    lines: [{ name: 'CSV export of all placements', measured: '1.06x', target: '<= 2.5x', met: true }],
    notes: [],
  };
}

describe('the benchmark report', () => {
  it('judges each half of the hot-read target on its own: 75% of the floor, and p99 at most 50 ms', () => {
    const fastEnoughButSlowTail = hotRow('cases.list', load(800, 60), load(1000, 40));
    const behindTheFloor = hotRow('callbacks.queue', load(700, 45), load(1000, 30));
    const both = hotRow('cases.search', load(750, 50), load(1000, 40));

    expect(fastEnoughButSlowTail).toMatchObject({ ratio: 0.8, ratioMet: true, p99Met: false, met: false });
    expect(behindTheFloor).toMatchObject({ ratio: 0.7, ratioMet: false, p99Met: true, met: false });
    expect(both).toMatchObject({ ratio: 0.75, ratioMet: true, p99Met: true, met: true });
  });

  it('never counts a run with failed requests as met', () => {
    expect(hotRow('cases.byReference', load(900, 20, 3), load(1000, 20)).met).toBe(false);
  });

  it('names every missed target under the tables, or says all were met', () => {
    const missed = renderResults(resultsWith([hotRow('cases.list', load(800, 60), load(1000, 40))]));
    const allMet = renderResults(resultsWith([hotRow('cases.search', load(900, 40), load(1000, 40))]));

    expect(missed).toMatch(/\| cases\.list +\| 800 +\| 30\.0 +\| 60\.0 +\| 1000 +\| 20\.0 +\| 40\.0 +\| 0\.80 +\| yes +\| NO +\|/);
    expect(missed).toContain('Targets missed: cases.list.');
    expect(allMet).toContain('Every measured target was met.');
  });
});
