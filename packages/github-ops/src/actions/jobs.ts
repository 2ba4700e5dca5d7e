import type { Octokit, RestEndpointMethodTypes } from '@octokit/rest';
import type { RepoRef } from '../client/repo-ref';

export type Job = RestEndpointMethodTypes['actions']['getJobForWorkflowRun']['response']['data'];

export interface ListJobsOptions {
  /** Jobs of one attempt (1-based); omitted = per `filter`. */
  attempt?: number;
  /** `latest` (default): jobs of the latest attempt; `all`: every attempt (each job has `run_attempt`). */
  filter?: 'latest' | 'all';
}

/** Jobs of a run, including their steps and `run_attempt`; paginated. */
export async function listJobsForRun(
  octokit: Octokit,
  repo: RepoRef,
  runId: number,
  options: ListJobsOptions = {},
): Promise<Job[]> {
  if (options.attempt !== undefined) {
    return octokit.paginate(octokit.rest.actions.listJobsForWorkflowRunAttempt, {
      ...repo,
      run_id: runId,
      attempt_number: options.attempt,
      per_page: 100,
    });
  }
  return octokit.paginate(octokit.rest.actions.listJobsForWorkflowRun, {
    ...repo,
    run_id: runId,
    filter: options.filter ?? 'latest',
    per_page: 100,
  });
}

export async function getJob(octokit: Octokit, repo: RepoRef, jobId: number): Promise<Job> {
  const { data } = await octokit.rest.actions.getJobForWorkflowRun({ ...repo, job_id: jobId });
  return data;
}
