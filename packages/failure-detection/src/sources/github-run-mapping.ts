import type { WorkflowRun } from '@nightshift/github-ops';
import type { CiRun, RunConclusion } from '../types';

const CONCLUSIONS = new Set<RunConclusion>([
  'success',
  'failure',
  'timed_out',
  'cancelled',
  'skipped',
  'neutral',
  'action_required',
  'stale',
]);

/** GitHub's conclusion in our vocabulary; `startup_failure` (a broken workflow file) is a failure. */
export function mapConclusion(conclusion: string | null | undefined): RunConclusion | null {
  if (conclusion === null || conclusion === undefined) return null;
  if (CONCLUSIONS.has(conclusion as RunConclusion)) return conclusion as RunConclusion;
  // startup_failure and anything GitHub adds later: report it rather than lose a failed run.
  return 'failure';
}

/** `requested`, `waiting`, `pending` and `queued` are all "not started yet" to the detector. */
export function mapStatus(status: string | null | undefined): CiRun['status'] {
  if (status === 'completed') return 'completed';
  if (status === 'in_progress') return 'in_progress';
  return 'queued';
}

export function toCiRun(source: string, run: WorkflowRun): CiRun {
  const status = mapStatus(run.status);
  return {
    source,
    sourceType: 'github-actions',
    id: String(run.id),
    url: run.html_url,
    status,
    conclusion: status === 'completed' ? mapConclusion(run.conclusion) : null,
    branch: run.head_branch ?? null,
    version: null,
    headSha: run.head_sha ?? null,
    event: run.event ?? null,
    attempt: run.run_attempt ?? 1,
    createdAt: run.created_at,
    // Runs have no completed_at; the last update of a completed run is its completion.
    completedAt: status === 'completed' ? run.updated_at : null,
  };
}
