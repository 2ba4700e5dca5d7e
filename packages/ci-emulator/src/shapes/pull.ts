import { readCommit, readObject, walkTree } from '../state/git';
import { ensureUser } from '../state/users';
import type { IssueRecord, PullRecord, RepoRecord, World } from '../state/world';
import { issueShape } from './issue';
import { repoShape } from './repo';
import type { Urls } from './urls';
import { simpleUser } from './user';

function side(world: World, urls: Urls, repo: RepoRecord, branch: string, sha: string) {
  return {
    label: `${repo.owner}:${branch}`,
    ref: branch,
    sha,
    user: simpleUser(urls, ensureUser(world, repo.owner)),
    repo: repoShape(world, urls, repo),
  };
}

/** Commits on head not reachable from base (what GitHub counts as the PR's commits). */
function countCommits(repo: RepoRecord, head: string, base: string): number {
  const reachable = new Set<string>();
  const stack = [base];
  while (stack.length > 0) {
    const sha = stack.pop()!;
    if (reachable.has(sha)) continue;
    reachable.add(sha);
    const object = readObject(repo, sha);
    if (object?.type === 'commit') stack.push(...object.parents);
  }
  let count = 0;
  const seen = new Set<string>();
  const pending = [head];
  while (pending.length > 0) {
    const sha = pending.pop()!;
    if (seen.has(sha) || reachable.has(sha)) continue;
    seen.add(sha);
    count += 1;
    const object = readObject(repo, sha);
    if (object?.type === 'commit') pending.push(...object.parents);
  }
  return count;
}

function lines(repo: RepoRecord, sha: string | undefined): string[] {
  const object = sha ? readObject(repo, sha) : undefined;
  if (object?.type !== 'blob' || object.data.length === 0) return [];
  const text = object.data.toString('utf8');
  return (text.endsWith('\n') ? text.slice(0, -1) : text).split('\n');
}

/** File and line counts between two commits; lines are compared as multisets (no real diff needed). */
function diffStats(repo: RepoRecord, base: string, head: string) {
  const files = (sha: string) =>
    new Map(
      walkTree(repo, readCommit(repo, sha).tree)
        .filter((e) => e.mode !== '040000')
        .map((e) => [e.path, e.sha]),
    );
  const before = files(base);
  const after = files(head);
  let changedFiles = 0;
  let additions = 0;
  let deletions = 0;
  for (const path of new Set([...before.keys(), ...after.keys()])) {
    if (before.get(path) === after.get(path)) continue;
    changedFiles += 1;
    const counts = new Map<string, number>();
    for (const line of lines(repo, before.get(path))) counts.set(line, (counts.get(line) ?? 0) + 1);
    for (const line of lines(repo, after.get(path))) {
      const left = counts.get(line) ?? 0;
      if (left > 0) counts.set(line, left - 1);
      else additions += 1;
    }
    for (const left of counts.values()) deletions += left;
  }
  return { changedFiles, additions, deletions };
}

export function pullShape(
  world: World,
  urls: Urls,
  repo: RepoRecord,
  issue: IssueRecord & { pull: PullRecord },
  detailed: boolean,
): Record<string, unknown> {
  const full = `${repo.owner}/${repo.name}`;
  const api = `${urls.api}/repos/${full}/pulls/${issue.number}`;
  const html = `${urls.html}/${full}/pull/${issue.number}`;
  const headSha = repo.refs.get(`refs/heads/${issue.pull.head}`) ?? issue.pull.headSha;
  const baseSha = repo.refs.get(`refs/heads/${issue.pull.base}`) ?? issue.pull.baseSha;
  const asIssue = issueShape(world, urls, repo, issue);
  const link = (href: string) => ({ href });
  const shape: Record<string, unknown> = {
    url: api,
    id: issue.id,
    node_id: asIssue.node_id,
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: asIssue.url,
    commits_url: `${api}/commits`,
    review_comments_url: `${api}/comments`,
    review_comment_url: `${urls.api}/repos/${full}/pulls/comments{/number}`,
    comments_url: asIssue.comments_url,
    statuses_url: `${urls.api}/repos/${full}/statuses/${headSha}`,
    number: issue.number,
    state: issue.state,
    locked: issue.locked,
    title: issue.title,
    user: simpleUser(urls, ensureUser(world, issue.user)),
    body: issue.body,
    labels: asIssue.labels,
    milestone: null,
    active_lock_reason: null,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    closed_at: issue.closedAt,
    merged_at: null,
    merge_commit_sha: null,
    assignee: asIssue.assignee,
    assignees: asIssue.assignees,
    requested_reviewers: [],
    requested_teams: [],
    head: side(world, urls, repo, issue.pull.head, headSha),
    base: side(world, urls, repo, issue.pull.base, baseSha),
    _links: {
      self: link(api),
      html: link(html),
      issue: link(asIssue.url as string),
      comments: link(asIssue.comments_url as string),
      review_comments: link(`${api}/comments`),
      review_comment: link(`${urls.api}/repos/${full}/pulls/comments{/number}`),
      commits: link(`${api}/commits`),
      statuses: link(`${urls.api}/repos/${full}/statuses/${headSha}`),
    },
    author_association: asIssue.author_association,
    auto_merge: null,
    draft: issue.pull.draft,
  };
  if (!detailed) return shape;
  const stats = diffStats(repo, baseSha, headSha);
  return {
    ...shape,
    merged: issue.pull.merged,
    mergeable: true,
    rebaseable: true,
    mergeable_state: issue.pull.draft ? 'draft' : 'clean',
    merged_by: null,
    comments: asIssue.comments,
    review_comments: 0,
    maintainer_can_modify: issue.pull.maintainerCanModify,
    commits: countCommits(repo, headSha, baseSha),
    additions: stats.additions,
    deletions: stats.deletions,
    changed_files: stats.changedFiles,
  };
}
