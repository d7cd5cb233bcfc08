import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { precompress } from './build/precompress.ts';

const apiServer = 'http://localhost:3000';

// The libraries every signed-in page runs on (React, the router, react-query and the tRPC
// client) go in one chunk of their own: it changes only when a library is upgraded, so a
// release of Harbour's own code leaves it in the browser's cache. Everything else is split by
// route (React.lazy in app/router.tsx), so a page downloads only what it draws; zod, forms,
// phone numbers and charts come with the pages that use them. See docs/decisions/017.
const FIRST_LOAD_LIBRARIES =
  /[\\/]node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack[\\/]query-core|@tanstack[\\/]react-query|@trpc[\\/](client|server|tanstack-react-query)|superjson|copy-anything|is-what)[\\/]/;

export default defineConfig({
  plugins: [react(), precompress()],
  server: {
    port: 5173,
    strictPort: true,
    proxy: { '/trpc': apiServer, '/api': apiServer, '/healthz': apiServer, '/readyz': apiServer },
  },
  build: {
    target: 'es2022',
    // No source maps in the build: served from /assets they would publish the whole client
    // source, comments included, to anyone who asks.
    sourcemap: false,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [{ name: 'libraries', test: FIRST_LOAD_LIBRARIES }],
        },
      },
    },
  },
  test: {
    name: 'web',
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['./src/test/setup.ts'],
  },
});
