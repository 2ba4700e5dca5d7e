import type { Octokit, RestEndpointMethodTypes } from '@octokit/rest';
import { parseRepo } from '../client/repo-ref';
import { type DryRunResult, gateWrite, type WriteOptions } from '../git/write-result';
import type { PlannedPullRequest } from '../policy/types';

export type PullRequest = RestEndpointMethodTypes['pulls']['get']['response']['data'];

export interface CreatePullRequestInput extends PlannedPullRequest {
  /** `owner/name`. */
  repo: string;
  /** Branch with the changes. */
  head: string;
}

export type CreatePullRequestResult = DryRunResult | { dryRun: false; pullRequest: PullRequest };

/**
 * Open a pull request — a DRAFT unless the policy allows ready PRs and the input asks for one.
 * The head branch passes the same branch rules as commits (not protected, prefix).
 */
export async function createPullRequest(
  octokit: Octokit,
  input: CreatePullRequestInput,
  options: WriteOptions,
): Promise<CreatePullRequestResult> {
  const draft = input.draft ?? true;
  const dry = gateWrite(
    {
      repo: input.repo,
      branch: input.head,
      pullRequest: { title: input.title, body: input.body, base: input.base, draft },
    },
    options.policy,
    'pull request',
  );
  if (dry) return dry;
  const { data } = await octokit.rest.pulls.create({
    ...parseRepo(input.repo),
    head: input.head,
    base: input.base,
    title: input.title,
    body: input.body,
    draft,
  });
  return { dryRun: false, pullRequest: data as PullRequest };
}

export async function getPullRequest(
  octokit: Octokit,
  repo: string,
  pullNumber: number,
): Promise<PullRequest> {
  const { data } = await octokit.rest.pulls.get({ ...parseRepo(repo), pull_number: pullNumber });
  return data;
}
