import { PassThrough, Readable } from 'node:stream';
import type { CliIo } from './cli-io';

/** An in-memory CliIo for tests: collects stdout/stderr, feeds stdin from a string. */
export function testIo(options: { cwd: string; stdin?: string; env?: Record<string, string> }) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (b: Buffer) => out.push(b));
  stderr.on('data', (b: Buffer) => err.push(b));
  const io: CliIo = {
    stdout,
    stderr,
    stdin: Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]),
    cwd: options.cwd,
    env: options.env ?? {},
    isTTY: false,
  };
  return {
    io,
    stdout: () => Buffer.concat(out).toString('utf8'),
    stderr: () => Buffer.concat(err).toString('utf8'),
  };
}
