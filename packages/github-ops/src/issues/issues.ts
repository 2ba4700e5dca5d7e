import type { Octokit } from '@octokit/rest';
import { isoTime } from '../client/iso-time';
import type { RepoRef } from '../client/repo-ref';
import type { Issue } from './types';

export interface ListIssuesOptions {
  state?: 'open' | 'closed' | 'all';
  /** Issues carrying ALL of these labels. */
  labels?: readonly string[];
  creator?: string;
  /** Only issues updated at or after this time. */
  since?: Date | string;
  sort?: 'created' | 'updated' | 'comments';
  direction?: 'asc' | 'desc';
  /** Stop after this many issues (default 1000): bounds the cost of a listing. */
  limit?: number;
}

export async function getIssue(octokit: Octokit, repo: RepoRef, issueNumber: number): Promise<Issue> {
  const { data } = await octokit.rest.issues.get({ ...repo, issue_number: issueNumber });
  return data;
}

/** Issues only (pull requests, which the same endpoint returns, are dropped), paginated to `limit`. */
export async function listIssues(
  octokit: Octokit,
  repo: RepoRef,
  options: ListIssuesOptions = {},
): Promise<Issue[]> {
  const limit = options.limit ?? 1000;
  const out: Issue[] = [];
  const iterator = octokit.paginate.iterator(octokit.rest.issues.listForRepo, {
    ...repo,
    state: options.state ?? 'open',
    per_page: 100,
    ...(options.labels?.length ? { labels: options.labels.join(',') } : {}),
    ...(options.creator ? { creator: options.creator } : {}),
    ...(options.since ? { since: isoTime(options.since, 'since') } : {}),
    ...(options.sort ? { sort: options.sort } : {}),
    ...(options.direction ? { direction: options.direction } : {}),
  });
  for await (const page of iterator) {
    for (const issue of page.data) {
      if (issue.pull_request) continue;
      out.push(issue as Issue);
      if (out.length >= limit) return out;
    }
  }
  return out;
}

export interface CreateIssueInput {
  title: string;
  body: string;
  labels?: readonly string[];
  assignees?: readonly string[];
}

/**
 * Create an issue. Not retried on 5xx: a 502 after GitHub applied the write would open a
 * duplicate. The error is `isRetryable`; look the issue up (by marker) before trying again.
 */
export async function createIssue(octokit: Octokit, repo: RepoRef, input: CreateIssueInput): Promise<Issue> {
  const { data } = await octokit.rest.issues.create({
    ...repo,
    request: { retries: 0 },
    title: input.title,
    body: input.body,
    ...(input.labels ? { labels: [...input.labels] } : {}),
    ...(input.assignees ? { assignees: [...input.assignees] } : {}),
  });
  return data as Issue;
}

export interface UpdateIssueInput {
  title?: string;
  body?: string;
  /** Replaces the issue's labels. */
  labels?: readonly string[];
  state?: 'open' | 'closed';
  stateReason?: 'completed' | 'not_planned' | 'reopened';
}

export async function updateIssue(
  octokit: Octokit,
  repo: RepoRef,
  issueNumber: number,
  input: UpdateIssueInput,
): Promise<Issue> {
  const { data } = await octokit.rest.issues.update({
    ...repo,
    issue_number: issueNumber,
    ...(input.title !== undefined ? { title: input.title } : {}),
    ...(input.body !== undefined ? { body: input.body } : {}),
    ...(input.labels !== undefined ? { labels: [...input.labels] } : {}),
    ...(input.state !== undefined ? { state: input.state } : {}),
    ...(input.stateReason !== undefined ? { state_reason: input.stateReason } : {}),
  });
  return data as Issue;
}

export function closeIssue(
  octokit: Octokit,
  repo: RepoRef,
  issueNumber: number,
  reason: 'completed' | 'not_planned' = 'completed',
): Promise<Issue> {
  return updateIssue(octokit, repo, issueNumber, { state: 'closed', stateReason: reason });
}

export function reopenIssue(octokit: Octokit, repo: RepoRef, issueNumber: number): Promise<Issue> {
  return updateIssue(octokit, repo, issueNumber, { state: 'open', stateReason: 'reopened' });
}
