import type { AnalysisResult, AnalyzedFailure, AnalyzeSource } from '@nightshift/log-parsing';

/** One CI run (a GitHub Actions workflow run attempt, or a Prow build), source-neutral. */
export interface CiRun {
  /** Name of the configured source, e.g. `ptp-operator netdevsim` or `nightly 5.0`. */
  source: string;
  sourceType: 'github-actions' | 'prow';
  /** Run id (GitHub) or build id (Prow), as a string: Prow ids exceed 2^53. */
  id: string;
  url: string;
  status: 'completed' | 'in_progress' | 'queued';
  conclusion: RunConclusion | null;
  /** Branch (GitHub) or release version (Prow job name, e.g. `5.0`). */
  branch: string | null;
  version: string | null;
  headSha: string | null;
  event: string | null;
  /** Run attempt (GitHub re-runs); 1 for Prow. */
  attempt: number;
  createdAt: string;
  completedAt: string | null;
}

export type RunConclusion =
  | 'success'
  | 'failure'
  | 'timed_out'
  | 'cancelled'
  | 'skipped'
  | 'neutral'
  | 'action_required'
  | 'stale';

/** Where to resume: runs newer than this are new. */
export interface SourceCursor {
  /** Newest completed run already processed. */
  lastRunId: string | null;
  lastCompletedAt: string | null;
}

export type RunInputItem = AnalyzeSource | { path: string; error: Error };

/** A CI system that Nightshift watches (DESIGN: listRuns, getRun, readLog, listArtifacts). */
export interface CiSource {
  readonly name: string;
  readonly type: CiRun['sourceType'];
  /** Runs created after the cursor (or within the lookback when there is none), oldest first. */
  listRuns(since: { cursor: SourceCursor | null; createdAfter: string }): Promise<CiRun[]>;
  getRun(id: string): Promise<CiRun>;
  /** Logs and artifact entries worth analysing for a failed run, streamed lazily. */
  readInputs(run: CiRun): AsyncIterable<RunInputItem>;
  /** Per-attempt outcomes of each test, for flake detection across re-runs (GitHub only). */
  listAttempts?(run: CiRun): Promise<{ attempt: number; conclusion: RunConclusion | null }[]>;
}

/** What the detector learned about one run. */
export interface FailureReport {
  run: CiRun;
  analysis: AnalysisResult;
  /** Failures grouped into the issues they belong to (see group-failures). */
  groups: FailureGroup[];
}

/**
 * One issue's worth of failures from one run. Usually one failure; one signature spread over many
 * tests in a run (e.g. `Unauthorized` wiping 20 specs) is ONE group listing every test.
 */
export interface FailureGroup {
  /** Issue identity: `fp:<fingerprint>` for one test, `sig:<signature>` for a spread. */
  key: string;
  signature: string;
  fingerprints: string[];
  tests: string[];
  primary: AnalyzedFailure;
}
