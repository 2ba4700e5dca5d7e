import type { Octokit } from '@octokit/rest';
import type { RepoRef } from '../client/repo-ref';
import { GitHubError, NotFoundError } from '../errors/github-error';

export interface ResolvedCommit {
  sha: string;
  treeSha: string;
}

/** The repository's default branch name. */
export async function getDefaultBranch(octokit: Octokit, repo: RepoRef): Promise<string> {
  const { data } = await octokit.rest.repos.get({ ...repo });
  return data.default_branch;
}

/**
 * A branch name, tag name or commit SHA → the commit and its tree, through the Git Data API only.
 * Omitted ref = the default branch.
 */
export async function resolveCommit(octokit: Octokit, repo: RepoRef, ref?: string): Promise<ResolvedCommit> {
  const wanted = ref ?? (await getDefaultBranch(octokit, repo));
  let sha: string | null = /^[0-9a-f]{40}$/i.test(wanted) ? wanted.toLowerCase() : null;
  if (sha === null) {
    for (const prefix of ['heads/', 'tags/']) {
      try {
        const { data } = await octokit.rest.git.getRef({
          ...repo,
          ref: `${prefix}${wanted.replace(/^refs\/(heads|tags)\//, '')}`,
        });
        sha = data.object.sha;
        if (data.object.type === 'tag') {
          const tag = await octokit.rest.git.getTag({ ...repo, tag_sha: sha });
          sha = tag.data.object.sha;
        }
        break;
      } catch (error) {
        if (!(GitHubError.isInstance(error) && error.kind === 'not-found')) throw error;
      }
    }
  }
  if (sha === null)
    throw new NotFoundError(`ref ${JSON.stringify(wanted)} not found in ${repo.owner}/${repo.repo}`, {
      status: 404,
    });
  const { data } = await octokit.rest.git.getCommit({ ...repo, commit_sha: sha });
  return { sha: data.sha, treeSha: data.tree.sha };
}
