import {
  type AnalysisResult,
  type AnalyzedFailure,
  fingerprint,
  signature,
  wasAnalysed,
} from '@nightshift/log-parsing';
import type { CiRun } from '../types';

const OUTCOME: Record<string, string> = {
  failure: 'run failed',
  timed_out: 'run timed out',
  cancelled: 'run was cancelled',
};
/** Inputs quoted as evidence of why nothing was found. */
const MAX_EVIDENCE = 5;

/**
 * The failure recorded for a failed run whose analysis found none, so a failed run is never lost.
 * The message is one of a few fixed phrases (never counts or names), so the same situation in the
 * same source keeps one fingerprint from run to run; the source name is part of the fingerprint
 * because "nothing recognisable" in two unrelated jobs is not one problem.
 */
export function runLevelFailure(run: CiRun, analysis: AnalysisResult): AnalyzedFailure {
  const outcome = OUTCOME[run.conclusion ?? ''] ?? `run ended with conclusion ${run.conclusion ?? 'unknown'}`;
  // Inputs nothing was read from: unreadable ones, and those skipped on purpose (binary files).
  const unreadable = analysis.inputs.filter((input) => !wasAnalysed(input));
  const message =
    analysis.inputs.length === 0
      ? `${outcome}; no logs or artifacts were available to analyse`
      : unreadable.length === analysis.inputs.length
        ? `${outcome}; none of its logs or artifacts could be read`
        : `${outcome} with no recognisable failure in its logs`;
  const sig = signature({ message, rule: null, mode: null });
  return {
    test: null,
    suite: null,
    kind: 'job',
    message,
    location: null,
    category: 'unknown',
    rule: null,
    mode: null,
    signature: sig,
    fingerprint: fingerprint({ test: null, suite: `source ${run.source}`, signature: sig }),
    evidence: unreadable.slice(0, MAX_EVIDENCE).map((input) => ({
      path: input.path,
      line: 0,
      text: input.errors[0] ?? 'could not be read',
    })),
  };
}
