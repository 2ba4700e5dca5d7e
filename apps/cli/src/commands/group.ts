import { createReadStream } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { groupJsonl } from '@nightshift/log-parsing';
import type { Command } from 'commander';
import type { CliIo } from '../cli-io';
import { ExitCode } from '../exit-codes';
import { loadClassifier } from '../profile';

export function registerGroup(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('group')
    .summary('add signature, fingerprint and category to JSONL failure records')
    .description(
      'Reads JSONL records that have at least `test` and `message` (the shape of the PTP nightly\n' +
        'failures.jsonl) and writes the same records, in the same order, with `signature`,\n' +
        '`fingerprint` and `category` added. A line that is not a JSON object is reported on stderr\n' +
        'with its line number and skipped; the exit code is then 3.',
    )
    .argument('[file]', 'JSONL file, or - for stdin', '-')
    .option('-p, --profile <name>', 'classification profile: ptp|none', 'ptp')
    .action(async (file: string, flags: { profile: string }) => {
      setExit(await runGroup(file, flags.profile, io));
    });
}

async function runGroup(file: string, profile: string, io: CliIo): Promise<number> {
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
