import { HttpError, validationFailed } from '../http-error';
import { resolveCommitish } from './git';
import { addIssue } from './issues';
import type { IssueRecord, RepoRecord, World } from './world';

export interface AddPullInput {
  title: string;
  /** Branch name, or `owner:branch` (same-repository heads only). */
  head: string;
  base?: string;
  body?: string | null;
  draft?: boolean;
  user?: string;
  maintainerCanModify?: boolean;
}

function headBranch(repo: RepoRecord, head: string): string {
  const colon = head.indexOf(':');
  if (colon === -1) return head;
  if (head.slice(0, colon).toLowerCase() !== repo.owner.toLowerCase()) {
    throw validationFailed([{ resource: 'PullRequest', field: 'head', code: 'invalid' }]);
  }
  return head.slice(colon + 1);
}

/** Opens a pull request with GitHub's 422s for a missing branch or a duplicate head. */
export function addPull(world: World, repo: RepoRecord, input: AddPullInput): IssueRecord {
  const head = headBranch(repo, input.head);
  const base = input.base ?? repo.defaultBranch;
  const headSha = repo.refs.get(`refs/heads/${head}`);
  if (!headSha) throw validationFailed([{ resource: 'PullRequest', field: 'head', code: 'invalid' }]);
  const baseSha = repo.refs.get(`refs/heads/${base}`);
  if (!baseSha) throw validationFailed([{ resource: 'PullRequest', field: 'base', code: 'invalid' }]);
  const duplicate = [...repo.issues.values()].find(
    (issue) => issue.pull && issue.state === 'open' && issue.pull.head === head && issue.pull.base === base,
  );
  if (duplicate) {
    throw validationFailed([
      {
        resource: 'PullRequest',
        code: 'custom',
        message: `A pull request already exists for ${repo.owner}:${head}.`,
      },
    ]);
  }
  if (headSha === baseSha) {
    throw validationFailed([
      { resource: 'PullRequest', code: 'custom', message: `No commits between ${base} and ${head}` },
    ]);
  }
  const issue = addIssue(world, repo, { title: input.title, body: input.body ?? null, user: input.user });
  issue.pull = {
    head,
    headSha,
    base,
    baseSha: resolveCommitish(repo, base) ?? baseSha,
    draft: input.draft ?? false,
    merged: false,
    maintainerCanModify: input.maintainerCanModify ?? false,
  };
  return issue;
}

export function findPull(repo: RepoRecord, number: number): IssueRecord {
  const issue = repo.issues.get(number);
  if (!issue?.pull) throw new HttpError(404, 'Not Found');
  return issue;
}
