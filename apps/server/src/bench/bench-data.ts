import { benchDatabaseName, DEFAULT_BENCH_DATABASE_URL } from './bench-database';
import { loadBenchData } from './bench-load';

// pnpm bench:data [--scale <fraction>] [--verbose]: wipes the benchmark database and fills it with four
// years of a national helpline (at --scale 1, a million cases). See docs/decisions/013.

function scaleFrom(args: readonly string[]): number {
  const at = args.findIndex((arg) => arg === '--scale' || arg.startsWith('--scale='));
  if (at === -1) return 1;
  const text = args[at]!.includes('=') ? args[at]!.split('=')[1] : args[at + 1];
  const scale = Number(text);
  if (!text || !Number.isFinite(scale) || scale <= 0 || scale > 1) {
    throw new Error(`--scale takes a fraction more than 0 and at most 1 (0.01 is ten thousand cases), not "${text ?? ''}"`);
  }
  return scale;
}

try {
  const url = process.env.BENCH_DATABASE_URL || DEFAULT_BENCH_DATABASE_URL;
  const unknown = process.argv.slice(2).filter((arg, index, args) => !arg.startsWith('--scale') && arg !== '--verbose' && args[index - 1] !== '--scale');
  if (unknown.length) throw new Error(`Unknown argument ${unknown[0]}: the options are --scale <fraction> and --verbose`);
  const scale = scaleFrom(process.argv.slice(2));
  console.log(`Filling ${benchDatabaseName(url)} at scale ${scale} (every row in it is replaced)`);
  await loadBenchData({ url, scale, log: (line) => console.log(line), verbose: process.argv.includes('--verbose') });
} catch (error) {
  console.error(`bench:data failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
