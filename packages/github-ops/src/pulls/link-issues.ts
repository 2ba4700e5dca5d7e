import type { Octokit } from '@octokit/rest';
import { parseRepo } from '../client/repo-ref';
import { PolicyViolationError } from '../errors/policy-violation-error';
import { checkRepo } from '../policy/evaluate-write-plan';
import type { WritePolicy } from '../policy/types';

export interface IssueLink {
  /** `owner/name`; omitted = the PR's own repository. */
  repo?: string;
  number: number;
}

const LINKS_START = '<!-- nightshift:links-start -->';
const LINKS_END = '<!-- nightshift:links-end -->';

/** `#3` / `owner/name#3` → IssueLink; a clear error otherwise. */
export function parseIssueLink(text: string): IssueLink {
  const match = /^(?:([A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+))?#(\d+)$/.exec(text.trim());
  if (!match) throw new TypeError(`issue reference ${JSON.stringify(text)} is not "#N" or "owner/name#N"`);
  return { ...(match[1] ? { repo: match[1] } : {}), number: Number(match[2]) };
}

/**
 * Reference lines for a PR body. `Refs #N` links without closing anything on merge; closing
 * keywords (`Fixes #N`) only when `closing` is set — which callers should tie to configuration.
 */
export function renderIssueLinks(
  links: readonly IssueLink[],
  options: { currentRepo: string; closing?: boolean },
): string {
  const keyword = options.closing ? 'Fixes' : 'Refs';
  const lines = links.map((l) => {
    const target =
      l.repo && l.repo.toLowerCase() !== options.currentRepo.toLowerCase()
        ? `${l.repo}#${l.number}`
        : `#${l.number}`;
    return `${keyword} ${target}`;
  });
  return [...new Set(lines)].join('\n');
}

/** Replace (or append) the managed links section of a body. Idempotent. */
export function withLinksSection(body: string, links: string): string {
  const section = `${LINKS_START}\n${links}\n${LINKS_END}`;
  const start = body.indexOf(LINKS_START);
  const end = body.indexOf(LINKS_END, start);
  if (start !== -1 && end !== -1) return body.slice(0, start) + section + body.slice(end + LINKS_END.length);
  return `${body.replace(/\s+$/, '')}\n\n${section}\n`;
}

export interface LinkIssuesInput {
  /** `owner/name` of the pull request. */
  repo: string;
  pullNumber: number;
  issues: readonly IssueLink[];
}

/**
 * Link a pull request to issues (and sibling PRs in other repositories) by writing a managed
 * `Refs …` section into the PR body. The repository must be in the write allowlist; closing
 * keywords only when `policy.allowClosingKeywords`. Dry-run returns the links without any call.
 */
export async function linkIssues(
  octokit: Octokit,
  input: LinkIssuesInput,
  options: { policy: WritePolicy },
): Promise<{ dryRun: true; links: string } | { dryRun: false; body: string; changed: boolean }> {
  const violations = checkRepo(input.repo, options.policy);
  if (violations.length > 0) throw new PolicyViolationError(violations, 'link issues');
  if (input.issues.length === 0) throw new TypeError('linkIssues: no issues to link');
  const repo = parseRepo(input.repo);
  const links = renderIssueLinks(input.issues, {
    currentRepo: input.repo,
    closing: options.policy.allowClosingKeywords,
  });
  // Dry-run makes no call at all, not even the read.
  if (options.policy.dryRun) return { dryRun: true, links };
  // Every pull request is an issue: the issues endpoints read and edit its body (and need only
  // issues/pull-requests write, not contents).
  const { data: pr } = await octokit.rest.issues.get({ ...repo, issue_number: input.pullNumber });
  if (!pr.pull_request)
    throw new TypeError(`${input.repo}#${input.pullNumber} is an issue, not a pull request`);
  const current = pr.body ?? '';
  const body = withLinksSection(current, links);
  if (body === current) return { dryRun: false, body, changed: false };
  await octokit.rest.issues.update({ ...repo, issue_number: input.pullNumber, body });
  return { dryRun: false, body, changed: true };
}
