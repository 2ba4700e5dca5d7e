#!/usr/bin/env -S node --max-semi-space-size=4 --max-opt=2
// The shebang is here, not in tsup's banner, so that it lands on the entry only (the bundle's
// chunks are imported, never run). Both flags must be launch flags (V8 ignores them once the
// isolate exists). A small young generation keeps peak RSS flat on multi-GB logs (1 GB log:
// 257 MB → 131 MB) at no cost in speed. `--max-opt=2` makes Maglev the top tier: see
// full-tiering.ts for why, and for the big inputs that run again with TurboFan.
import nodeModule from 'node:module';
import { processIo } from './cli-io';
import { fullTieringRelaunch, lacksMaglev } from './full-tiering';

// Node keeps the compiled code of the modules imported after this under the OS temp folder
// (NODE_DISABLE_COMPILE_CACHE=1 turns it off; Node < 22.1 has no such cache), so every run but the
// first skips most of their parsing: ~0.03 of the ~0.25 CPU s of a small analyze. Hence the
// dynamic import below: a static one would be loaded before this line runs.
nodeModule.enableCompileCache?.();
// Before Node 22 `--max-opt=2` would leave no optimising tier at all: start again with every one.
const relaunch = fullTieringRelaunch();
if (relaunch && lacksMaglev()) process.exit(await relaunch());
const { runCli } = await import('./program');

// The bin only wires the process to runCli; everything else is testable in-process.
runCli(process.argv.slice(2), processIo()).then(
  async (code) => {
    // Every command's promise settles once its work is done (servers closed, files written), so
    // the process ends here rather than when the event loop drains: that skips tearing down V8's
    // heap page by page, ~10 ms of every run (perf stat, 40 runs each). What is still buffered
    // for stdout or stderr is written first: a pipe takes ~64 KiB at once, and Node keeps the
    // rest of a big report until the reader makes room (bundle.test.ts).
    await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
    process.exit(code);
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);

/** Settles once everything written to `stream` so far has been handed to the OS (or failed). */
function flushed(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((done) => {
    if (stream.destroyed || stream.writableEnded) return done();
    stream.write('', () => done());
  });
}
