import { stripAnsi } from '../ansi';
import type { FailureKind, FormatId, JobFailure, ParsedReport } from '../types';
import { EmbeddedTestOutput } from './embedded-test-output';
import { githubTimestampLength, githubTimestampLengthIn } from './github-timestamp';
import { LIMITS } from './limits';
import { MessageBuffer } from './message-buffer';
import { ReportBuilder } from './report-builder';

// `##[error]` texts the runner itself writes (actions/runner); everything else is the step's own.
const EXIT_CODE = /^Process completed with exit code \d+\.?$/;
const INFRA = [
  /^The action '.*' has timed out after \d+ minutes\.?$/,
  /has exceeded the maximum execution time of \d+ minutes/,
  /runner has received a shutdown signal/,
  /lost communication with the server/,
];

interface PendingError {
  message: MessageBuffer;
  line: number;
  step: string | undefined;
  job: string | null;
}

/** Lines [start, end] of the log that belong to one job (gh run view prints several jobs). */
interface JobRange {
  job: string | null;
  start: number;
  end: number;
}

/**
 * The part shared by raw job logs and `gh run view --log`: one decoded log entry at a time
 * (timestamp already split off by the caller's framing), runner markers, `##[error]` entries and
 * the embedded test output.
 */
export class GitHubLogReader {
  private readonly out: ReportBuilder;
  private readonly embedded: EmbeddedTestOutput;
  private readonly exitCodeErrors: { failure: JobFailure; job: string | null }[] = [];
  private readonly explainedJobs = new Set<string | null>();
  private readonly jobRanges: JobRange[] = [];
  private pending: PendingError | null = null;
  private job: string | null = null;
  private step: string | null = null;
  private stepFromLog = false;

  constructor(format: FormatId, path: string) {
    this.out = new ReportBuilder(format, path);
    this.embedded = new EmbeddedTestOutput(path);
  }

  /** Job and step named by the framing (gh run view); `step: null` means "read it from the log". */
  setJobStep(job: string, step: string | null): void {
    if (job === this.job && (step === null || step === this.step)) return;
    this.closeError();
    this.embedded.endSection();
    if (job !== this.job) this.jobRanges.push({ job, start: Number.POSITIVE_INFINITY, end: 0 });
    this.job = job;
    this.stepFromLog = step === null;
    this.step = step;
  }

  /** One physical line: `2024-…Z message`, or a continuation line of the previous entry. */
  line(no: number, raw: string): void {
    this.markLine(no);
    const ts = githubTimestampLength(raw);
    const content = ts > 0 ? raw.slice(ts) : raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
    if (ts === 0 && this.pending) {
      this.pending.message.push(stripAnsi(content));
      return;
    }
    this.closeError();
    // Markers may be preceded by colour codes; the nested parsers get the line with its colours
    // (Ginkgo's label colour tells labels from spec text) and strip them themselves.
    const c = content.charCodeAt(0);
    if (c === 0x23 /* # */ || c === 0x1b) {
      const text = stripAnsi(content);
      if (text.startsWith('##[')) {
        this.marker(text, no);
        return;
      }
      // Stripped once: a coloured Ginkgo line (one in 34) paid for a second strip there.
      this.embedded.pushStripped(no, content, text);
      return;
    }
    this.embedded.push(no, content);
  }

  /**
   * Whether `line(no, raw.slice(start, end))` of the escape-free line would change nothing but the
   * job's line range (`skip` records that): no `##[error]` entry is open, and the message, read
   * either with or without a timestamp prefix, is one the embedded parsers ignore and not a runner
   * marker. `raw` may be a chunk of lines (`raw[end]` is then '\n'); nothing past `end` counts.
   *
   * Most lines have the runner's 29-character timestamp (`2026-07-08T00:00:00.0240001Z `). When
   * the characters at 19, 27 and 28 are `.`, `Z` and a space, the sticky timestamp regex can only
   * measure 29 or 0, so checking the message at both offsets decides without running it (~45 ns
   * a line saved); any other shape is measured.
   */
  ignoresIn(raw: string, start: number, end: number): boolean {
    if (this.pending !== null) return false;
    // At `start === end` this reads '\n' or NaN: a non-digit, like NaN in an empty line string,
    // whose message check gives what the measured check at 0 below gives.
    const c0 = raw.charCodeAt(start);
    if (c0 === 0xfeff) return false;
    // Read without a timestamp, a line opening with a digit (every timestamped line) is a message
    // no parser reacts to in any state the check below accepts: only other lines need that check.
    if ((c0 < 0x30 || c0 > 0x39) && !this.ignoresMessageAt(raw, start, end)) return false;
    if (
      end - start >= 29 &&
      raw.charCodeAt(start + 28) === 0x20 &&
      raw.charCodeAt(start + 27) === 0x5a &&
      raw.charCodeAt(start + 19) === 0x2e
    )
      return this.ignoresMessageAt(raw, start + 29, end);
    // Measured; 0 (no timestamp) checks the message at `start`, parsers' states included.
    return this.ignoresMessageAt(raw, start + githubTimestampLengthIn(raw, start, end), end);
  }

