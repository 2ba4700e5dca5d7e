import type { Octokit } from '@octokit/rest';
import type { RepoRef } from '../client/repo-ref';

export interface SimilarIssue {
  number: number;
  title: string;
  state: string;
  url: string;
  labels: string[];
  updatedAt: string;
  /** Jaccard similarity of keyword sets (0..1), computed locally so ranking is deterministic. */
  score: number;
}

export interface SearchSimilarOptions {
  state?: 'open' | 'closed' | 'all';
  labels?: readonly string[];
  /** Most results returned (default 10). */
  limit?: number;
  /** Keywords used in the query (default 6). */
  maxKeywords?: number;
}

const STOPWORDS = new Set(
  'a an and are as at be been but by can could did do does for from had has have in into is it its not of on or should that the their then there these this to was were when which while will with would error failed failure test tests expected got'.split(
    ' ',
  ),
);

/** Distinctive words: lower-cased, 3+ characters, not numbers, hex ids, addresses or stopwords. */
export function keywords(text: string): string[] {
  // Whole tokens, so `0xc000799120` is one token (starting with a digit: dropped), not `xc000799120`.
  const words = (text.toLowerCase().match(/[a-z0-9_]{3,}/g) ?? []).filter((w) => /^[a-z]/.test(w));
  const seen = new Set<string>();
  for (const word of words) {
    if (STOPWORDS.has(word) || /^[0-9a-f]{7,}$/.test(word)) continue;
    // addresses and ids (`xc000799120`): more digits than letters
    const digits = word.replace(/[^0-9]/g, '').length;
    if (digits > word.length - digits) continue;
    seen.add(word);
  }
  return [...seen];
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}

/**
 * Past issues that look like `text`, best first. Uses the search API (rate-limited: the client's
 * throttling spaces search calls) with the most distinctive keywords, relaxing the query when the
 * strict one finds nothing; results are re-ranked locally by keyword overlap.
 */
export async function searchSimilarIssues(
  octokit: Octokit,
  repo: RepoRef,
  text: string,
  options: SearchSimilarOptions = {},
): Promise<SimilarIssue[]> {
  const all = keywords(text);
  // Longer words are usually more specific (identifiers, test names).
  const chosen = [...all]
    .sort((a, b) => b.length - a.length || a.localeCompare(b))
    .slice(0, options.maxKeywords ?? 6);
  if (chosen.length === 0) return [];
  const qualifiers = [`repo:${repo.owner}/${repo.repo}`, 'is:issue'];
  if (options.state && options.state !== 'all') qualifiers.push(`is:${options.state}`);
  for (const label of options.labels ?? []) qualifiers.push(`label:"${label.replace(/"/g, '')}"`);
  const limit = options.limit ?? 10;
  const wanted = new Set(all);
  for (const size of [chosen.length, Math.ceil(chosen.length / 2), 1]) {
    const q = [...chosen.slice(0, size), ...qualifiers].join(' ');
    const { data } = await octokit.rest.search.issuesAndPullRequests({
      q,
      per_page: Math.min(100, limit * 3),
    });
    const items = data.items.filter((i) => !i.pull_request);
    if (items.length === 0) continue;
    return items
      .map((i) => ({
        number: i.number,
        title: i.title,
        state: i.state,
        url: i.html_url,
        labels: i.labels.map((l) => (typeof l === 'string' ? l : (l.name ?? ''))).filter(Boolean),
        updatedAt: i.updated_at,
        score: Math.round(jaccard(wanted, new Set(keywords(`${i.title}\n${i.body ?? ''}`))) * 1000) / 1000,
      }))
      .sort((a, b) => b.score - a.score || b.number - a.number)
      .slice(0, limit);
  }
  return [];
}
