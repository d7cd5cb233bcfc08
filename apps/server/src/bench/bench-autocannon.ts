import type { EventEmitter } from 'node:events';
import autocannon from 'autocannon';

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  requests: number;
  /** Responses that were not 2xx, and connection errors or timeouts: a run with any is suspect. */
  failures: number;
}

export interface LoadOptions {
  baseUrl: string;
  paths: string[];
  cookie?: string;
  connections: number;
  warmUpSeconds: number;
  seconds: number;
}

/** The given percentile of sorted values (nearest rank). */
function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
}

/**
 * Load at a fixed number of connections, each request taking the next path in turn across
 * all connections (so 50 connections do not walk the same references in step). Latencies
 * are taken from every response, to the tenth of a millisecond, rather than from autocannon's
 * whole-millisecond histogram, which has no 95th percentile.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  let next = 0;
  const request = {
    method: 'GET' as const,
    path: options.paths[0]!,
    // autocannon calls this before each request; one counter shared by every connection.
    setupRequest: (req: { path?: string }) => ({ ...req, path: options.paths[next++ % options.paths.length]! }),
  };
  const common = {
    url: options.baseUrl,
    connections: options.connections,
    headers: options.cookie ? { cookie: options.cookie } : {},
    requests: [request],
    timeout: 10,
  };
  if (options.warmUpSeconds > 0) await autocannon({ ...common, duration: options.warmUpSeconds });

  const latencies: number[] = [];
  // Without a callback autocannon returns its event emitter, made thenable for the result.
  const instance = autocannon({ ...common, duration: options.seconds }) as unknown as EventEmitter & Promise<autocannon.Result>;
  instance.on('response', (_client: unknown, _statusCode: number, _bytes: number, responseTimeMs: number) => latencies.push(responseTimeMs));
  const result = await instance;
  latencies.sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return {
    requestsPerSecond: Math.round(result.requests.total / (result.duration || options.seconds)),
    p50Ms: round(percentile(latencies, 0.5)),
    p95Ms: round(percentile(latencies, 0.95)),
    p99Ms: round(percentile(latencies, 0.99)),
    requests: result.requests.total,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}
