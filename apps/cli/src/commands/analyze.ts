import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { type AnalysisResult, analyzePaths, type FormatId } from '@nightshift/log-parsing';
import type { Command } from 'commander';
import type { CliIo } from '../cli-io';
import { ExitCode, UsageError } from '../exit-codes';
import { loadClassifier } from '../profile';
import { renderMarkdown } from '../render/render-markdown';
import { renderText } from '../render/render-text';

const OUTPUT_FORMATS = ['json', 'markdown', 'text'] as const;
const INPUT_FORMATS: FormatId[] = [
  'github-actions-log',
  'gh-run-view-log',
  'ginkgo-console',
  'ginkgo-json',
  'go-test-text',
  'go-test-json',
  'junit-xml',
  'plain',
];

interface AnalyzeFlags {
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
        'excerpt of the log under a token budget. Secrets are redacted in every output format.\n\n' +
        'Exit codes: 0 analysis done (whatever the tests did), 2 usage error, 3 unreadable input.',
    )
    .argument('<path...>', 'log files, .gz, .zip, reports or directories; - for stdin')
    .option('-f, --format <format>', `output format: ${OUTPUT_FORMATS.join('|')}`, 'text')
    .option('-b, --budget-tokens <n>', 'token budget of the excerpt', '2000')
    .option('-p, --profile <name>', 'classification profile: ptp|none', 'ptp')
    .option(
      '--input-format <format>',
      `skip detection and parse every input as one of: ${INPUT_FORMATS.join(', ')}`,
    )
    .option('-o, --out <file>', 'write the report to a file instead of stdout')
    .action(async (paths: string[], flags: AnalyzeFlags) => {
      setExit(await runAnalyze(paths, flags, io));
    });
}

async function runAnalyze(paths: string[], flags: AnalyzeFlags, io: CliIo): Promise<number> {
  if (!(OUTPUT_FORMATS as readonly string[]).includes(flags.format)) {
    throw new UsageError(`--format must be one of ${OUTPUT_FORMATS.join(', ')} (got '${flags.format}')`);
  }
  const budgetTokens = Number(flags.budgetTokens);
  if (!Number.isInteger(budgetTokens) || budgetTokens < 100 || budgetTokens > 1_000_000) {
    throw new UsageError(
      `--budget-tokens must be a whole number from 100 to 1000000 (got '${flags.budgetTokens}')`,
    );
  }
  if (flags.inputFormat && !INPUT_FORMATS.includes(flags.inputFormat as FormatId)) {
    throw new UsageError(
      `--input-format must be one of ${INPUT_FORMATS.join(', ')} (got '${flags.inputFormat}')`,
    );
  }
  const classifier = loadClassifier(flags.profile);
  const started = Date.now();
  const result = await analyzePaths(
    paths.map((p) => (p === '-' ? p : resolve(io.cwd, p))),
    {
      classifier,
      budgetTokens,
      format: flags.inputFormat as FormatId | undefined,
      stdin: io.stdin,
      progressEveryBytes: 64 * 1024 * 1024,
      onProgress: (p) => {
        if (!p.done)
          io.stderr.write(
            `nightshift: ${p.path}: ${(p.bytes / 1048576).toFixed(0)} MiB, ${p.lines} lines…\n`,
          );
      },
    },
  );
  const rendered = render(result, flags.format);
  if (flags.out) {
    await writeFile(resolve(io.cwd, flags.out), rendered);
    io.stderr.write(
      `nightshift: wrote ${flags.out} (${result.failures.length} failures, ${Date.now() - started} ms)\n`,
    );
  } else {
    io.stdout.write(rendered);
  }
  const unreadable = result.inputs.filter((i) => i.format === 'unreadable');
  for (const input of unreadable)
    io.stderr.write(`nightshift: cannot read ${input.path}: ${input.errors.join('; ')}\n`);
  return unreadable.length > 0 ? ExitCode.unreadableInput : ExitCode.ok;
}

function render(result: AnalysisResult, format: string): string {
  if (format === 'json') return `${JSON.stringify(result, null, 2)}\n`;
  if (format === 'markdown') return renderMarkdown(result);
  return renderText(result);
}
