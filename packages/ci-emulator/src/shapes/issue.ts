import { ensureUser, permissionOf } from '../state/users';
import type { CommentRecord, IssueRecord, LabelRecord, RepoRecord, World } from '../state/world';
import { nodeId, type Urls } from './urls';
import { simpleUser } from './user';

export function labelShape(urls: Urls, repo: RepoRecord, label: LabelRecord): Record<string, unknown> {
  return {
    id: label.id,
    node_id: nodeId('LA', label.id),
    url: `${urls.api}/repos/${repo.owner}/${repo.name}/labels/${encodeURIComponent(label.name)}`,
    name: label.name,
    color: label.color,
    default: label.default,
    description: label.description,
  };
}

export function authorAssociation(world: World, repo: RepoRecord, login: string): string {
  if (repo.owner.toLowerCase() === login.toLowerCase()) return 'OWNER';
  return permissionOf(world, `${repo.owner}/${repo.name}`, login) === 'none' ? 'NONE' : 'COLLABORATOR';
}

function userOrNull(world: World, urls: Urls, login: string | null): Record<string, unknown> | null {
  return login ? simpleUser(urls, ensureUser(world, login)) : null;
}

export function issueShape(
  world: World,
  urls: Urls,
  repo: RepoRecord,
  issue: IssueRecord,
): Record<string, unknown> {
  const full = `${repo.owner}/${repo.name}`;
  const api = `${urls.api}/repos/${full}/issues/${issue.number}`;
  const kind = issue.pull ? 'pull' : 'issues';
  const comments = [...world.comments.values()].filter(
    (comment) => comment.repo === full.toLowerCase() && comment.issueNumber === issue.number,
  ).length;
  const labels = issue.labels
    .map((name) => repo.labels.get(name.toLowerCase()))
    .filter((label): label is LabelRecord => label !== undefined)
    .map((label) => labelShape(urls, repo, label));
  const assignees = issue.assignees.map((login) => simpleUser(urls, ensureUser(world, login)));
  const shape: Record<string, unknown> = {
    url: api,
    repository_url: `${urls.api}/repos/${full}`,
    labels_url: `${api}/labels{/name}`,
    comments_url: `${api}/comments`,
    events_url: `${api}/events`,
    html_url: `${urls.html}/${full}/${kind}/${issue.number}`,
    id: issue.id,
    node_id: nodeId(issue.pull ? 'PR' : 'I', issue.id),
    number: issue.number,
    title: issue.title,
    user: userOrNull(world, urls, issue.user),
    labels,
    state: issue.state,
    locked: issue.locked,
    assignee: assignees[0] ?? null,
    assignees,
    milestone: null,
    comments,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    closed_at: issue.closedAt,
    author_association: authorAssociation(world, repo, issue.user),
    active_lock_reason: null,
    body: issue.body,
    closed_by: userOrNull(world, urls, issue.closedBy),
    state_reason: issue.stateReason,
    timeline_url: `${api}/timeline`,
  };
  if (issue.pull) {
    shape.draft = issue.pull.draft;
    shape.pull_request = {
      url: `${urls.api}/repos/${full}/pulls/${issue.number}`,
      html_url: `${urls.html}/${full}/pull/${issue.number}`,
      diff_url: `${urls.html}/${full}/pull/${issue.number}.diff`,
      patch_url: `${urls.html}/${full}/pull/${issue.number}.patch`,
      merged_at: null,
    };
  }
  return shape;
}

export function commentShape(
  world: World,
  urls: Urls,
  repo: RepoRecord,
  comment: CommentRecord,
): Record<string, unknown> {
  const full = `${repo.owner}/${repo.name}`;
  const issue = repo.issues.get(comment.issueNumber);
  const kind = issue?.pull ? 'pull' : 'issues';
  return {
    id: comment.id,
    node_id: nodeId('IC', comment.id),
    url: `${urls.api}/repos/${full}/issues/comments/${comment.id}`,
    html_url: `${urls.html}/${full}/${kind}/${comment.issueNumber}#issuecomment-${comment.id}`,
    body: comment.body,
    user: userOrNull(world, urls, comment.user),
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    issue_url: `${urls.api}/repos/${full}/issues/${comment.issueNumber}`,
    author_association: authorAssociation(world, repo, comment.user),
  };
}
