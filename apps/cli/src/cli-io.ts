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
   * V8's tiers of this process when Maglev is its top one (v8-tiers.ts); absent when every tier
   * is on already (tests, Node before 22).
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
