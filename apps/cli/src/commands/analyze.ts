import type { FormatId } from '@nightshift/log-parsing';
import type { Command } from 'commander';
import type { CliIo } from '../cli-io';

export const OUTPUT_FORMATS = ['json', 'markdown', 'text'] as const;
export const INPUT_FORMATS: FormatId[] = [
  'github-actions-log',
  'gh-run-view-log',
  'ginkgo-console',
  'ginkgo-json',
  'go-test-text',
  'go-test-json',
  'junit-xml',
  'plain',
];

export interface AnalyzeFlags {
  format: string;
  budgetTokens: string;
  profile: string;
  out?: string;
  inputFormat?: string;
}

export function registerAnalyze(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('analyze')
    .summary('find, classify and fingerprint the failures in CI logs and test reports')
    .description(
      'Reads logs (GitHub Actions, gh run view, Ginkgo, go test, plain), .gz files, .zip archives\n' +
        '(run-log zips, artifact zips), JUnit XML and Ginkgo/go test JSON reports, or whole directories,\n' +
        'and reports each failure with its category, rule, evidence, signature and fingerprint, plus an\n' +
        'excerpt of the log under a token budget. Secrets are redacted in every output format.\n' +
        'Inside a directory, binary files, symbolic links and FIFOs, sockets or devices are listed as\n' +
        'skipped (not read).\n\n' +
        'Exit codes: 0 analysis done (whatever the tests did), 2 usage error (a bad option, - given\n' +
        'twice, an --out file that cannot be written), 3 unreadable input (missing, unreadable, or\n' +
        'nothing that could be analysed).',
    )
    .argument('<path...>', 'log files, .gz, .zip, reports or directories; - for stdin')
    .option('-f, --format <format>', `output format: ${OUTPUT_FORMATS.join('|')}`, 'text')
    .option('-b, --budget-tokens <n>', 'token budget of the excerpt', '2000')
    .option('-p, --profile <name>', 'classification profile: ptp|none', 'ptp')
    .option(
      '--input-format <format>',
      `skip detection and parse every input as one of: ${INPUT_FORMATS.join(', ')}`,
    )
    .option('-o, --out <file>', 'write the report to a file instead of stdout (- is stdout)')
    .action(async (paths: string[], flags: AnalyzeFlags) => {
      // Loaded on use, like every command's implementation, so each command pays only for what it
      // runs (see program.ts).
      const { runAnalyze } = await import('./run-analyze');
      setExit(await runAnalyze(paths, flags, io));
    });
}
