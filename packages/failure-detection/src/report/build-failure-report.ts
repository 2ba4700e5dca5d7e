import { analyzeSources, type Classifier } from '@nightshift/log-parsing';
import { isFailedConclusion } from '../sources/run-outcome';
import type { CiRun, CiSource, FailureReport } from '../types';
import { type GroupFailuresOptions, groupFailures } from './group-failures';
import { runLevelFailure } from './run-level-failure';

export interface BuildFailureReportOptions extends GroupFailuresOptions {
  classifier: Classifier;
  /** Token budget of the excerpt (log-parsing's default: 2000). */
  budgetTokens?: number;
}

/**
 * Reads a run's inputs from its source, analyses them with log-parsing (structured reports win for
 * test names), and groups the failures into issues. A failed, timed-out or cancelled run always
 * yields at least one group: when the analysis finds no failure at all, a job-level one is made
 * from the run's conclusion. Errors listing the run's inputs propagate (the run can be retried).
 */
export async function buildFailureReport(
  run: CiRun,
  source: CiSource,
  options: BuildFailureReportOptions,
): Promise<FailureReport> {
  let analysis = await analyzeSources(source.readInputs(run), {
    classifier: options.classifier,
    ...(options.budgetTokens !== undefined ? { budgetTokens: options.budgetTokens } : {}),
  });
  if (isFailedConclusion(run.conclusion) && analysis.failures.length === 0) {
    analysis = { ...analysis, status: 'failed', failures: [runLevelFailure(run, analysis)] };
  }
  const groups = groupFailures(
    analysis.failures,
    options.spreadThreshold !== undefined ? { spreadThreshold: options.spreadThreshold } : {},
  );
  return { run, analysis, groups };
}
