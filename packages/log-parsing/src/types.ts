/**
 * Shapes shared by every part of log-parsing. Parsers, the classifier, the excerpt builder and
 * `analyze` all speak in these types; keep them small and stable.
 */

/** One line of an input, after decoding. `no` is the 1-based line number in the original input. */
export interface LogLine {
  no: number;
  text: string;
  /** The line was longer than the reader's cap and was cut (a marker is appended to `text`). */
  truncated?: boolean;
}

export type FormatId =
  | 'github-actions-log'
  | 'gh-run-view-log'
  | 'ginkgo-console'
  | 'ginkgo-json'
  | 'go-test-text'
  | 'go-test-json'
  | 'junit-xml'
  | 'plain';

export type FailureKind = 'test' | 'setup' | 'build' | 'infra' | 'job';

/** How a test ended, normalised across frameworks. */
export type TestState = 'passed' | 'failed' | 'skipped' | 'pending';

/** Framework-specific flavour of a failure (Ginkgo states, JUnit element, go test). */
export type FailureType = 'failed' | 'panicked' | 'timedout' | 'interrupted' | 'aborted' | 'error';

export interface SourceLocation {
  file: string;
  line: number;
}

export interface TestCaseResult {
  /** Full test name as the framework reports it (JUnit `name`, Ginkgo full spec text, go test name). */
  name: string;
  suite: string | null;
  state: TestState;
  failureType?: FailureType;
  /** Failure message (may be multi-line); null for passing tests. */
  message: string | null;
  location: SourceLocation | null;
  durationSec: number | null;
  /** Setup nodes (BeforeSuite, SynchronizedBeforeSuite, BeforeEach at top level) are `setup`. */
  kind: 'test' | 'setup';
  /** Number of attempts when the framework retried (flake attempts). */
  attempts?: number;
  /** 1-based line in the input where the failure is reported, when known. */
  line?: number;
  /** Failed tests only: tail (≤ 8 KiB) of the captured output (JUnit system-out/err, Ginkgo writer). */
  output?: string;
}

/** A failure not tied to a test: build errors, infra errors, job-level errors. */
export interface JobFailure {
  kind: Exclude<FailureKind, 'test'>;
  message: string;
  line: number;
  /** CI step (GitHub Actions: group/step title; gh run view: "job / step") the failure was logged in. */
  step?: string;
}

export interface ParseError {
  /** Path of the input (or entry inside an archive). */
  path: string;
  line: number | null;
  message: string;
}

export interface FlakyTest {
  test: string;
  attempts: number;
}

/** What one format parser extracts from one input. */
export interface ParsedReport {
  format: FormatId;
  tests: TestCaseResult[];
  flaky: FlakyTest[];
  jobFailures: JobFailure[];
  /** Counts as reported by the framework's own summary, when present. */
  summary?: {
    ran?: number;
    total?: number;
    passed?: number;
    failed?: number;
    skipped?: number;
    flaked?: number;
  };
  /** True when the input ended early or could not be fully parsed; what was parsed is kept. */
  partial: boolean;
  errors: ParseError[];
  /** Test results counted but not kept because a parser cap was reached (see formats/limits.ts). */
  omittedTests?: number;
}

import type { SkipShape } from './formats/skip-shape';

/** Streaming parser protocol: feed lines in order, then call finish once. */
export interface LineParser {
  push(line: LogLine): void;
  finish(): ParsedReport;
}

/**
 * A parser that can tell, from its state and a line's first characters, that pushing the line
 * would change nothing. A long log is mostly such lines (a PTP daemon's offset reports), and
 * skipping them is most of what makes analyze fast (docs/performance.md).
 */
export interface SkippingLineParser extends LineParser {
  /**
   * True only if `push({ no, text })` would change nothing but the line count. `text` must hold
   * no escape character (ESC, U+009B, U+FFFD): the caller finds those lines with a native scan
   * over a whole batch and pushes them, so this check never has to strip colours.
   */
  ignores(text: string): boolean;
  /**
   * `ignores(text.slice(start, end))` without the slice: the line is [start, end) of a bigger text
   * (a chunk of lines separated by '\n'; `text[end]` is '\n' or end is text.length). Same contract.
   */
  ignoresIn(text: string, start: number, end: number): boolean;
  /**
   * `ignores` for a line that holds escapes (any text): true only if `push({ no, text: raw })`
   * would change nothing but the line count. `stripped` is `stripAnsi(raw)`, which the caller has
   * made: most parsers judge the colour-free text, as `push` reads it.
   */
  ignoresEscaped(raw: string, stripped: string): boolean;
  /** Accounts for a line `ignores` or `ignoresEscaped` accepted, instead of pushing it. */
  skip(no: number): void;
  /** `skip` for every line from `first` to `last`, all of which `ignores` accepted. */
  skipLines(first: number, last: number): void;
  /**
   * While the parser's state makes `ignoresIn` a matter of a line's first message bytes, the
   * table that says which (formats/skip-shape.ts); null otherwise. Valid until the next `push`.
   * A line the table ignores, `ignoresIn` ignores too (the table may ask about more).
   */
  skipShape(): SkipShape | null;
}
