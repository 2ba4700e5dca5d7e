import type { FlakyTest, FormatId, JobFailure, ParsedReport, ParseError, TestCaseResult } from '../types';
import { LIMITS } from './limits';

type Summary = NonNullable<ParsedReport['summary']>;

const SHORT_MESSAGE = 1024;

/**
 * Accumulates one parser's findings under the caps in `LIMITS`. Failed tests have their own cap so
 * a flood of passing results can never push a failure out; whatever is not kept is counted.
 */
export class ReportBuilder {
  readonly tests: TestCaseResult[] = [];
  readonly flaky: FlakyTest[] = [];
  readonly jobFailures: JobFailure[] = [];
  readonly errors: ParseError[] = [];
  summary: Summary | undefined;
  partial = false;
  private keptOther = 0;
  private keptFailed = 0;
  private omitted = 0;
  private droppedErrors = 0;
  private retained = 0;

  constructor(
    readonly format: FormatId,
    readonly path: string,
  ) {}

  /** Adds a result; returns false when it was only counted because of the cap. */
  addTest(test: TestCaseResult): boolean {
    if (test.state === 'failed') {
      if (this.keptFailed >= LIMITS.maxFailedTests) return this.omit();
      this.keptFailed++;
      this.budget(test);
    } else {
      if (this.keptOther >= LIMITS.maxTests) return this.omit();
      this.keptOther++;
    }
    this.tests.push(test);
    return true;
  }

  addFlaky(test: string, attempts: number): void {
    if (this.flaky.length < LIMITS.maxFlaky) this.flaky.push({ test, attempts });
  }

  addJobFailure(failure: JobFailure): void {
    if (this.jobFailures.length < LIMITS.maxJobFailures) this.jobFailures.push(failure);
  }

  /** Records a problem; the message names the input and line: "<path> line <n>: <problem>". */
  addError(line: number | null, problem: string): void {
    const message = line === null ? `${this.path}: ${problem}` : `${this.path} line ${line}: ${problem}`;
    this.addParseError({ path: this.path, line, message });
  }

  /** Records an error another parser already worded. */
  addParseError(error: ParseError): void {
    if (this.errors.length >= LIMITS.maxErrors) {
      this.droppedErrors++;
      return;
    }
    this.errors.push(error);
  }

  /** Adds framework-reported counts; several suites in one input are summed. */
  addSummary(counts: Summary): void {
    const target: Summary = this.summary ?? {};
    for (const key of Object.keys(counts) as (keyof Summary)[]) {
      const value = counts[key];
      if (value !== undefined) target[key] = (target[key] ?? 0) + value;
    }
    this.summary = target;
  }

  /** Counts results another parser had to drop (see `mergeInto`). */
  countOmitted(n: number): void {
    this.omitted += n;
  }

  build(): ParsedReport {
    const report: ParsedReport = {
      format: this.format,
      tests: this.tests,
      flaky: this.flaky,
      jobFailures: this.jobFailures,
      partial: this.partial,
      errors: this.errors,
    };
    if (this.summary) report.summary = this.summary;
    if (this.omitted > 0) report.omittedTests = this.omitted;
    if (this.droppedErrors > 0) {
      this.errors.push({
        path: this.path,
        line: null,
        message: `${this.path}: ${this.droppedErrors} more errors not shown`,
      });
    }
    return report;
  }

  private budget(test: TestCaseResult): void {
    const size = (test.message?.length ?? 0) + (test.output?.length ?? 0);
    if (this.retained + size > LIMITS.maxRetainedChars) {
      delete test.output;
      if (test.message !== null && test.message.length > SHORT_MESSAGE) {
        test.message = `${test.message.slice(0, SHORT_MESSAGE)}\n…[nightshift: message cut, report text budget reached]`;
      }
    }
    this.retained += (test.message?.length ?? 0) + (test.output?.length ?? 0);
  }

  private omit(): false {
    this.omitted++;
    return false;
  }
}
