import type { Readable, Writable } from 'node:stream';
import { fullTieringRelaunch } from './full-tiering';

/** Everything a command touches outside itself, so tests can run commands in-process. */
export interface CliIo {
  stdout: Writable;
  stderr: Writable;
  stdin: Readable;
  cwd: string;
  env: Record<string, string | undefined>;
  /** Whether stderr is an interactive terminal (progress is printed more often there). */
  isTTY: boolean;
  /**
   * Runs the command again in a Node process with V8's optimising compiler and resolves with its
   * exit code (full-tiering.ts); absent when this process already has it (tests, a relaunch).
   */
  fullTiering?: () => Promise<number>;
}

export function processIo(): CliIo {
  // A reader that stops early (`nightshift --help | head -1`) closes the pipe: the next write
  // fails with EPIPE. That is the reader's choice, not an error: stop quietly, as Unix tools do.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    cwd: process.cwd(),
    env: process.env,
    isTTY: Boolean(process.stderr.isTTY),
    fullTiering: fullTieringRelaunch(),
  };
}
