import { z } from 'zod';
import { PolicyViolationError } from '../../errors/policy-violation-error';
import { addComment, listComments } from '../../issues/comments';
import { getIssue, listIssues } from '../../issues/issues';
import { checkRepo } from '../../policy/evaluate-write-plan';
import { sanitizeOutbound } from '../sanitize';
import { allowedRepo, defineTool } from '../tool-context';
import { repoInput } from './common-input';

function labelNames(labels: readonly (string | { name?: string | null })[]): string {
  return labels
    .map((l) => (typeof l === 'string' ? l : (l.name ?? '')))
    .filter(Boolean)
    .join(', ');
}

export const getIssueTool = defineTool({
  name: 'get_issue',
  description: 'Read one issue: title, state, labels, author, body, and optionally its latest comments.',
  write: false,
  input: {
    ...repoInput,
    issue_number: z.number().int().positive(),
    comments: z
      .number()
      .int()
      .min(0)
      .max(50)
      .optional()
      .describe('How many of the latest comments to include (default 0)'),
  },
  async run(args, ctx) {
    const repo = allowedRepo(ctx, args.owner, args.repo);
    const issue = await getIssue(ctx.octokit, repo, args.issue_number);
    const lines = [
      `#${issue.number} ${issue.title}`,
      `state: ${issue.state}${issue.state_reason ? ` (${issue.state_reason})` : ''}`,
      `author: ${issue.user?.login ?? 'unknown'}`,
      `labels: ${labelNames(issue.labels) || '(none)'}`,
      `created: ${issue.created_at}  updated: ${issue.updated_at}  comments: ${issue.comments}`,
      `url: ${issue.html_url}`,
      '',
      issue.body ?? '(no body)',
    ];
    if (args.comments) {
      const all = await listComments(ctx.octokit, repo, args.issue_number);
      for (const c of all.slice(-args.comments)) {
        lines.push(
          '',
          `--- comment ${c.id} by ${c.user?.login ?? 'unknown'} at ${c.created_at}`,
          c.body ?? '',
        );
      }
    }
    return lines.join('\n');
  },
});

export const listIssuesTool = defineTool({
  name: 'list_issues',
  description: 'List issues of a repository (pull requests excluded), newest first.',
  write: false,
  input: {
    ...repoInput,
    state: z.enum(['open', 'closed', 'all']).optional(),
    labels: z.array(z.string().max(100)).max(10).optional().describe('Only issues with all of these labels'),
    since: z.string().max(40).optional().describe('ISO 8601 time: only issues updated at or after it'),
    limit: z.number().int().min(1).max(200).optional().describe('Most issues returned (default 30)'),
  },
  async run(args, ctx) {
    const repo = allowedRepo(ctx, args.owner, args.repo);
    if (args.since !== undefined && Number.isNaN(Date.parse(args.since)))
      throw new TypeError(`since ${JSON.stringify(args.since)} is not an ISO 8601 time`);
    const issues = await listIssues(ctx.octokit, repo, {
      state: args.state ?? 'open',
      ...(args.labels ? { labels: args.labels } : {}),
      ...(args.since ? { since: args.since } : {}),
      limit: args.limit ?? 30,
    });
    if (issues.length === 0) return 'No issues match.';
    return issues
      .map(
        (i) =>
          `#${i.number} [${i.state}] ${i.title}${i.labels.length ? ` (${labelNames(i.labels)})` : ''} — updated ${i.updated_at}`,
      )
      .join('\n');
  },
});

export const addIssueCommentTool = defineTool({
  name: 'add_issue_comment',
  description:
    'Comment on an issue. The text is sanitised (secrets, mentions, commands, closing keywords, unknown links).',
  write: true,
  input: { ...repoInput, issue_number: z.number().int().positive(), body: z.string().min(1).max(60_000) },
  async run(args, ctx) {
    const full = `${args.owner}/${args.repo}`;
    const violations = checkRepo(full, ctx.policy);
    if (violations.length > 0) throw new PolicyViolationError(violations, 'comment');
    const repo = allowedRepo(ctx, args.owner, args.repo);
    const body = sanitizeOutbound(args.body, ctx.limits.allowedLinkHosts);
    if (ctx.policy.dryRun)
      return `dry-run: would comment on ${full}#${args.issue_number} (${body.length} characters):\n${body}`;
    const comment = await addComment(ctx.octokit, repo, args.issue_number, body);
    return `Commented on ${full}#${args.issue_number}: ${comment.html_url}`;
  },
});
