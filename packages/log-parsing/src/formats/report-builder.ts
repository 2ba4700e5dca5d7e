import type {
  FlakyTest,
  FormatId,
  JobFailure,
  ParsedReport,
  ParseError,
  TestCaseResult,
} from '../types';
import { LIMITS } from './limits';

type Summary = NonNullable<ParsedReport['summary']>;

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

  constructor(
    readonly format: FormatId,
    readonly path: string,
  ) {}

  /** Adds a result; returns false when it was only counted because of the cap. */
  addTest(test: TestCaseResult): boolean {
    if (test.state === 'failed') {
      if (this.keptFailed >= LIMITS.maxFailedTests) return this.omit();
      this.keptFailed++;
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

  addError(line: number | null, message: string): void {
    if (this.errors.length >= LIMITS.maxErrors) {
      this.droppedErrors++;
      return;
    }
    this.errors.push({ path: this.path, line, message });
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
      this.errors.push({ path: this.path, line: null, message: `${this.droppedErrors} more errors not shown` });
    }
    return report;
  }

  private omit(): false {
    this.omitted++;
    return false;
  }
}
