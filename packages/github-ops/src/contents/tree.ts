import type { Octokit } from '@octokit/rest';
import type { RepoRef } from '../client/repo-ref';
import { resolveCommit } from './resolve-ref';

export interface TreeEntry {
  path: string;
  mode: string;
  type: 'blob' | 'tree' | 'commit';
  sha: string;
  size?: number;
}

export interface RepositoryTree {
  /** Commit the tree belongs to. */
  commitSha: string;
  treeSha: string;
  entries: TreeEntry[];
  /**
   * False when the listing is incomplete: GitHub truncated the recursive tree AND the per-directory
   * walk hit `maxEntries` or `maxRequests`.
   */
  complete: boolean;
  /** How the tree was read: one recursive call, or a directory-by-directory walk after truncation. */
  method: 'recursive' | 'walk';
}

export interface TreeOptions {
  ref?: string;
  /** Stop collecting after this many entries (default 100,000). */
  maxEntries?: number;
  /** Budget of subtree requests for the walk fallback (default 500). */
  maxRequests?: number;
}

/**
 * Every path in a repository at `ref`. GitHub truncates recursive trees (100,000 entries / 7 MB);
 * when it does, the tree is walked one directory at a time (non-recursive calls) within the
 * request budget, so big monorepos still list completely or say they did not.
 */
export async function getRepositoryTree(
  octokit: Octokit,
  repo: RepoRef,
  options: TreeOptions = {},
): Promise<RepositoryTree> {
  const maxEntries = options.maxEntries ?? 100_000;
  const maxRequests = options.maxRequests ?? 500;
  const commit = await resolveCommit(octokit, repo, options.ref);
  const { data } = await octokit.rest.git.getTree({ ...repo, tree_sha: commit.treeSha, recursive: '1' });
  if (!data.truncated) {
    const entries = (data.tree as TreeEntry[]).slice(0, maxEntries);
    return {
      commitSha: commit.sha,
      treeSha: commit.treeSha,
      entries,
      complete: entries.length === data.tree.length,
      method: 'recursive',
    };
  }
  const entries: TreeEntry[] = [];
  const queue: { sha: string; prefix: string }[] = [{ sha: commit.treeSha, prefix: '' }];
  let requests = 0;
  let complete = true;
  while (queue.length > 0) {
    if (requests >= maxRequests || entries.length >= maxEntries) {
      complete = false;
      break;
    }
    const next = queue.shift()!;
    requests++;
    const level = await octokit.rest.git.getTree({ ...repo, tree_sha: next.sha });
    for (const item of level.data.tree as TreeEntry[]) {
      const path = next.prefix + item.path;
      if (entries.length >= maxEntries) {
        complete = false;
        break;
      }
      entries.push({ ...item, path });
      if (item.type === 'tree') queue.push({ sha: item.sha, prefix: `${path}/` });
    }
  }
  return { commitSha: commit.sha, treeSha: commit.treeSha, entries, complete, method: 'walk' };
}

/** An indented outline of directories and files (what `get_repository_structure` shows). */
export function renderTree(
  entries: readonly TreeEntry[],
  options: { maxLines?: number; pathPrefix?: string } = {},
): { text: string; truncated: boolean } {
  const maxLines = options.maxLines ?? 2000;
  const prefix = options.pathPrefix ? `${options.pathPrefix.replace(/\/+$/, '')}/` : '';
  const lines: string[] = [];
  const sorted = entries
    .filter((e) => e.path.startsWith(prefix))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const entry of sorted) {
    if (lines.length >= maxLines) return { text: lines.join('\n'), truncated: true };
    const rel = entry.path.slice(prefix.length);
    const depth = rel.split('/').length - 1;
    const name = rel.split('/').pop() ?? rel;
    const suffix =
      entry.type === 'tree'
        ? '/'
        : entry.type === 'commit'
          ? ' (submodule)'
          : entry.mode === '120000'
            ? ' (symlink)'
            : '';
    lines.push(`${'  '.repeat(depth)}${name}${suffix}`);
  }
  return { text: lines.join('\n'), truncated: false };
}
