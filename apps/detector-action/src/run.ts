import { type DetectorResult, type NightshiftConfig, runDetector } from '@nightshift/failure-detection';
import { parseRepo, type RepoRef } from '@nightshift/github-ops';
import type { BuiltDetectorDeps } from './detector-deps';
import { renderSummary } from './summary';

export interface DetectionInputs {
  config: NightshiftConfig;
  issueRepo: RepoRef;
  dryRun?: boolean;
  /** ISO date or duration (`7d`); overrides the config's lookback for sources with no cursor. */
  since?: string;
}

export interface DetectionOutcome {
  result: DetectorResult;
  /** True only when every configured source reported an error: the one case that fails the job. */
  failed: boolean;
  /** Markdown for the job summary. */
  summary: string;
  /** Step outputs (all strings, as GitHub stores them). */
  outputs: Record<string, string>;
}

/**
 * The pure part of the action (and of `nightshift detect` / `demo`): run one detector cycle with
 * the wired dependencies and turn its result into a verdict, a job summary and step outputs.
 * Reads no environment; errors that stop the whole cycle (bad token, unreadable state) propagate.
 */
export async function runDetection(
  deps: BuiltDetectorDeps,
  inputs: DetectionInputs,
): Promise<DetectionOutcome> {
  const result = await runDetector(deps, {
    config: inputs.config,
    issueRepo: inputs.issueRepo,
    ...(inputs.dryRun !== undefined ? { dryRun: inputs.dryRun } : {}),
    ...(inputs.since ? { since: inputs.since } : {}),
  });
  const sourceNames = deps.sources.map((s) => s.name);
  return {
    result,
    failed: everySourceFailed(result, sourceNames),
    summary: renderSummary(result, {
      issueRepo: inputs.issueRepo,
      sources: sourceNames,
      dryRun: inputs.dryRun ?? inputs.config.dryRun,
    }),
    outputs: actionOutputs(result),
  };
}

/**
 * A cycle fails only when no source could be read at all; one source down is reported, not fatal,
 * and a run that could not be read (`runErrors`) is no source failure.
 */
export function everySourceFailed(result: DetectorResult, sourceNames: readonly string[]): boolean {
  if (sourceNames.length === 0) return false;
  const failing = new Set(result.sourceErrors.map((e) => e.source));
  return sourceNames.every((name) => failing.has(name));
}

/** `issues`: JSON of the issues created and updated (`[{ number, url, title, key, action }]`), plus counts. */
export function actionOutputs(result: DetectorResult): Record<string, string> {
  const issues = [
    ...result.created.map((i) => ({ ...i, action: 'created' })),
    ...result.reopened.map((i) => ({ ...i, action: 'reopened' })),
    ...result.updated.map((i) => ({ ...i, action: 'updated' })),
  ];
  return {
    issues: JSON.stringify(issues),
    created: String(result.created.length),
    updated: String(result.updated.length),
    reopened: String(result.reopened.length),
    recovered: String(result.recovered.length),
    flaky: String(result.flaky.length),
    'runs-processed': String(result.runsProcessed),
    'source-errors': String(result.sourceErrors.length),
    'run-errors': String(result.runErrors.length),
  };
}

/**
 * Where issues go: the explicit input, else the config's `issues.repository`, else the repository
 * running the workflow. Each candidate must be `owner/name`.
 */
export function resolveIssueRepo(
  input: string | undefined,
  config: NightshiftConfig,
  current: string | undefined,
): RepoRef {
  const chosen = input?.trim() || config.issues.repository || current?.trim();
  if (!chosen) {
    throw new TypeError(
      'no repository for issues: set the issue-repo input, issues.repository in the config, or run inside a workflow',
    );
  }
  return parseRepo(chosen);
}
