#!/usr/bin/env -S node --max-semi-space-size=4
// The shebang is here, not in tsup's banner, so that it lands on the entry only (the bundle's
// chunks are imported, never run). The flag, a small young generation, keeps peak RSS flat on
// multi-GB logs (1 GB log: 257 MB → 131 MB) at no cost in speed; it must be a launch flag, V8
// ignores it once the heap exists.
import nodeModule from 'node:module';
import v8 from 'node:v8';
import { processIo } from './cli-io';

// The old generation may grow by half its live size before a full collection (V8 picks a factor
// up to 4 for a small heap). analyze's garbage reaches the old generation slowly (~20 KB per young
// collection) and V8 let it pile up: on the 1 GB benchmark log the heap reached ~45 MB with one
// full collection, peak RSS 150–215 MB; with this, a few ~3 ms collections and ~120–140 MB, at no
// measurable cost in speed. A runtime flag (V8 reads it whenever it sets the next limit), not a
// launch flag: were a later V8 to drop it, V8 would print "unrecognized flag" and the run go on,
// where an unknown launch flag stops the binary.
v8.setFlagsFromString('--heap-growing-percent=50');

// Node keeps the compiled code of the modules imported after this under the OS temp folder
// (NODE_DISABLE_COMPILE_CACHE=1 turns it off; Node < 22.1 has no such cache), so every run but the
// first skips most of their parsing: ~0.03 of the ~0.25 CPU s of a small analyze. Hence the
// dynamic import below: a static one would be loaded before this line runs.
nodeModule.enableCompileCache?.();
const { runCli } = await import('./program');

// The bin only wires the process to runCli; everything else is testable in-process.
runCli(process.argv.slice(2), processIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
