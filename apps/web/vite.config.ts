import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const apiServer = 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    strictPort: true,
    proxy: { '/trpc': apiServer, '/api': apiServer, '/healthz': apiServer, '/readyz': apiServer },
  },
  // No source maps in the build: served from /assets they would publish the whole client
  // source, comments included, to anyone who asks.
  build: { target: 'es2022', sourcemap: false },
  test: {
    name: 'web',
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['./src/test/setup.ts'],
  },
});
