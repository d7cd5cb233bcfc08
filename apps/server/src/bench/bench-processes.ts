import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../../../..');
export const SERVER_ENTRY = path.join(REPO_ROOT, 'apps/server/dist/main.js');

export interface BenchProcess {
  baseUrl: string;
  pid: number;
  output(): string;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function watch(child: ChildProcess, baseUrl: string): BenchProcess {
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return {
    baseUrl,
    pid: child.pid ?? -1,
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

async function waitUntil(process: BenchProcess, child: ChildProcess, isReady: () => Promise<boolean>, what: string): Promise<BenchProcess> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} exited during start-up:\n${process.output()}`);
    if (await isReady()) return process;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await process.stop();
  throw new Error(`${what} was not ready within 60 s:\n${process.output()}`);
}

/**
 * V8's young generation as production sizes it (docker/Dockerfile's CMD, `pnpm start`): semi-spaces
 * of 8 MB rather than Node's 16 MB, which a Harbour process would otherwise hold resident from
 * start-up on (decision 018).
 */
export const PRODUCTION_NODE_OPTIONS = ['--max-semi-space-size=8'];

/**
 * The built server as production runs it (NODE_ENV=production: no demo data, __Host- cookies,
 * quiet logs, PRODUCTION_NODE_OPTIONS), on a free port. Extra node options (a CPU profile) come
 * from BENCH_NODE_OPTIONS, after production's, so they can override them.
 */
export async function startBuiltHarbour(databaseUrl: string): Promise<BenchProcess> {
  if (!existsSync(SERVER_ENTRY)) throw new Error('The app is not built: run `pnpm build` first, then `pnpm bench` again.');
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const nodeOptions = (process.env.BENCH_NODE_OPTIONS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...PRODUCTION_NODE_OPTIONS, ...nodeOptions, SERVER_ENTRY], {
    cwd: REPO_ROOT,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      PORT: String(port),
      HARBOUR_ORIGIN: baseUrl,
      HARBOUR_SECRET_KEY: randomBytes(32).toString('base64'),
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const harbour = watch(child, baseUrl);
  const isReady = () => fetch(`${baseUrl}/readyz`).then((response) => response.ok, () => false);
  return waitUntil(harbour, child, isReady, 'Harbour');
}

/** The floor (bench-floor.ts) replaying `planFile`, on a free port. */
export async function startFloor(databaseUrl: string, planFile: string): Promise<BenchProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'bench-floor.ts'), planFile, String(port)], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH, NODE_ENV: 'production', BENCH_DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const floor = watch(child, `http://127.0.0.1:${port}`);
  return waitUntil(floor, child, async () => floor.output().includes('ready'), 'The floor');
}
