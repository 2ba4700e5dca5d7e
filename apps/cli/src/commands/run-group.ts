import { createReadStream } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { groupJsonl } from '@nightshift/log-parsing';
import type { CliIo } from '../cli-io';
import { ExitCode } from '../exit-codes';
import { loadClassifier } from '../profile';

/** `nightshift group`: loaded by its action only (see group.ts). */
export async function runGroup(file: string, profile: string, io: CliIo): Promise<number> {
  const classifier = loadClassifier(profile);
  const input = file === '-' ? io.stdin : createReadStream(resolve(io.cwd, file));
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let bad = 0;
  for await (const item of groupJsonl(lines, classifier)) {
    if ('error' in item) {
      bad++;
      io.stderr.write(`nightshift: ${file === '-' ? 'stdin' : file}:${item.line}: ${item.error}\n`);
      continue;
    }
    if (!io.stdout.write(`${JSON.stringify(item.record)}\n`)) {
      await new Promise((r) => io.stdout.once('drain', r));
    }
  }
  return bad > 0 ? ExitCode.unreadableInput : ExitCode.ok;
}
