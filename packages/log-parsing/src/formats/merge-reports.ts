import type { ParsedReport } from '../types';
import type { ReportBuilder } from './report-builder';

/** Adds everything another parser found to a builder (used by composite parsers). */
export function mergeInto(target: ReportBuilder, report: ParsedReport): void {
  for (const test of report.tests) target.addTest(test);
  for (const flaky of report.flaky) target.addFlaky(flaky.test, flaky.attempts);
  for (const failure of report.jobFailures) target.addJobFailure(failure);
  for (const error of report.errors) target.addParseError(error);
  if (report.summary) target.addSummary(report.summary);
  if (report.partial) target.partial = true;
  if (report.omittedTests) target.countOmitted(report.omittedTests);
}
