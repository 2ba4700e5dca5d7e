import type { Octokit } from '@octokit/rest';
import type { RepoRef } from '../client/repo-ref';
import { GitHubError, RateLimitedError } from '../errors/github-error';
import { getBlobText } from './file-contents';
import { getRepositoryTree } from './tree';

export interface CodeMatch {
  path: string;
  sha: string | null;
  /** Matching lines (grep fallback, or search text matches when available). */
  lines: { no: number | null; text: string }[];
}

export interface CodeSearchResult {
  source: 'search' | 'grep';
  items: CodeMatch[];
  /** Total reported by search, or files matched by grep. */
  totalCount: number;
  /** Search said its results were incomplete, or grep skipped files / hit caps. */
  incomplete: boolean;
  /** Why grep was used instead of search. */
  fallbackReason?: string;
}

export interface CodeSearchOptions {
  /** Only paths under this directory / matching this path fragment. */
  path?: string;
  /** File extension without dot (`go`). */
  extension?: string;
  /** Most results (default 30, max 100). */
  limit?: number;
  /** Grep fallback (tree + fetch + grep) for small repositories; `false` disables it. */
  fallback?: false | { maxFiles?: number; maxFileBytes?: number; maxLinesPerFile?: number; ref?: string };
  /** Clock for the remembered rate-limit window (tests). */
  now?: () => number;
}

/** Remembered code-search quota per client, so a spent quota goes straight to the fallback. */
const quota = new WeakMap<Octokit, { remaining: number; resetAt: number }>();

/**
 * Words from a query, with search qualifiers removed: the query may come from a model, and
 * `repo:other/private` or `org:` would widen the search beyond the repositories we were given.
 */
