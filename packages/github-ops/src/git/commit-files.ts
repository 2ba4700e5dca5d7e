import type { Octokit } from '@octokit/rest';
import { parseRepo, type RepoRef } from '../client/repo-ref';
import { ConflictError, GitHubError } from '../errors/github-error';
import { contentAsText } from '../policy/check-content';
import type { FileChange, WritePlan } from '../policy/types';
import { type DryRunResult, gateWrite, type WriteOptions } from './write-result';

export type CommitFilesResult =
  | DryRunResult
  | {
      dryRun: false;
      branch: string;
      commitSha: string;
      treeSha: string;
      parentSha: string;
      createdBranch: boolean;
    };

async function headOf(octokit: Octokit, repo: RepoRef, branch: string): Promise<string> {
  const { data } = await octokit.rest.git.getRef({ ...repo, ref: `heads/${branch}` });
  return data.object.sha;
}

async function createBlob(octokit: Octokit, repo: RepoRef, file: FileChange): Promise<string> {
  const content = file.content!;
  const text = contentAsText(content);
  const { data } =
    text !== null
      ? await octokit.rest.git.createBlob({ ...repo, content: text, encoding: 'utf-8' })
      : await octokit.rest.git.createBlob({
          ...repo,
          content: Buffer.from(content as Uint8Array).toString('base64'),
          encoding: 'base64',
        });
  return data.sha;
}

/**
 * One atomic commit of many files through the Git Data API: blobs → one tree on the parent's tree →
 * one commit → ref. The branch moves exactly once, only as a fast-forward (`force: false`); with
 * `createBranch` the branch is created pointing at the finished commit, so a failure midway leaves
 * no half-made branch. The plan is checked against the write policy first; dry-run returns the plan.
 */
export async function commitFiles(
  octokit: Octokit,
  plan: WritePlan,
  options: WriteOptions,
): Promise<CommitFilesResult> {
  const files = plan.files ?? [];
  if (files.length === 0) throw new TypeError('commitFiles: the plan has no files');
  if (plan.createBranch && !plan.baseSha)
    throw new TypeError('commitFiles: createBranch needs baseSha (the commit to branch from)');
  const dry = gateWrite(plan, options.policy, 'commit');
  if (dry) return dry;
  const repo = parseRepo(plan.repo);
  const branch = plan.branch!;
  let parentSha: string;
  if (plan.createBranch) {
    parentSha = plan.baseSha!;
  } else {
    parentSha = await headOf(octokit, repo, branch);
    if (plan.baseSha && plan.baseSha !== parentSha) {
      throw new ConflictError(
        `branch ${branch} of ${plan.repo} moved: expected ${plan.baseSha}, found ${parentSha}`,
      );
    }
  }
  const parent = await octokit.rest.git.getCommit({ ...repo, commit_sha: parentSha });
  const tree: {
    path: string;
    mode: '100644' | '100755' | '040000' | '160000' | '120000';
    type: 'blob';
    sha: string | null;
  }[] = [];
  for (const file of files) {
    const mode = file.mode ?? '100644';
    tree.push({
      path: file.path,
      mode,
      type: 'blob',
      sha: file.delete ? null : await createBlob(octokit, repo, file),
    });
  }
  const newTree = await octokit.rest.git.createTree({ ...repo, base_tree: parent.data.tree.sha, tree });
  const commit = await octokit.rest.git.createCommit({
    ...repo,
    message: plan.message!,
    tree: newTree.data.sha,
    parents: [parentSha],
  });
  try {
    if (plan.createBranch) {
      await octokit.rest.git.createRef({ ...repo, ref: `refs/heads/${branch}`, sha: commit.data.sha });
    } else {
      await octokit.rest.git.updateRef({
        ...repo,
        ref: `heads/${branch}`,
        sha: commit.data.sha,
        force: false,
      });
    }
  } catch (error) {
    if (GitHubError.isInstance(error) && error.kind === 'validation') {
      const why = plan.createBranch ? 'already exists' : 'moved (the update is not a fast-forward)';
      throw new ConflictError(`branch ${branch} of ${plan.repo} ${why}; nothing was pushed`, {
        status: 422,
        cause: error,
      });
    }
    throw error;
  }
  return {
    dryRun: false,
    branch,
    commitSha: commit.data.sha,
    treeSha: newTree.data.sha,
    parentSha,
    createdBranch: plan.createBranch === true,
  };
}
