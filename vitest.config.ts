import { defineConfig } from 'vitest/config';

// One runner, four projects: `pnpm test` runs them all, `--project <name>` picks one.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'shared',
          root: 'packages/shared',
          include: ['src/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'tools',
          root: 'tools',
          include: ['**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'server',
          root: 'apps/server',
          include: ['src/**/*.test.ts'],
          environment: 'node',
          // A PGlite instance takes seconds to start on a cold 2-core machine.
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Files share a worker's loaded modules (the app, PGlite's engine) instead of
          // loading the app afresh for each: 42% less CPU for the suite on PGlite. It holds
          // because no server test mocks a module or leaves module state behind; each file
          // opens its own database (test/test-database.ts).
          isolate: false,
        },
      },
      'apps/web/vite.config.ts',
      {
        test: {
          name: 'e2e',
          root: 'e2e',
          include: ['**/*.e2e.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One built server and one browser, shared by every file in turn.
          fileParallelism: false,
          globalSetup: ['./global-setup.ts'],
        },
      },
    ],
  },
});
