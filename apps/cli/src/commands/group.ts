import type { Command } from 'commander';
import type { CliIo } from '../cli-io';

export function registerGroup(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('group')
    .summary('add signature, fingerprint and category to JSONL failure records')
    .description(
      'Reads JSONL records that have at least `test` (a string or null) and `message` (a string), the\n' +
        'shape of the PTP nightly failures.jsonl, and writes the same records, in the same order, with\n' +
        '`signature`, `fingerprint` and `category` added: the same keys in the same order and the same\n' +
        'values (numbers as written: a 19-digit build id or 12.50 keeps its text; secrets too: it is your\n' +
        'file). Each record is re-serialised, not copied: whitespace between tokens goes, string escapes\n' +
        'are rewritten (\\/ becomes /, \\u00e9 becomes é), and of a key given twice only the last value\n' +
        'is kept. A line that is not a JSON object, or a record without `test` or `message`, is reported\n' +
        'on stderr with its line number (its start quoted, invisible characters stripped, secrets\n' +
        'redacted) and skipped; the exit code is then 3.\n\n' +
        'Exit codes: 0 done, 2 usage error, 3 bad lines or an unreadable input.',
    )
    .argument('[file]', 'JSONL file, or - for stdin', '-')
    .option('-p, --profile <name>', 'classification profile: ptp|none', 'ptp')
    .action(async (file: string, flags: { profile: string }) => {
      const { runGroup } = await import('./run-group'); // loaded on use (see program.ts)
      setExit(await runGroup(file, flags.profile, io));
    });
}
