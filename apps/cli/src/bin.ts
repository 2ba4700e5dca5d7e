import { processIo } from './cli-io';
import { runCli } from './program';

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
