import type { listIssues } from '@nightshift/github-ops';

/** The Octokit github-ops functions take (no direct @octokit/rest dependency needed here). */
export type Octokit = Parameters<typeof listIssues>[0];
