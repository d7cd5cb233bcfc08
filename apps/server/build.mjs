// Bundles the server into dist/main.js. Workspace packages (@harbour/*) ship as TypeScript
// source, so they are bundled in; everything from npm stays external and is loaded from
// node_modules at run time (PGlite, for one, reads its WebAssembly from its own folder).
import { build } from 'esbuild';

await build({
  entryPoints: ['src/main.ts'],
  outfile: 'dist/main.js',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  logLevel: 'warning',
  plugins: [
    {
      name: 'external-npm-packages',
      setup(b) {
        b.onResolve({ filter: /^[^./]/ }, (args) =>
          args.path.startsWith('@harbour/') ? undefined : { path: args.path, external: true },
        );
      },
    },
  ],
});
