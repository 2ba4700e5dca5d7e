import type { Readable, Writable } from 'node:stream';

/** Everything a command touches outside itself, so tests can run commands in-process. */
export interface CliIo {
  stdout: Writable;
  stderr: Writable;
  stdin: Readable;
  cwd: string;
  env: Record<string, string | undefined>;
  /** Whether stderr is an interactive terminal (progress is printed more often there). */
  isTTY: boolean;
}

export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    cwd: process.cwd(),
    env: process.env,
    isTTY: Boolean(process.stderr.isTTY),
  };
}
