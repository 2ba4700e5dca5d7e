import type { Readable, Writable } from 'node:stream';
import type { V8Tiers } from './v8-tiers';

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
   * The switch of V8's tiers (v8-tiers.ts) for the commands that make one pass over an input;
   * absent in tests and on Node before 22, which keep V8's defaults.
   */
  tiers?: V8Tiers;
}

export function processIo(tiers?: V8Tiers): CliIo {
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
    ...(tiers ? { tiers } : {}),
  };
}
