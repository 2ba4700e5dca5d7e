import { resolve } from 'node:path';
import { type AnalysisResult, analyzePaths, type FormatId, wasAnalysed } from '@nightshift/log-parsing';
import type { CliIo } from '../cli-io';
import { ExitCode, UsageError } from '../exit-codes';
import { loadClassifier } from '../profile';
import { renderMarkdown } from '../render/render-markdown';
import { renderText } from '../render/render-text';
import { type AnalyzeFlags, INPUT_FORMATS, OUTPUT_FORMATS } from './analyze';
import { displayPathOf, displayPaths } from './display-paths';
import { namedBytes } from './named-bytes';
import { checkOutOption, isStdout, writeOutFile } from './out-file';
import { writeErrorLine } from './write-error-line';

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
  if (paths.filter((p) => p === '-').length > 1) {
    throw new UsageError("'-' (stdin) is given more than once; stdin can be read only once");
  }
  checkOutOption(flags.out);
  io.tiers?.forInput(namedBytes(paths, io.cwd));
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
          writeErrorLine(
            io,
            `nightshift: ${show(p.path)}: ${(p.bytes / 1048576).toFixed(0)} MiB, ${p.lines} lines…`,
          );
      },
    },
  );
  const result = displayPaths(analysed, paths, io.cwd);
  const rendered = render(result, flags.format);
  if (isStdout(flags.out)) {
    io.stdout.write(rendered);
  } else {
    await writeOutFile(io.cwd, flags.out, rendered);
    const n = result.failures.length;
    writeErrorLine(
      io,
      `nightshift: wrote ${flags.out} (${n} failure${n === 1 ? '' : 's'}, ${Date.now() - started} ms)`,
    );
  }
  return reportUnreadable(analysed, paths, io, show);
}

/**
 * Exit 3 and one stderr line per input that failed the command: an unreadable one; one skipped on
 * purpose (a binary file) that was named on the command line, not met in a folder or an archive;
 * any skipped one when nothing at all was analysed. An argument that gave no input at all (an empty
 * folder) fails it too.
 */
function reportUnreadable(
  analysed: AnalysisResult,
  paths: readonly string[],
  io: CliIo,
  show: (path: string) => string,
): number {
  const named = new Set(paths.filter((p) => p !== '-').map((p) => resolve(io.cwd, p)));
  const nothingRead = !analysed.inputs.some(wasAnalysed);
  const failing = analysed.inputs.filter(
    (i) => i.format === 'unreadable' || (i.format === 'skipped' && (nothingRead || named.has(i.path))),
  );
  for (const input of failing) {
    // The input errors name the path themselves ("missing.log: no such file or directory").
    const problems = input.errors.map((e) =>
      e.startsWith(`${input.path}: `) ? e.slice(input.path.length + 2) : e,
    );
    writeErrorLine(io, `nightshift: cannot read ${show(input.path)}: ${problems.join('; ')}`);
  }
  if (analysed.inputs.length === 0) {
    writeErrorLine(
      io,
      `nightshift: nothing to analyse in ${paths.join(', ')}: no files (hidden folders are skipped)`,
    );
    return ExitCode.unreadableInput;
  }
  return failing.length > 0 ? ExitCode.unreadableInput : ExitCode.ok;
}

function render(result: AnalysisResult, format: string): string {
  if (format === 'json') return `${JSON.stringify(result, null, 2)}\n`;
  if (format === 'markdown') return renderMarkdown(result);
  return renderText(result);
}
