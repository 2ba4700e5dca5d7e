import type { listJobsForRun } from '@nightshift/github-ops';

/**
 * The Octokit every github-ops function takes; in practice a `createGitHubClient` client (retry,
 * throttling and the ETag cache are what keep a detector cycle cheap and polite).
 */
export type GithubOctokit = Parameters<typeof listJobsForRun>[0];
