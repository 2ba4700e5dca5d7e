import type { Octokit } from '@octokit/rest';
import { parseRepo } from '../client/repo-ref';
import { ConflictError, GitHubError } from '../errors/github-error';
import { type DryRunResult, gateWrite, type WriteOptions } from './write-result';

export interface CreateBranchInput {
  /** `owner/name`. */
  repo: string;
  branch: string;
  /** Commit the branch starts at (40 hex). */
  fromSha: string;
}

export type CreateBranchResult = DryRunResult | { dryRun: false; ref: string; sha: string };

/** Create `refs/heads/<branch>` at `fromSha`. An existing branch is a `ConflictError`, never overwritten. */
export async function createBranch(
  octokit: Octokit,
  input: CreateBranchInput,
  options: WriteOptions,
): Promise<CreateBranchResult> {
  if (!/^[0-9a-f]{40}$/i.test(input.fromSha))
    throw new TypeError(`createBranch: fromSha ${JSON.stringify(input.fromSha)} is not a 40-hex commit SHA`);
  const dry = gateWrite(
    { repo: input.repo, branch: input.branch, baseSha: input.fromSha, createBranch: true },
    options.policy,
    'create branch',
  );
  if (dry) return dry;
  const repo = parseRepo(input.repo);
  const ref = `refs/heads/${input.branch}`;
  try {
    await octokit.rest.git.createRef({ ...repo, ref, sha: input.fromSha });
  } catch (error) {
    if (GitHubError.isInstance(error) && error.kind === 'validation') {
      throw new ConflictError(
        `branch ${input.branch} already exists in ${input.repo} (or ${input.fromSha} is not a commit there)`,
        { status: 422, cause: error },
      );
    }
    throw error;
  }
  return { dryRun: false, ref, sha: input.fromSha };
}
