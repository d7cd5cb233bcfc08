import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { chromiumPath } from './support/chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    skipReason: string;
  }
}

const repoRoot = path.resolve(import.meta.dirname, '..');
const serverEntry = path.join(repoRoot, 'apps/server/dist/main.js');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitUntilReady(baseUrl: string, server: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`Harbour exited during start-up:\n${output()}`);
    try {
      const response = await fetch(`${baseUrl}/readyz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`Harbour was not ready within 60 s:\n${output()}`);
}

/** Starts the built app once for every end-to-end file, on a database of its own. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const browser = chromiumPath();
  if (!browser) {
    const reason = `Chromium not found at ${process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'} (apt-get install -y chromium, or set CHROMIUM_PATH)`;
    if (process.env.CI === 'true') throw new Error(`End-to-end tests must run under CI=true: ${reason}`);
    console.warn(`Skipping end-to-end tests: ${reason}`);
    project.provide('baseUrl', '');
    project.provide('skipReason', reason);
    return async () => undefined;
  }
  if (!existsSync(serverEntry)) throw new Error('The app is not built: run `pnpm build` first (`pnpm test` does).');

  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'harbour-e2e-'));
  const server = spawn(process.execPath, [serverEntry], {
    cwd: repoRoot,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      PORT: String(port),
      HARBOUR_ORIGIN: baseUrl,
      HARBOUR_DATA_DIR: dataDir,
      DATABASE_URL: process.env.TEST_DATABASE_URL ?? '',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));

  await waitUntilReady(baseUrl, server, () => output);
  project.provide('baseUrl', baseUrl);
  project.provide('skipReason', '');

  return async () => {
    if (server.exitCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
}
