import { ensureUser } from '../state/users';
import type { RepoRecord, World } from '../state/world';
import { nodeId, type Urls } from './urls';
import { simpleUser } from './user';

/**
 * One builder for the three repository shapes (minimal-repository, repository, full-repository):
 * it fills the union of their required fields, which every one of the three schemas accepts.
 */
export function repoShape(world: World, urls: Urls, repo: RepoRecord): Record<string, unknown> {
  const full = `${repo.owner}/${repo.name}`;
  const api = `${urls.api}/repos/${full}`;
  const html = `${urls.html}/${full}`;
  const host = new URL(urls.html).host;
  const openIssues = [...repo.issues.values()].filter((issue) => issue.state === 'open').length;
  return {
    id: repo.id,
    node_id: nodeId('R', repo.id),
    name: repo.name,
    full_name: full,
    owner: simpleUser(urls, ensureUser(world, repo.owner)),
    private: repo.private,
    html_url: html,
    description: repo.description,
    fork: false,
    url: api,
    archive_url: `${api}/{archive_format}{/ref}`,
    assignees_url: `${api}/assignees{/user}`,
    blobs_url: `${api}/git/blobs{/sha}`,
    branches_url: `${api}/branches{/branch}`,
    collaborators_url: `${api}/collaborators{/collaborator}`,
    comments_url: `${api}/comments{/number}`,
    commits_url: `${api}/commits{/sha}`,
    compare_url: `${api}/compare/{base}...{head}`,
    contents_url: `${api}/contents/{+path}`,
    contributors_url: `${api}/contributors`,
    deployments_url: `${api}/deployments`,
    downloads_url: `${api}/downloads`,
    events_url: `${api}/events`,
    forks_url: `${api}/forks`,
    git_commits_url: `${api}/git/commits{/sha}`,
    git_refs_url: `${api}/git/refs{/sha}`,
    git_tags_url: `${api}/git/tags{/sha}`,
    git_url: `git://${host}/${full}.git`,
    issue_comment_url: `${api}/issues/comments{/number}`,
    issue_events_url: `${api}/issues/events{/number}`,
    issues_url: `${api}/issues{/number}`,
    keys_url: `${api}/keys{/key_id}`,
    labels_url: `${api}/labels{/name}`,
    languages_url: `${api}/languages`,
    merges_url: `${api}/merges`,
    milestones_url: `${api}/milestones{/number}`,
    notifications_url: `${api}/notifications{?since,all,participating}`,
    pulls_url: `${api}/pulls{/number}`,
    releases_url: `${api}/releases{/id}`,
    ssh_url: `git@${host}:${full}.git`,
    stargazers_url: `${api}/stargazers`,
    statuses_url: `${api}/statuses/{sha}`,
    subscribers_url: `${api}/subscribers`,
    subscription_url: `${api}/subscription`,
    tags_url: `${api}/tags`,
    teams_url: `${api}/teams`,
    trees_url: `${api}/git/trees{/sha}`,
    clone_url: `${html}.git`,
    mirror_url: null,
    hooks_url: `${api}/hooks`,
    svn_url: html,
    homepage: null,
    language: null,
    forks_count: 0,
    stargazers_count: 0,
    watchers_count: 0,
    size: 0,
    default_branch: repo.defaultBranch,
    open_issues_count: openIssues,
    is_template: false,
    topics: [],
    has_issues: true,
    has_projects: false,
    has_wiki: false,
    has_pages: false,
    has_downloads: true,
    has_discussions: false,
    archived: false,
    disabled: false,
    visibility: repo.private ? 'private' : 'public',
    pushed_at: repo.pushedAt,
    created_at: repo.createdAt,
    updated_at: repo.pushedAt,
    allow_forking: true,
    web_commit_signoff_required: false,
    subscribers_count: 0,
    network_count: 0,
    license: null,
    forks: 0,
    open_issues: openIssues,
    watchers: 0,
  };
}

/** Fields of the full shape that `minimal-repository` lacks; several change whenever issues do. */
const NOT_MINIMAL = [
  'git_url',
  'ssh_url',
  'clone_url',
  'svn_url',
  'mirror_url',
  'homepage',
  'language',
  'forks_count',
  'stargazers_count',
  'watchers_count',
  'size',
  'default_branch',
  'open_issues_count',
  'is_template',
  'topics',
  'has_issues',
  'has_projects',
  'has_wiki',
  'has_pages',
  'has_downloads',
  'has_discussions',
  'archived',
  'disabled',
  'visibility',
  'pushed_at',
  'created_at',
  'updated_at',
  'allow_forking',
  'web_commit_signoff_required',
  'subscribers_count',
  'network_count',
  'license',
  'forks',
  'open_issues',
  'watchers',
];

/**
 * The `minimal-repository` embedded in workflow runs and code search results. Keeping volatile
 * counters out matters: a runs listing's ETag must not change because an issue was opened.
 */
export function minimalRepoShape(world: World, urls: Urls, repo: RepoRecord): Record<string, unknown> {
  const shape = repoShape(world, urls, repo);
  for (const key of NOT_MINIMAL) delete shape[key];
  return shape;
}
