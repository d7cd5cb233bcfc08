// `pnpm dev`: the API server (reloading on change) and Vite (hot reload) side by side.
// Open http://localhost:5173; Vite passes /trpc and /api through to the server on :3000.
import { spawn } from 'node:child_process';

const children = [];

function run(name, command, args, env = {}) {
  // detached: each child leads its own process group, so stopping it stops its children too.
  const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, ...env }, detached: true });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`${name} stopped (${signal ?? `exit ${code}`}); stopping the rest.`);
      stop(code ?? 1);
    }
  });
  children.push(child);
}

let stopping = false;
function stop(code = 0) {
  stopping = true;
  for (const child of children) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  setTimeout(() => process.exit(code), 500).unref();
}

process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

run('server', 'pnpm', ['--filter', '@harbour/server', 'dev'], {
  HARBOUR_ORIGIN: 'http://localhost:5173',
  HARBOUR_DATA_DIR: process.env.HARBOUR_DATA_DIR ?? `${process.cwd()}/.data`,
});
run('web', 'pnpm', ['--filter', '@harbour/web', 'dev']);
