import type { RepoRef, WorkflowRun } from '@nightshift/github-ops';
import type { GithubActionsSourceConfig } from '../config/index';
import type { SourceCursor } from '../types';
import { compareNumericIds, isNumericId } from './numeric-id';
import type { GithubOctokit } from './octokit';

/** Runs per page; GitHub's maximum. */
const PER_PAGE = 100;
/** Pages read at most in one listing (GitHub stops filtered listings at 1,000 runs anyway). */
const MAX_PAGES = 10;

/**
 * Runs of one workflow created since the window start that the cursor has not seen, newest page
 * first, stopping at the first page that reaches the cursor (or the window start).
 *
 * The request budget depends on the query being byte-identical from cycle to cycle: the window
 * start is rounded down to its UTC day, so the ETag cache turns an unchanged first page into a 304,
 * and when nothing is new that first page is the only request. Pages are requested one by one
 * (`page=N`) because github-ops' `listWorkflowRuns` has no "stop here" predicate; plain page calls
 * also keep Octokit's paginate normalisation away from bodies the ETag cache holds.
 *
 * Besides runs newer than the cursor, a run at or below it is returned again when it was re-run
 * (attempt > 1) after `cursor.lastCompletedAt`, so "failed, then passed on re-run" is seen.
 */
export async function listNewWorkflowRuns(
  octokit: GithubOctokit,
  repo: RepoRef,
  config: GithubActionsSourceConfig,
  since: { cursor: SourceCursor | null; createdAfter: string },
): Promise<WorkflowRun[]> {
  const windowStart = Date.parse(since.createdAfter);
  if (Number.isNaN(windowStart)) {
    throw new TypeError(
      `github-actions source "${config.name}": createdAfter ${JSON.stringify(since.createdAfter)} is not a date`,
    );
  }
  const lastRunId = since.cursor?.lastRunId ?? null;
  if (lastRunId !== null && !isNumericId(lastRunId)) {
    throw new TypeError(
      `github-actions source "${config.name}": cursor lastRunId ${JSON.stringify(lastRunId)} is not a run id`,
    );
  }
  const lastCompleted = since.cursor?.lastCompletedAt ? Date.parse(since.cursor.lastCompletedAt) : Number.NaN;
  const events = config.events ?? [];
  const params = {
    ...repo,
    workflow_id: config.workflow,
    per_page: PER_PAGE,
    created: `>=${new Date(windowStart).toISOString().slice(0, 10)}`,
    ...(config.branch ? { branch: config.branch } : {}),
    // One event filters server-side; several are filtered here (one query, not one per event).
    ...(events.length === 1 ? { event: events[0] } : {}),
  };
  const found: WorkflowRun[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const { data } = await octokit.rest.actions.listWorkflowRuns({ ...params, page });
    const runs = data.workflow_runs as WorkflowRun[];
    let reachedSeen = false;
    for (const run of runs) {
      // Runs of other events still tell us where the cursor is; they are just not returned.
      const wanted = events.length <= 1 || events.includes(run.event);
      if (Date.parse(run.created_at) < windowStart) {
        reachedSeen = true;
        continue;
      }
      if (lastRunId !== null && compareNumericIds(String(run.id), lastRunId) <= 0) {
        reachedSeen = true;
        if (wanted && wasRerunSince(run, lastCompleted)) found.push(run);
        continue;
      }
      if (wanted) found.push(run);
    }
    if (reachedSeen || runs.length < PER_PAGE) break;
  }
  return found.sort((a, b) => compareNumericIds(String(a.id), String(b.id)));
}

function wasRerunSince(run: WorkflowRun, lastCompleted: number): boolean {
  if ((run.run_attempt ?? 1) < 2 || Number.isNaN(lastCompleted)) return false;
  const started = Date.parse(run.run_started_at ?? run.updated_at);
  return started > lastCompleted;
}
