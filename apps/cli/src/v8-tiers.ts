import v8 from 'node:v8';

/**
 * V8's tiers for a command that makes one pass over its input (analyze, group): Maglev is the top
 * one, TurboFan is off, unless the input is big.
 *
 * Most of a typical analyze (a CI log of up to a few hundred MB, a folder of small files) runs
 * before TurboFan's code would arrive, and its compiles took ~0.13 CPU s of a 100 MB run. Without
 * them a 100 MB log costs ~10% less CPU and, pinned to one CPU, ~13% less wall time; with two
 * CPUs it takes ~2–10% more wall time (Maglev's code is slower for the rest of the run). A Prow
 * artifact folder costs ~12% less CPU, a 300 MB log ~15% less wall time pinned. Past ~500 MB
 * TurboFan's faster code wins (a 1 GB log took ~20% longer without it), so it stays on there.
 *
 * Set at run time, once the command knows its input, not as a launch flag: V8 refuses the code
 * cache Node ships for its own modules whenever the flags differ from the ones it was made with,
 * so `--max-opt=2` in the shebang (session 10) had each of them compiled from source (~0.02 s of
 * every start), and it could only be undone for a big input by starting a second process. Set
 * this late, the modules a run loads after it are few (not `node:crypto`: sha256-hex16.ts). V8
 * reads `turbofan` at every tier-up decision (`TieringManager::ShouldOptimize`), so the change
 * holds for every later one; v8-tiers.test.ts checks that on the running Node, and bundle.test.ts
 * that no module is refused its cache. docs/performance.md, "Session 11".
 *
 * With TurboFan off, a function is compiled by Maglev after `MAGLEV_INVOCATIONS` calls rather
 * than V8's 400 (`--invocation-count-for-maglev`, read at each tier-up decision too): a 100 MB
 * analyze made 176 Maglev compiles, many of them for functions that run a few hundred times and
 * then rarely, and on one CPU those compiles take turns with the analysis ("Session 12").
 */
export interface V8Tiers {
  /**
   * Chooses the top tier for a command about to work through `bytes` of input: Maglev below
   * ALL_TIERS_BYTES (after `MAGLEV_INVOCATIONS` calls), every tier from there on. Called once,
   * when the input is known.
   */
  forInput(bytes: number): void;
}

/** From this many bytes of input on, TurboFan stays on (`V8Tiers.forInput`). */
export const ALL_TIERS_BYTES = 512 * 1048576;

/**
 * Calls before Maglev compiles a function, below ALL_TIERS_BYTES. On the 100 MB benchmark log
 * (callgrind, all threads): V8's 400 2.233 G instructions, 800 2.199 G, 1200 2.184 / 2.192 G,
 * 1600 2.208 G, 3000 2.237 G (fewer compiles, more time in Sparkplug's code); Maglev compiles
 * 176 → 104 at 1200. Pinned to one CPU, 20 interleaved runs twice: 0.622 → 0.603 s and
 * 0.548 → 0.486 s. The Prow folder (789 files): 4.728 → 4.732 G, unchanged.
 */
export const MAGLEV_INVOCATIONS = 1200;

/**
 * The tiers of this process, or undefined on a Node before 22, where Maglev is off by default:
 * there TurboFan is the only optimising tier (a 100 MB analyze took 1.8× as long with Sparkplug
 * as the top one on Node 20).
 */
export function v8Tiers(
  nodeVersion: string = process.versions.node,
  // Looked up at each call (not bound once): a test or a profiler may wrap it.
  setFlags: (flags: string) => void = (flags) => v8.setFlagsFromString(flags),
): V8Tiers | undefined {
  if (lacksMaglev(nodeVersion)) return undefined;
  return {
    forInput: (bytes) => {
      if (bytes < ALL_TIERS_BYTES)
        setFlags(`--no-turbofan --invocation-count-for-maglev=${MAGLEV_INVOCATIONS}`);
    },
  };
}

/** Whether this Node's V8 leaves Maglev off by default (before Node 22). */
export function lacksMaglev(nodeVersion: string): boolean {
  return Number(nodeVersion.split('.')[0]) < 22;
}
