import type { Classifier } from '../classify/index';
import { expandInputs, InputError } from '../input/index';
import type { FormatId } from '../types';
import type { AnalysisResult, AnalyzedInput, AnalyzeProgress } from './analysis-result';
import { analyzeInput, type InputAnalysis } from './analyze-input';
import { buildFailures, isStructuredFormat, structuredTestNames } from './build-failures';
import { cleanResult } from './clean-result';
import { ExcerptChoice } from './excerpt-choice';

export interface AnalyzeOptions {
  classifier: Classifier;
  /** Token budget of the excerpt (default 2000). */
  budgetTokens?: number;
  /** Force a format instead of detecting it. */
  format?: FormatId;
  /** Where `-` reads from (the CLI passes process.stdin; the package never touches process). */
  stdin?: AsyncIterable<Uint8Array | string>;
  onProgress?(progress: AnalyzeProgress): void;

  progressEveryBytes?: number;
  /** `AnalyzeInputOptions.byteScan`: false decodes every line (to compare the two paths). */
  byteScan?: boolean;
}

/**
 * Input errors that are a choice, not a failure to read: an artifact folder holds images and
 * tarballs, and links and special files (a FIFO may never end) are not read inside a walked
 * directory. Such inputs are listed as
 * `skipped`; only `unreadable` ones mean something the caller asked for could not be read.
 */
const SKIPPED_ON_PURPOSE: ReadonlySet<string> = new Set(['binary', 'symlink', 'special-file']);

/** Analyses logs, archives, reports and directories and returns the `analyze` JSON contract. */
export function analyzePaths(paths: string[], options: AnalyzeOptions): Promise<AnalysisResult> {
  // analyzeInput decodes each chunk before asking for the next, so file buffers can be reused.
  return analyzeSources(expandInputs(paths, { stdin: options.stdin, reuseChunkBuffers: true }), options);
}

/** An input to analyse: a display path and a way to stream its bytes. */
export interface AnalyzeSource {
  path: string;
  open(): AsyncIterable<Uint8Array | string>;
}

/**
 * The same analysis over inputs that are not files: downloaded job logs, artifact entries, GCS
 * objects. Items with `error` are inputs that could not be read; they are reported, not thrown.
 */
export async function analyzeSources(
  sources:
    | AsyncIterable<AnalyzeSource | { path: string; error: Error }>
    | Iterable<AnalyzeSource | { path: string; error: Error }>,
  options: AnalyzeOptions,
): Promise<AnalysisResult> {
  const budgetTokens = options.budgetTokens ?? 2000;
  const analysed: InputAnalysis[] = [];
  const inputs: AnalyzedInput[] = [];
  const redactions = new Map<string, number>();
  // What is kept of each input once it is read is what the result needs, so a folder of thousands
  // of inputs does not hold thousands of excerpts and passed-test lists.
  const excerpts = new ExcerptChoice();
  const structuredNames = new Set<string>();
  let sawResults = false;

  for await (const item of sources) {
    if ('error' in item) {
      const skipped = InputError.isInstance(item.error) && SKIPPED_ON_PURPOSE.has(item.error.code);
      inputs.push({
        path: item.path,
        format: skipped ? 'skipped' : 'unreadable',
        bytes: 0,
        lines: 0,
        partial: !skipped,
        errors: [item.error.message],
      });
      continue;
    }
    try {
      const a = await analyzeInput({
        path: item.path,
        open: () => item.open(),
        classifier: options.classifier,
        format: options.format,
        budgetTokens,
        progressEveryBytes: options.progressEveryBytes,
        byteScan: options.byteScan,
        onProgress: (bytes, lines) => options.onProgress?.({ path: item.path, bytes, lines, done: false }),
      });
      options.onProgress?.({ path: item.path, bytes: a.bytes, lines: a.lines, done: true });
      for (const [k, n] of a.redactions) redactions.set(k, (redactions.get(k) ?? 0) + n);
      inputs.push(describeInput(a));
      sawResults ||= a.report.tests.length > 0 || a.report.summary !== undefined;
      if (isStructuredFormat(a.format))
        for (const name of structuredTestNames(a.report)) structuredNames.add(name);
      // Failures are built from the failed tests; passed ones only counted (describeInput).
      a.report = { ...a.report, tests: a.report.tests.filter((t) => t.state === 'failed') };
      excerpts.offer(a);
      analysed.push(a);
    } catch (error) {
      // An input that failed before giving a byte (analyzeInput keeps what a later failure left):
      // it is unreadable, and the other inputs still count.
      inputs.push({
        path: item.path,
        format: 'unreadable',
        bytes: 0,
        lines: 0,
        partial: true,
        errors: [error instanceof Error ? error.message : String(error)],
      });
    }
  }

  const failures = buildFailures(analysed, options.classifier, structuredNames);
  const flaky = analysed.flatMap((a) => a.report.flaky);
  const excerptSource = excerpts.pick(failures.length > 0);
  // "passed" only when every input was read whole: a truncated report may have lost the failure.
  const complete = inputs.every((i) => !i.partial);
  return cleanResult({
    schemaVersion: 1,
    status: failures.length > 0 ? 'failed' : sawResults && complete ? 'passed' : 'unknown',
    inputs,
    failures,
    flaky,
    excerpt: excerptSource
      ? { path: excerptSource.path, ...excerptSource.excerpt }
      : { path: null, text: '', tokens: 0, ranges: [] },
    redactions: [...redactions].map(([kind, count]) => ({ kind, count })),
  });
}

function describeInput(a: InputAnalysis): AnalyzedInput {
  const tests = a.report.tests;
  const input: AnalyzedInput = {
    path: a.path,
    format: a.format,
    bytes: a.bytes,
    lines: a.lines,
    partial: a.report.partial,
    // Parse errors are worded "<path> line <n>: <problem>" already.
    errors: a.report.errors.map((e) => e.message),
  };
  if (tests.length > 0) {
    input.tests = {
      total: tests.length,
      failed: tests.filter((t) => t.state === 'failed').length,
      passed: tests.filter((t) => t.state === 'passed').length,
      skipped: tests.filter((t) => t.state === 'skipped' || t.state === 'pending').length,
    };
  }
  return input;
}
