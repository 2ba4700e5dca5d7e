import type { CommitData, TagData, TreeEntry } from '../git-objects';
import type { GitObject, RepoRecord } from '../state/world';
import { nodeId, type Urls } from './urls';

export function repoApi(urls: Urls, repo: RepoRecord): string {
  return `${urls.api}/repos/${repo.owner}/${repo.name}`;
}

const unsigned = { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null };

export function gitCommitShape(
  urls: Urls,
  repo: RepoRecord,
  sha: string,
  commit: CommitData,
): Record<string, unknown> {
  const api = repoApi(urls, repo);
  const html = `${urls.html}/${repo.owner}/${repo.name}`;
  return {
    sha,
    node_id: nodeId('C', sha),
    url: `${api}/git/commits/${sha}`,
    html_url: `${html}/commit/${sha}`,
    author: { ...commit.author },
    committer: { ...commit.committer },
    tree: { sha: commit.tree, url: `${api}/git/trees/${commit.tree}` },
    message: commit.message,
    parents: commit.parents.map((parent) => ({
      sha: parent,
      url: `${api}/git/commits/${parent}`,
      html_url: `${html}/commit/${parent}`,
    })),
    verification: unsigned,
  };
}

/** The `git-tag` schema (GET/POST /repos/{o}/{r}/git/tags). */
export function gitTagShape(
  urls: Urls,
  repo: RepoRecord,
  sha: string,
  tag: TagData,
): Record<string, unknown> {
  const api = repoApi(urls, repo);
  return {
    node_id: nodeId('TAG', sha),
    tag: tag.tag,
    sha,
    url: `${api}/git/tags/${sha}`,
    message: tag.message,
    tagger: { ...tag.tagger },
    object: { sha: tag.object, type: tag.objectType, url: `${api}/git/${tag.objectType}s/${tag.object}` },
    verification: unsigned,
  };
}

/** The `commit` schema of GET /repos/{o}/{r}/commits/{ref}. */
export function commitShape(
  urls: Urls,
  repo: RepoRecord,
  sha: string,
  commit: CommitData,
): Record<string, unknown> {
  const api = repoApi(urls, repo);
  const html = `${urls.html}/${repo.owner}/${repo.name}`;
  return {
    url: `${api}/commits/${sha}`,
    sha,
    node_id: nodeId('C', sha),
    html_url: `${html}/commit/${sha}`,
    comments_url: `${api}/commits/${sha}/comments`,
    commit: {
      url: `${api}/git/commits/${sha}`,
      author: { ...commit.author },
      committer: { ...commit.committer },
      message: commit.message,
      comment_count: 0,
      tree: { sha: commit.tree, url: `${api}/git/trees/${commit.tree}` },
      verification: unsigned,
    },
    author: null,
    committer: null,
    parents: commit.parents.map((parent) => ({
      sha: parent,
      url: `${api}/commits/${parent}`,
      html_url: `${html}/commit/${parent}`,
    })),
  };
}

export function refShape(
  urls: Urls,
  repo: RepoRecord,
  ref: string,
  sha: string,
  object: GitObject | undefined,
) {
  const api = repoApi(urls, repo);
  const type = object?.type ?? 'commit';
  return {
    ref,
    node_id: nodeId('REF', `${repo.id}:${ref}`),
    url: `${api}/git/${ref}`,
    object: { sha, type, url: `${api}/git/${type}s/${sha}` },
  };
}

export function treeEntryShape(
  urls: Urls,
  repo: RepoRecord,
  entry: TreeEntry & { path: string },
  size: number | undefined,
): Record<string, unknown> {
  const api = repoApi(urls, repo);
  const type = entry.mode === '040000' ? 'tree' : entry.mode === '160000' ? 'commit' : 'blob';
  const shape: Record<string, unknown> = { path: entry.path, mode: entry.mode, type, sha: entry.sha };
  if (type === 'blob') {
    shape.size = size ?? 0;
    shape.url = `${api}/git/blobs/${entry.sha}`;
  } else if (type === 'tree') {
    shape.url = `${api}/git/trees/${entry.sha}`;
  }
  return shape;
}

/** Base64 wrapped at 60 characters with a trailing newline, like GitHub's contents/blobs API. */
export function wrappedBase64(data: Buffer): string {
  const encoded = data.toString('base64');
  return encoded.length === 0 ? '' : `${encoded.match(/.{1,60}/g)!.join('\n')}\n`;
}
