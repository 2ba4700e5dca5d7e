import { isTrustedAuthor, listIssues, type RepoRef } from '@nightshift/github-ops';
import { parseDetectorState, type SourceState, STATE_LABEL } from './detector-state';
import type { Octokit } from './octokit';

export interface StateIssue {
  number: number;
  url: string;
  body: string;
}

export interface LoadedState {
  /** The oldest open state issue by the bot; null before the first cycle (or after a reset). */
  issue: StateIssue | null;
  /** Every open state issue by the bot, oldest first (more than one only after a race). */
  all: StateIssue[];
  sources: Map<string, SourceState>;
}

/**
 * The detector's state lives in one open issue labelled `nightshift-state`, written by the bot:
 * one request (the label listing carries the bodies). Closing that issue resets the detector.
 */
export async function loadStateIssue(octokit: Octokit, repo: RepoRef, trusted: string): Promise<LoadedState> {
  const issues = await listIssues(octokit, repo, { state: 'open', labels: [STATE_LABEL], limit: 100 });
  const all = issues
    .filter((issue) => isTrustedAuthor(issue.user?.login, trusted))
    .sort((a, b) => a.number - b.number)
    .map((issue) => ({ number: issue.number, url: issue.html_url, body: issue.body ?? '' }));
  const issue = all[0] ?? null;
  return { issue, all, sources: parseDetectorState(issue?.body) };
}
