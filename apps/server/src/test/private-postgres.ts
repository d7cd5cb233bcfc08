import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const BIN_DIR = process.env.POSTGRES_BIN_DIR ?? '/usr/lib/postgresql/15/bin';
const isRoot = process.getuid?.() === 0;

/**
 * A PostgreSQL server of the test's own, in a temporary folder on a free port, that the test
 * may stop and start: stopping the shared server would break every other test running.
 */
export interface PrivatePostgres {
  url: string;
  port: number;
  /** `fast` ends sessions politely; `immediate` is closer to a crash. */
  stop(mode?: 'fast' | 'immediate'): Promise<void>;
  /** Starts again on the same port and data. */
  start(): Promise<void>;
  destroy(): Promise<void>;
}

/** Why a private server cannot run here, or null when it can. */
export function privatePostgresSkipReason(): string | null {
  for (const tool of ['initdb', 'pg_ctl']) {
    if (!existsSync(path.join(BIN_DIR, tool))) return `PostgreSQL 15 binaries not found in ${BIN_DIR} (set POSTGRES_BIN_DIR)`;
  }
  if (isRoot && !existsSync('/usr/sbin/runuser') && !existsSync('/usr/bin/runuser')) return 'running as root without runuser to drop to the postgres user';
  return null;
}

// PostgreSQL refuses to run as root: as root, its tools run as the postgres OS user.
async function postgresTool(tool: string, args: string[]): Promise<void> {
  const command = path.join(BIN_DIR, tool);
  if (isRoot) await run('runuser', ['-u', 'postgres', '--', command, ...args], { timeout: 30_000 });
  else await run(command, args, { timeout: 30_000 });
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const folder = await mkdtemp(path.join(tmpdir(), 'harbour-pg-'));
  if (isRoot) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: group } = await run('id', ['-g', 'postgres']);
    await chown(folder, Number(stdout.trim()), Number(group.trim()));
  }
  const dataDir = path.join(folder, 'data');
  const port = await freePort();
  // Trust is safe only because the server listens on 127.0.0.1 alone, for seconds, in a test.
  await postgresTool('initdb', ['-D', dataDir, '-U', 'harbour', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C.UTF-8']);
  // fsync=off only risks data if the machine itself crashes; a killed server (stop -m immediate)
  // still finds every acknowledged commit. synchronous_commit stays on: off would acknowledge
  // commits before writing them, and an immediate stop then loses them (the outage test sees it).
  const options = `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const start = () => postgresTool('pg_ctl', ['start', '-D', dataDir, '-w', '-t', '30', '-l', path.join(folder, 'server.log'), '-o', options]);
  const stop = (mode: 'fast' | 'immediate' = 'fast') => postgresTool('pg_ctl', ['stop', '-D', dataDir, '-w', '-t', '30', '-m', mode]);
  await start();
  let isRunning = true;
  return {
    url: `postgres://harbour@127.0.0.1:${port}/postgres`,
    port,
    async stop(mode) {
      await stop(mode);
      isRunning = false;
    },
    async start() {
      await start();
      isRunning = true;
    },
    async destroy() {
      if (isRunning) await stop('immediate').catch(() => undefined);
      await rm(folder, { recursive: true, force: true });
    },
  };
}
