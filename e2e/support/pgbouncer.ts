import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../../apps/server/src/bench/bench-processes';

// PgBouncer in transaction mode in front of the test PostgreSQL, as docs/scaling.md describes
// for production: a server connection is lent for one transaction at a time, so Harbour may
// keep no session state on it, and LISTEN must use a direct connection of its own.

const PGBOUNCER_PATH = process.env.PGBOUNCER_PATH ?? '/usr/sbin/pgbouncer';

export interface PgBouncer {
  /** The same database and credentials as the direct URL, through PgBouncer. */
  databaseUrl: string;
  stop(): Promise<void>;
}

/** Why PgBouncer cannot be started here, or '' when it can. */
export function pgBouncerMissing(): string {
  return existsSync(PGBOUNCER_PATH) ? '' : `PgBouncer not found at ${PGBOUNCER_PATH} (apt-get install -y pgbouncer, or set PGBOUNCER_PATH)`;
}

export async function startPgBouncer(directUrl: string): Promise<PgBouncer> {
  const direct = new URL(directUrl);
  const port = await freePort();
  const folder = mkdtempSync(path.join(tmpdir(), 'harbour-pgbouncer-'));
  const user = decodeURIComponent(direct.username);
  const password = decodeURIComponent(direct.password);
  writeFileSync(path.join(folder, 'userlist.txt'), `"${user}" "${password}"\n`);
  writeFileSync(
    path.join(folder, 'pgbouncer.ini'),
    [
      '[databases]',
      `* = host=${direct.hostname} port=${direct.port || '5432'}`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      'unix_socket_dir =',
      'auth_type = plain',
      `auth_file = ${path.join(folder, 'userlist.txt')}`,
      'pool_mode = transaction',
      'default_pool_size = 10',
      // node-postgres sends its timeouts as start-up parameters, which PgBouncer cannot pass on
      // per transaction: production sets them on the role instead (docs/scaling.md).
      'ignore_startup_parameters = statement_timeout,idle_in_transaction_session_timeout',
      `logfile = ${path.join(folder, 'pgbouncer.log')}`,
      '',
    ].join('\n'),
  );
  // PgBouncer refuses to run as root; CI runs as root, so it runs as the postgres user there.
  const isRoot = process.getuid?.() === 0;
  if (isRoot) chownSync(folder, uidOf('postgres'), gidOf('postgres'));
  const command = isRoot ? ['runuser', ['-u', 'postgres', '--', PGBOUNCER_PATH, 'pgbouncer.ini']] as const : [PGBOUNCER_PATH, ['pgbouncer.ini']] as const;
  const bouncer: ChildProcess = spawn(command[0], [...command[1]], { cwd: folder, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  bouncer.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  bouncer.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const stop = async () => {
    if (bouncer.exitCode === null) {
      const exited = new Promise((resolve) => bouncer.once('exit', resolve));
      bouncer.kill('SIGTERM');
      await exited;
    }
    rmSync(folder, { recursive: true, force: true });
  };
  const deadline = Date.now() + 10_000;
  while (!(await isListening(port))) {
    if (bouncer.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`PgBouncer did not start:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const through = new URL(directUrl);
  through.hostname = '127.0.0.1';
  through.port = String(port);
  return { databaseUrl: through.toString(), stop };
}

function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.end();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

const idOf = (flag: '-u' | '-g', name: string): number => Number(execFileSync('id', [flag, name], { encoding: 'utf8' }).trim());
const uidOf = (name: string) => idOf('-u', name);
const gidOf = (name: string) => idOf('-g', name);
