import type { Octokit, RestEndpointMethodTypes } from '@octokit/rest';
import { isoTime } from '../client/iso-time';
import type { RepoRef } from '../client/repo-ref';

export type WorkflowRun = RestEndpointMethodTypes['actions']['getWorkflowRun']['response']['data'];
export type WorkflowRunStatus = NonNullable<
  RestEndpointMethodTypes['actions']['listWorkflowRunsForRepo']['parameters']['status']
>;

export interface ListRunsOptions {
  /** Workflow id or file name (`ci.yml`); omitted = every workflow of the repository. */
  workflow?: number | string;
  /** `completed`, `failure`, `success`, `in_progress` … (GitHub accepts statuses and conclusions). */
  status?: WorkflowRunStatus;
  /** Only runs created at or after this time (`created=>=…`). */
  createdSince?: Date | string;
  branch?: string;
  event?: string;
  headSha?: string;
  /** Stop after this many runs (default 100; GitHub itself stops at 1000). */
  limit?: number;
}

/** Workflow runs, newest first, with GitHub's filters; paginated up to `limit`. */
export async function listWorkflowRuns(
  octokit: Octokit,
  repo: RepoRef,
  options: ListRunsOptions = {},
): Promise<WorkflowRun[]> {
  const limit = Math.min(options.limit ?? 100, 1000);
  const filters = {
    ...repo,
    per_page: Math.min(100, limit),
    ...(options.status ? { status: options.status } : {}),
    ...(options.createdSince ? { created: `>=${isoTime(options.createdSince, 'createdSince')}` } : {}),
    ...(options.branch ? { branch: options.branch } : {}),
    ...(options.event ? { event: options.event } : {}),
    ...(options.headSha ? { head_sha: options.headSha } : {}),
  };
  const iterator =
    options.workflow === undefined
      ? octokit.paginate.iterator(octokit.rest.actions.listWorkflowRunsForRepo, filters)
      : octokit.paginate.iterator(octokit.rest.actions.listWorkflowRuns, {
          ...filters,
          workflow_id: options.workflow,
        });
  const out: WorkflowRun[] = [];
  for await (const page of iterator) {
    for (const run of page.data) {
      out.push(run as WorkflowRun);
      if (out.length >= limit) return out;
    }
  }
  return out;
}

export async function getWorkflowRun(
  octokit: Octokit,
  repo: RepoRef,
  runId: number,
  attempt?: number,
): Promise<WorkflowRun> {
  if (attempt !== undefined) {
    const { data } = await octokit.rest.actions.getWorkflowRunAttempt({
      ...repo,
      run_id: runId,
      attempt_number: attempt,
    });
    return data as WorkflowRun;
  }
  const { data } = await octokit.rest.actions.getWorkflowRun({ ...repo, run_id: runId });
  return data;
}

export type Workflow = RestEndpointMethodTypes['actions']['getWorkflow']['response']['data'];

export async function listWorkflows(octokit: Octokit, repo: RepoRef): Promise<Workflow[]> {
  return octokit.paginate(octokit.rest.actions.listRepoWorkflows, { ...repo, per_page: 100 });
}
