// Bundles the server into dist/main.js, and the add-staff command into dist/add-staff.js. Packages the server declares as dependencies stay
// external and load from node_modules at run time (PGlite, for one, reads its WebAssembly
// from its own folder); everything else, the workspace's TypeScript packages and what they
// use, is bundled in, so the server needs nothing it does not declare.
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

const { dependencies } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const external = Object.keys(dependencies).filter((name) => !name.startsWith('@harbour/'));

await build({
  entryPoints: { main: 'src/main.ts', 'add-staff': 'src/cli/add-staff.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  logLevel: 'warning',
  external: external.flatMap((name) => [name, `${name}/*`]),
});
