import { readFileSync } from 'node:fs';

/**
 * The Node flags a bundle's `bin.js` gives itself in its shebang (`#!/usr/bin/env -S node …`),
 * so the benchmarks run each bundle as its users do: the flags changed over time (session 10
 * added `--max-opt=2`, session 11 took it out again), and comparing two bundles with one set of
 * flags would misrepresent one.
 */
export function shebangFlags(binPath: string): string[] {
  const first = readFileSync(binPath, 'utf8').split('\n', 1)[0] ?? '';
  const match = /^#!\/usr\/bin\/env -S node((?: --?[\w-]+(?:=\S+)?)*)\s*$/.exec(first);
  if (!match) throw new Error(`${binPath}: no "#!/usr/bin/env -S node …" shebang to take flags from`);
  return match[1]!.trim().split(/\s+/).filter(Boolean);
}

/**
 * What report-rss.mjs printed for every process of a run (a bundle may run a command again in a
 * child, as session 10's did for big inputs): CPU time summed, the largest peak RSS.
 */
export function readLaunchReport(stderr: string): { cpuSec: number; peakRssMB: number } {
  const cpu = [...stderr.matchAll(/NIGHTSHIFT_BENCH_CPU_US=(\d+)/g)].map((m) => Number(m[1]));
  const rss = [...stderr.matchAll(/NIGHTSHIFT_BENCH_MAXRSS_KB=(\d+)/g)].map((m) => Number(m[1]));
  return {
    cpuSec: cpu.length > 0 ? cpu.reduce((a, b) => a + b, 0) / 1e6 : Number.NaN,
    peakRssMB: rss.length > 0 ? Math.max(...rss) / 1024 : Number.NaN,
  };
}
