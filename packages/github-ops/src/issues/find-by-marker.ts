import type { Octokit } from '@octokit/rest';
import type { RepoRef } from '../client/repo-ref';
import { type Marker, parseMarkers } from '../markers';
import { listIssues } from './issues';
import { type Issue, isTrustedAuthor, type TrustedAuthors } from './types';

export interface FindByMarkerOptions<T> {
  /** Marker kind, e.g. `failure`. */
  kind: string;
  /** Only bodies authored by these logins are read (markers elsewhere may be forged). */
  trustedAuthors: TrustedAuthors;
  /** Keep a marker only when this returns true (e.g. fingerprint equality). */
  match?: (data: T) => boolean;
  state?: 'open' | 'closed' | 'all';
  /** Narrow the listing with labels Nightshift puts on its issues. */
  labels?: readonly string[];
  /** Cap on issues scanned (default 1000). */
  limit?: number;
}

export interface IssueWithMarker<T> {
  issue: Issue;
  marker: Marker<T>;
}

/**
 * Issues whose body carries a marker of `kind`, written by a trusted author. Uses the issues
 * listing (filtered by creator when there is a single trusted author), not search: search is
 * eventually consistent and would miss an issue created seconds ago, which is how duplicates happen.
 * Each page is a conditional request, so an unchanged repository costs no rate limit.
 */
export async function findIssuesByMarker<T = unknown>(
  octokit: Octokit,
  repo: RepoRef,
  options: FindByMarkerOptions<T>,
): Promise<IssueWithMarker<T>[]> {
  const single = typeof options.trustedAuthors === 'string' ? options.trustedAuthors : undefined;
  const issues = await listIssues(octokit, repo, {
    state: options.state ?? 'all',
    ...(options.labels ? { labels: options.labels } : {}),
    ...(single ? { creator: single } : {}),
    ...(options.limit !== undefined ? { limit: options.limit } : {}),
  });
  const out: IssueWithMarker<T>[] = [];
  for (const issue of issues) {
    if (!isTrustedAuthor(issue.user?.login, options.trustedAuthors)) continue;
    const marker = parseMarkers<T>(issue.body, options.kind).find(
      (m) => !options.match || safeMatch(options.match, m.data),
    );
    if (marker) out.push({ issue, marker });
  }
  return out;
}

/** The first (most recently created) matching issue, preferring open ones; null when none. */
export async function findIssueByMarker<T = unknown>(
  octokit: Octokit,
  repo: RepoRef,
  options: FindByMarkerOptions<T>,
): Promise<IssueWithMarker<T> | null> {
  const all = await findIssuesByMarker(octokit, repo, options);
  const sorted = all.sort((a, b) => {
    if (a.issue.state !== b.issue.state) return a.issue.state === 'open' ? -1 : 1;
    return b.issue.number - a.issue.number;
  });
  return sorted[0] ?? null;
}

/** A throwing predicate (bad payload shape) means "no match", never a crash. */
function safeMatch<T>(match: (data: T) => boolean, data: T): boolean {
  try {
    return match(data);
  } catch {
    return false;
  }
}
