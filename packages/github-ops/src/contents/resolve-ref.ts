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

/** Tags of tags followed at most: git allows any depth, real repositories use one or two. */
const MAX_TAG_DEPTH = 8;

/**
 * The commit an object of a ref names: itself, or for an annotated tag (a tag object) the object
 * it tags, through tags of tags. A tag of a tree or a blob names no commit: an error saying so.
 */
async function peel(
  octokit: Octokit,
  repo: RepoRef,
  wanted: string,
  sha: string,
  type: string,
): Promise<string> {
  let current = { sha, type };
  for (let depth = 0; current.type === 'tag'; depth++) {
    if (depth === MAX_TAG_DEPTH) {
      throw new GitHubError(
        'validation',
        `ref ${JSON.stringify(wanted)}: more than ${MAX_TAG_DEPTH} tags of tags`,
      );
    }
    const { data } = await octokit.rest.git.getTag({ ...repo, tag_sha: current.sha });
    current = data.object;
  }
  if (current.type !== 'commit') {
    throw new GitHubError(
      'validation',
      `ref ${JSON.stringify(wanted)} in ${repo.owner}/${repo.repo} tags a ${current.type}, not a commit`,
    );
  }
  return current.sha;
}

/**
 * A branch name, tag name (lightweight or annotated) or commit SHA → the commit and its tree,
 * through the Git Data API only. Omitted ref = the default branch. A short name that is both a
 * branch and a tag means the branch (git itself would take the tag and warn that the name is
 * ambiguous); `refs/tags/<name>` or `refs/heads/<name>` names one of them only.
 */
export async function resolveCommit(octokit: Octokit, repo: RepoRef, ref?: string): Promise<ResolvedCommit> {
  const wanted = ref ?? (await getDefaultBranch(octokit, repo));
  let sha: string | null = /^[0-9a-f]{40}$/i.test(wanted) ? wanted.toLowerCase() : null;
  if (sha === null) {
    // A full name asks for that ref only: `refs/tags/v1` must not find a branch called v1.
    const full = /^refs\/(heads|tags)\/(.+)$/.exec(wanted);
    const candidates = full ? [`${full[1]}/${full[2]}`] : [`heads/${wanted}`, `tags/${wanted}`];
    for (const candidate of candidates) {
      let object: { sha: string; type: string };
      try {
        ({ object } = (await octokit.rest.git.getRef({ ...repo, ref: candidate })).data);
      } catch (error) {
        if (GitHubError.isInstance(error) && error.kind === 'not-found') continue;
        throw error;
      }
      sha = await peel(octokit, repo, wanted, object.sha, object.type);
      break;
    }
  }
  if (sha === null)
    throw new NotFoundError(`ref ${JSON.stringify(wanted)} not found in ${repo.owner}/${repo.repo}`, {
      status: 404,
    });
  const { data } = await octokit.rest.git.getCommit({ ...repo, commit_sha: sha });
  return { sha: data.sha, treeSha: data.tree.sha };
}
