import { findIssuesByMarker, type Issue, type RepoRef } from '@nightshift/github-ops';
import { FAILURE_MARKER, type FailureState, parseFailureState } from './failure-state';
import type { Octokit } from './octokit';

/** A failure issue Nightshift wrote, with its parsed state. */
export interface TrackedIssue {
  number: number;
  url: string;
  title: string;
  state: 'open' | 'closed';
  stateReason: string | null;
  labels: string[];
  body: string;
  failure: FailureState;
}

/** Cap on issues scanned per listing: bounds the cost in a busy central repository. */
export const TRACKED_ISSUE_LIMIT = 2000;

export interface LoadTrackedOptions {
  /** Logins whose bodies are trusted (the bot). */
  trusted: string;
  /**
   * The first configured issue label: listing by it keeps the scan to Nightshift's issues. Without
   * one, the listing filters by creator instead.
   */
  label: string | undefined;
}

/** Every failure issue by the bot, grouped by key, lowest number (oldest) first. */
export async function loadTrackedIssues(
  octokit: Octokit,
  repo: RepoRef,
  options: LoadTrackedOptions,
): Promise<Map<string, TrackedIssue[]>> {
  const found = await findIssuesByMarker<unknown>(octokit, repo, {
    kind: FAILURE_MARKER,
    // An array turns off the `creator` filter (bot logins like `github-actions[bot]` are matched
    // locally instead); the label narrows the listing.
    trustedAuthors: options.label ? [options.trusted] : options.trusted,
    ...(options.label ? { labels: [options.label] } : {}),
    state: 'all',
    limit: TRACKED_ISSUE_LIMIT,
  });
  const byKey = new Map<string, TrackedIssue[]>();
  for (const { issue, marker } of found) {
    const failure = parseFailureState(marker.data);
    if (!failure) continue;
    const tracked = toTracked(issue, failure);
    byKey.set(failure.key, [...(byKey.get(failure.key) ?? []), tracked]);
  }
  for (const list of byKey.values()) list.sort((a, b) => a.number - b.number);
  return byKey;
}

/**
 * The issue a key lives in: the oldest one. Duplicates from a race are always newer (they were
 * created after the first one existed), so the oldest is never a closed duplicate.
 */
export function canonicalIssue(issues: readonly TrackedIssue[] | undefined): TrackedIssue | null {
  return issues?.[0] ?? null;
}

export function toTracked(issue: Issue, failure: FailureState): TrackedIssue {
  return {
    number: issue.number,
    url: issue.html_url,
    title: issue.title,
    state: issue.state === 'closed' ? 'closed' : 'open',
    stateReason: issue.state_reason ?? null,
    labels: issue.labels.map((l) => (typeof l === 'string' ? l : (l.name ?? ''))).filter((l) => l !== ''),
    body: issue.body ?? '',
    failure,
  };
}
