import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { type AnalysisResult, analyzePaths, type FormatId, sanitizeText } from '@nightshift/log-parsing';
import type { CliIo } from '../cli-io';
import { ExitCode, UsageError } from '../exit-codes';
import { loadClassifier } from '../profile';
import { renderMarkdown } from '../render/render-markdown';
import { renderText } from '../render/render-text';
import { type AnalyzeFlags, INPUT_FORMATS, OUTPUT_FORMATS } from './analyze';
import { displayPathOf, displayPaths } from './display-paths';

/** `nightshift analyze`: loaded by its action only (see analyze.ts). */
export async function runAnalyze(paths: string[], flags: AnalyzeFlags, io: CliIo): Promise<number> {
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
  const show = displayPathOf(paths, io.cwd);
  const analysed = await analyzePaths(
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
            // A path from a zip entry or a folder can hold anything, escape sequences included.
            sanitizeText(
              `nightshift: ${show(p.path)}: ${(p.bytes / 1048576).toFixed(0)} MiB, ${p.lines} lines…\n`,
            ),
          );
      },
    },
  );
  const result = displayPaths(analysed, paths, io.cwd);
  const rendered = render(result, flags.format);
  if (flags.out) {
    await writeFile(resolve(io.cwd, flags.out), rendered);
    io.stderr.write(
      `nightshift: wrote ${flags.out} (${result.failures.length} failures, ${Date.now() - started} ms)\n`,
    );
  } else {
    io.stdout.write(rendered);
  }
  // Skipped inputs (binary files, links inside a walked folder) are listed in the report; they
  // fail the command only when nothing at all was analysed (`analyze screenshot.png`).
  const nothingRead = result.inputs.every((i) => i.format === 'unreadable' || i.format === 'skipped');
  const unreadable = result.inputs.filter(
    (i) => i.format === 'unreadable' || (nothingRead && i.format === 'skipped'),
  );
  for (const input of unreadable) {
    // The input errors name the path themselves ("missing.log: no such file or directory").
    const problems = input.errors.map((e) =>
      e.startsWith(`${input.path}: `) ? e.slice(input.path.length + 2) : e,
    );
    io.stderr.write(sanitizeText(`nightshift: cannot read ${input.path}: ${problems.join('; ')}\n`));
  }
  return unreadable.length > 0 ? ExitCode.unreadableInput : ExitCode.ok;
}

function render(result: AnalysisResult, format: string): string {
  if (format === 'json') return `${JSON.stringify(result, null, 2)}\n`;
  if (format === 'markdown') return renderMarkdown(result);
  return renderText(result);
}
