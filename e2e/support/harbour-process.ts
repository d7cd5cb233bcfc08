import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../../apps/server/src/bench/bench-processes';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const serverEntry = path.join(repoRoot, 'apps/server/dist/main.js');

export interface HarbourProcess {
  baseUrl: string;
  /** Everything it has printed, for a failure message. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * The built server as a process of its own, on a free port and a data folder of its own
 * (used only when no DATABASE_URL is given), ready when /readyz says so. `settings` adds to
 * its environment (DATABASE_LISTEN_URL, say).
 */
export async function startHarbour({ databaseUrl, settings = {} }: { databaseUrl: string; settings?: Record<string, string> }): Promise<HarbourProcess> {
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
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: 'warn',
      ...settings,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const stop = async () => {
    if (server.exitCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) {
      await stop();
      throw new Error(`Harbour exited during start-up:\n${output}`);
    }
    const isReady = await fetch(`${baseUrl}/readyz`).then(
      (response) => response.ok,
      () => false,
    );
    if (isReady) return { baseUrl, output: () => output, stop };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`Harbour was not ready within 60 s:\n${output}`);
}
