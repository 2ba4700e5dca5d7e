#!/usr/bin/env -S node --max-semi-space-size=4
// The shebang is here, not in tsup's banner, so that it lands on the entry only (the bundle's
// chunks are imported, never run). A small young generation keeps peak RSS flat on multi-GB logs
// (1 GB log: 257 MB → 131 MB) at no cost in speed; it must be a launch flag (V8 sizes the heap
// when the isolate is made). V8's tiers are set below, at run time: see v8-tiers.ts.
import nodeModule from 'node:module';
import { processIo } from './cli-io';
import { v8Tiers } from './v8-tiers';

// Node keeps the compiled code of the modules imported after this under the OS temp folder
// (NODE_DISABLE_COMPILE_CACHE=1 turns it off; Node < 22.1 has no such cache), so every run but the
// first skips most of their parsing: ~0.03 of the ~0.25 CPU s of a small analyze. Hence the
// dynamic import below: a static one would be loaded before this line runs.
nodeModule.enableCompileCache?.();
const { runCli } = await import('./program');

// The bin only wires the process to runCli; everything else is testable in-process.
runCli(process.argv.slice(2), processIo(v8Tiers())).then(
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
