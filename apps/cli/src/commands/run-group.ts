import { createReadStream } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { groupJsonl } from '@nightshift/log-parsing';
import type { CliIo } from '../cli-io';
import { ExitCode } from '../exit-codes';
import { loadClassifier } from '../profile';
import { writeErrorLine } from './write-error-line';

/** `nightshift group`: loaded by its action only (see group.ts). */
export async function runGroup(file: string, profile: string, io: CliIo): Promise<number> {
  const classifier = loadClassifier(profile);
  const input = file === '-' ? io.stdin : createReadStream(resolve(io.cwd, file));
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let bad = 0;
  // Records go out in batches: one write per record was a system call each, ~12% of a run.
  let batch = '';
  const flush = async () => {
    const text = batch;
    batch = '';
    if (text !== '' && !io.stdout.write(text)) await new Promise((r) => io.stdout.once('drain', r));
  };
  for await (const item of groupJsonl(lines, classifier)) {
    if ('error' in item) {
      // Records before a bad line come out before its message, as they did one by one.
      await flush();
      bad++;
      // The error quotes the bad line.
      writeErrorLine(io, `nightshift: ${file === '-' ? 'stdin' : file}:${item.line}: ${item.error}`);
      continue;
    }
    batch += `${JSON.stringify(item.record)}\n`;
    if (batch.length >= BATCH_CHARS) await flush();
  }
  await flush();
  return bad > 0 ? ExitCode.unreadableInput : ExitCode.ok;
}

/** Characters of output gathered before a write. */
const BATCH_CHARS = 64 * 1024;
