import type { Octokit } from '@octokit/rest';
import { isoTime } from '../client/iso-time';
import type { RepoRef } from '../client/repo-ref';
import { parseMarkers, renderMarker } from '../markers';
import { type IssueComment, isTrustedAuthor, type TrustedAuthors } from './types';

/** Add a comment. Like `createIssue`, not retried on 5xx (a retry could post it twice). */
export async function addComment(
  octokit: Octokit,
  repo: RepoRef,
  issueNumber: number,
  body: string,
): Promise<IssueComment> {
  const { data } = await octokit.rest.issues.createComment({
    ...repo,
    issue_number: issueNumber,
    body,
    request: { retries: 0 },
  });
  return data;
}

/** All comments of an issue, oldest first, paginated to `limit` (default 1000). */
export async function listComments(
  octokit: Octokit,
  repo: RepoRef,
  issueNumber: number,
  options: { limit?: number; since?: Date | string } = {},
): Promise<IssueComment[]> {
  const limit = options.limit ?? 1000;
  const out: IssueComment[] = [];
  const iterator = octokit.paginate.iterator(octokit.rest.issues.listComments, {
    ...repo,
    issue_number: issueNumber,
    per_page: 100,
    ...(options.since ? { since: isoTime(options.since, 'since') } : {}),
  });
  for await (const page of iterator) {
    for (const comment of page.data) {
      out.push(comment);
      if (out.length >= limit) return out;
    }
  }
  return out;
}

export interface StickyCommentInput {
  /** Marker kind identifying the sticky comment (e.g. `triage-report`). */
  kind: string;
  /** Optional key when one issue holds several sticky comments of a kind (e.g. per repo). */
  key?: string;
  /** Visible body; the marker is appended. */
  body: string;
  /** Only comments by these logins are candidates (anyone can paste a marker into a comment). */
  trustedAuthors: TrustedAuthors;
  /** Extra marker data stored with the comment. */
  data?: Record<string, unknown>;
}

export interface StickyCommentResult {
  action: 'created' | 'updated' | 'unchanged';
  comment: IssueComment;
}

/**
 * Create or update the one comment identified by a marker. An identical body costs no write.
 * When several matching comments exist (a race), the oldest is kept and updated.
 */
export async function upsertStickyComment(
  octokit: Octokit,
  repo: RepoRef,
  issueNumber: number,
  input: StickyCommentInput,
): Promise<StickyCommentResult> {
  const markerData = { ...input.data, ...(input.key !== undefined ? { key: input.key } : {}) };
  const fullBody = `${input.body.replace(/\s+$/, '')}\n\n${renderMarker(input.kind, markerData)}\n`;
  const comments = await listComments(octokit, repo, issueNumber);
  const existing = comments.find(
    (c) =>
      isTrustedAuthor(c.user?.login, input.trustedAuthors) &&
      parseMarkers<{ key?: unknown }>(c.body, input.kind).some(
        (m) =>
          input.key === undefined ||
          (typeof m.data === 'object' && m.data !== null && m.data.key === input.key),
      ),
  );
  if (!existing) {
    return { action: 'created', comment: await addComment(octokit, repo, issueNumber, fullBody) };
  }
  if (existing.body === fullBody) return { action: 'unchanged', comment: existing };
  const { data } = await octokit.rest.issues.updateComment({
    ...repo,
    comment_id: existing.id,
    body: fullBody,
  });
  return { action: 'updated', comment: data };
}
