/**
 * V8's tiers, as the binary's shebang sets them (bin.ts): Maglev is the top one, TurboFan is off.
 * Most of a typical analyze (a CI log of up to a few hundred MB, a folder of small files) runs
 * before TurboFan's code would arrive, and its compiles took ~0.13 CPU s of a 100 MB run. Without
 * them a 100 MB log costs ~10% less CPU and, pinned to one CPU, ~13% less wall time; with two
 * CPUs it takes ~2–10% more wall time (Maglev's code is slower for the rest of the run). A Prow
 * artifact folder costs ~12% less CPU (~18% less wall pinned). The price is ~0.02 s at start
 * (Node's own modules are compiled again: their built-in code cache does not fit the changed
 * flag), so a log under ~3 MB takes a little longer. Past ~500 MB TurboFan's faster code wins: a
 * 1 GB log took ~20% longer without it, so such inputs run again with every tier
 * (`fullTieringRelaunch`). docs/performance.md, "Session 10".
 */
export const MAGLEV_ONLY = '--max-opt=2';

/**
 * Whether this Node's V8 leaves Maglev off by default (before Node 22), so that `--max-opt=2`
 * would leave Sparkplug as the top tier: a 100 MB analyze took 1.8x as long on Node 20. bin.ts
 * then runs the command again with every tier at once (~0.05 s).
 */
export function lacksMaglev(nodeVersion: string = process.versions.node): boolean {
  return Number(nodeVersion.split('.')[0]) < 22;
}

/** Set in the environment of a relaunched command, so that it never relaunches itself. */
export const FULL_TIERING_ENV = 'NIGHTSHIFT_FULL_TIERING';

/**
 * Files named on the command line at least this big in all run in a process with TurboFan. Its
 * start costs ~0.1 s (Node again, the modules again); a 1 GB log gains ~0.7 s.
 */
export const FULL_TIERING_BYTES = 512 * 1048576;

/**
 * A function that runs this very command again in a Node process with every tier and resolves
 * with its exit code, when this process was started Maglev-only (the shebang) and is not such a
 * relaunch itself; else undefined. Its stdin, stdout and stderr are this process's; an interrupt
 * from the terminal reaches both, and a SIGTERM or SIGHUP sent to this process is passed on.
 */
export function fullTieringRelaunch(
  execArgv: readonly string[] = process.execArgv,
  env: NodeJS.ProcessEnv = process.env,
): (() => Promise<number>) | undefined {
  if (!execArgv.includes(MAGLEV_ONLY) || env[FULL_TIERING_ENV] === '1') return undefined;
  return async () => {
    // Loaded here: an analyze that does not relaunch (nearly all) never loads child_process.
    const [{ spawn }, { constants }] = await Promise.all([import('node:child_process'), import('node:os')]);
    return new Promise((resolve, reject) => {
      const child = spawn(
        process.execPath,
        [...execArgv.filter((arg) => arg !== MAGLEV_ONLY), process.argv[1]!, ...process.argv.slice(2)],
        { stdio: 'inherit', env: { ...env, [FULL_TIERING_ENV]: '1' } },
      );
      const pass = (signal: NodeJS.Signals) => () => child.kill(signal);
      // The terminal sends SIGINT to both: this process only waits for the child's exit.
      const handlers = { SIGINT: () => {}, SIGTERM: pass('SIGTERM'), SIGHUP: pass('SIGHUP') };
      for (const [signal, handler] of Object.entries(handlers)) process.on(signal, handler);
      child.once('error', reject);
      child.once('exit', (code, signal) => {
        for (const [name, handler] of Object.entries(handlers)) process.off(name, handler);
        resolve(code ?? 128 + (signal ? constants.signals[signal] : 0));
      });
    });
  };
}