export function searchWords(query: string): string[] {
  return query
    .split(/\s+/)
    .map((w) => w.replace(/"/g, ''))
    .filter((w) => w.length > 0 && !/^-?[a-z_]+:/i.test(w) && !/^(AND|OR|NOT)$/.test(w))
    .slice(0, 10);
}

/**
 * Code search in one repository. Uses GitHub code search (its own tight rate limit, tracked from
 * response headers); when the quota is spent or search fails, falls back to listing the tree and
 * grepping files for small repositories (≤ `fallback.maxFiles` candidate files).
 */
export async function searchCode(
  octokit: Octokit,
  repo: RepoRef,
  query: string,
  options: CodeSearchOptions = {},
): Promise<CodeSearchResult> {
  const words = searchWords(query);
  if (words.length === 0)
    throw new TypeError(`code search: query ${JSON.stringify(query)} has no search words`);
  const limit = Math.max(1, Math.min(options.limit ?? 30, 100));
  const now = options.now ?? Date.now;
  const known = quota.get(octokit);
  let reason: string | null = null;
  if (known && known.remaining <= 0 && now() < known.resetAt) {
    reason = `code search quota spent until ${new Date(known.resetAt).toISOString()}`;
  } else {
    const qualifiers = [`repo:${repo.owner}/${repo.repo}`];
    if (options.path) qualifiers.push(`path:${options.path.replace(/\s/g, '')}`);
    if (options.extension)
      qualifiers.push(`extension:${options.extension.replace(/^\./, '').replace(/\s/g, '')}`);
    const q = [...words, ...qualifiers].join(' ');
    try {
      const response = await octokit.rest.search.code({
        q,
        per_page: limit,
        headers: { accept: 'application/vnd.github.text-match+json' },
      });
      remember(octokit, response.headers as Record<string, string | number | undefined>);
      const items = response.data.items.map((item) => ({
        path: item.path,
        sha: item.sha ?? null,
        lines: (item.text_matches ?? []).map((m) => ({ no: null, text: m.fragment ?? '' })),
      }));
      return {
        source: 'search',
        items,
        totalCount: response.data.total_count,
        incomplete: response.data.incomplete_results,
      };
    } catch (error) {
      if (
        !GitHubError.isInstance(error) ||
        !['rate-limited', 'forbidden', 'validation', 'server', 'network'].includes(error.kind)
      )
        throw error;
      if (RateLimitedError.isInstance(error)) {
        const resetAt = error.resetAt?.getTime() ?? now() + (error.retryAfterSec ?? 60) * 1000;
        quota.set(octokit, { remaining: 0, resetAt });
      }
      if (options.fallback === false) throw error;
      reason = `code search failed: ${error.message}`;
    }
  }
  if (options.fallback === false) {
    throw new RateLimitedError(reason, {
      resetAt: known ? new Date(known.resetAt) : null,
      retryAfterSec: null,
      secondary: false,
      resource: 'code_search',
    });
  }
  return grepRepository(octokit, repo, words, { ...options, limit }, reason);
}

function remember(octokit: Octokit, headers: Record<string, string | number | undefined>): void {
  const remaining = Number(headers['x-ratelimit-remaining']);
  const reset = Number(headers['x-ratelimit-reset']);
  if (Number.isFinite(remaining) && Number.isFinite(reset))
    quota.set(octokit, { remaining, resetAt: reset * 1000 });
}

async function grepRepository(
  octokit: Octokit,
  repo: RepoRef,
  words: string[],
  options: CodeSearchOptions & { limit: number },
  reason: string,
): Promise<CodeSearchResult> {
  const fallback = options.fallback || {};
  const maxFiles = fallback.maxFiles ?? 1000;
  const maxFileBytes = fallback.maxFileBytes ?? 256 * 1024;
  const maxLinesPerFile = fallback.maxLinesPerFile ?? 5;
  const tree = await getRepositoryTree(octokit, repo, {
    ...(fallback.ref ? { ref: fallback.ref } : {}),
    maxEntries: maxFiles * 20,
  });
  const pathFilter = options.path?.replace(/^\/+|\/+$/g, '').toLowerCase();
  const ext = options.extension?.replace(/^\./, '').toLowerCase();
  const candidates = tree.entries.filter(
    (e) =>
      e.type === 'blob' &&
      e.mode !== '120000' &&
      (!pathFilter || e.path.toLowerCase().includes(pathFilter)) &&
      (!ext || e.path.toLowerCase().endsWith(`.${ext}`)),
  );
  const sized = candidates.filter((e) => (e.size ?? 0) <= maxFileBytes);
  if (sized.length > maxFiles || !tree.complete) {
    throw new RateLimitedError(
      `code search unavailable (${reason}) and ${repo.owner}/${repo.repo} is too large to grep (${sized.length} candidate files, cap ${maxFiles})`,
      { resetAt: null, retryAfterSec: null, secondary: false, resource: 'code_search' },
    );
  }
  const needles = words.map((w) => w.toLowerCase());
  const items: CodeMatch[] = [];
  let totalCount = 0;
  let skipped = candidates.length - sized.length;
  // A small pool: enough parallelism to be quick, little enough to stay polite.
  let cursor = 0;
  const worker = async () => {
    while (cursor < sized.length) {
      const entry = sized[cursor++]!;
      const text = await getBlobText(octokit, repo, entry.sha, { maxBytes: maxFileBytes }).catch(() => null);
      if (text === null) {
        skipped++;
        continue;
      }
      const lower = text.toLowerCase();
      if (!needles.every((n) => lower.includes(n))) continue;
      totalCount++;
      const lines: CodeMatch['lines'] = [];
      const all = text.split('\n');
      for (let i = 0; i < all.length && lines.length < maxLinesPerFile; i++) {
        const line = all[i]!.toLowerCase();
        if (needles.some((n) => line.includes(n))) lines.push({ no: i + 1, text: all[i]!.slice(0, 500) });
      }
      items.push({ path: entry.path, sha: entry.sha, lines });
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  items.sort((a, b) => (a.path < b.path ? -1 : 1));
  return {
    source: 'grep',
    items: items.slice(0, options.limit),
    totalCount,
    incomplete: skipped > 0 || items.length > options.limit,
    fallbackReason: reason,
  };
}