  /**
   * `ignoresIn` for a line that holds escapes; `stripped` is `stripAnsi(raw)`. The runner's
   * timestamp holds no escape, so `stripped` is that timestamp followed by the stripped message,
   * which is what `line` hands the nested parsers (they read the raw message only inside a
   * failure block, where `ignoresAt` accepts nothing) or checks for a `##[` marker (a '#' is
   * never ignored). A BOM or an open `##[error]` entry: not ignored.
   */
  ignoresEscaped(raw: string, stripped: string): boolean {
    if (this.pending !== null || raw.charCodeAt(0) === 0xfeff) return false;
    return this.ignoresMessageAt(stripped, githubTimestampLength(raw), stripped.length);
  }

  /** Marks line `no` as read (its job's line range); a line's order does not matter. */
  skip(no: number): void {
    this.markLine(no);
  }

  /** While `idle`: no go test running (`EmbeddedTestOutput.outsideTest`). */
  outsideTest(): boolean {
    return this.embedded.outsideTest();
  }

  /** No `##[error]` entry open and the embedded parsers idle (`SkippingLineParser.skipShape`). */
  idle(): boolean {
    return this.pending === null && this.embedded.idle();
  }

  /** `raw[end]` is '\n' or past the text: at `at === end` it is not '#', as NaN is not. */
  private ignoresMessageAt(raw: string, at: number, end: number): boolean {
    return raw.charCodeAt(at) !== 0x23 /* # */ && this.embedded.ignoresAt(raw, at, end);
  }

  finish(): ParsedReport {
    this.closeError();
    this.embedded.finishInto(this.out);
    // "Process completed with exit code 1." only restates that something failed; keep it only when
    // nothing else in the log says what.
    // Judged per job: gh run view prints several jobs, and one may fail only with the boilerplate.
    for (const test of this.out.tests) {
      if (test.state === 'failed' && test.line !== undefined) this.explainedJobs.add(this.jobAt(test.line));
    }
    // So does a build failure or another error the job's output gave (the exit-code lines are not
    // among these yet).
    for (const failure of this.out.jobFailures) this.explainedJobs.add(this.jobAt(failure.line));
    for (const { failure, job } of this.exitCodeErrors) {
      if (!this.explainedJobs.has(job)) this.out.addJobFailure(failure);
    }
    return this.out.build();
  }

  private markLine(no: number): void {
    let range = this.jobRanges.at(-1);
    if (!range) {
      range = { job: this.job, start: no, end: no };
      this.jobRanges.push(range);
    }
    if (no < range.start) range.start = no;
    if (no > range.end) range.end = no;
  }

  private jobAt(line: number): string | null {
    for (const range of this.jobRanges) if (line >= range.start && line <= range.end) return range.job;
    return this.job;
  }

  private marker(text: string, no: number): void {
    if (text.startsWith('##[error]')) {
      const message = new MessageBuffer();
      message.push(text.slice(9));
      this.pending = { message, line: no, step: this.stepLabel(), job: this.job };
    } else if (text.startsWith('##[group]Run ')) {
      this.logStep(text.slice(9));
    } else if (text.startsWith('##[section]Starting: ')) {
      this.logStep(text.slice(21));
    }
    // ##[endgroup], ##[warning], ##[notice], ##[debug], ##[command], ##[section]Finishing and the
    // composite-action markers carry no test output and no failure.
  }

  private logStep(title: string): void {
    if (this.job !== null && !this.stepFromLog) return;
    this.embedded.endSection();
    this.step = title.trim();
  }

  private stepLabel(): string | undefined {
    if (this.job !== null) return this.step === null ? this.job : `${this.job} / ${this.step}`;
    return this.step ?? undefined;
  }

  private closeError(): void {
    const pending = this.pending;
    if (!pending) return;
    this.pending = null;
    const message = pending.message.text();
    if (message === null) return;
    const failure: JobFailure = { kind: errorKind(message), message, line: pending.line };
    if (pending.step !== undefined) failure.step = pending.step;
    if (EXIT_CODE.test(message)) {
      if (this.exitCodeErrors.length < LIMITS.maxJobFailures)
        this.exitCodeErrors.push({ failure, job: pending.job });
    } else {
      this.explainedJobs.add(pending.job);
      this.out.addJobFailure(failure);
    }
  }
}

/** Timeouts and lost runners are 'infra'; cancellations and the step's own errors are 'job'. */
function errorKind(message: string): Exclude<FailureKind, 'test'> {
  return INFRA.some((re) => re.test(message)) ? 'infra' : 'job';
}
