import type { Command } from 'commander';
import type { CliIo } from '../cli-io';

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
      const { runGroup } = await import('./run-group'); // loaded on use (see program.ts)
      setExit(await runGroup(file, flags.profile, io));
    });
}
