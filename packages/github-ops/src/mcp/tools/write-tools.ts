import { z } from 'zod';
import { getFileContents } from '../../contents/file-contents';
import { resolveCommit } from '../../contents/resolve-ref';
import { ConflictError, GitHubError } from '../../errors/github-error';
import { PolicyViolationError } from '../../errors/policy-violation-error';
import { commitFiles } from '../../git/commit-files';
import { createBranch } from '../../git/create-branch';
import type { DryRunResult } from '../../git/write-result';
import { evaluateWritePlan } from '../../policy/evaluate-write-plan';
import { createPullRequest } from '../../pulls/create-pull-request';
import { linkIssues, parseIssueLink } from '../../pulls/link-issues';
import { sanitizeOutbound } from '../sanitize';
import { allowedRepo, defineTool } from '../tool-context';
import { repoInput } from './common-input';

function describeDryRun(result: DryRunResult): string {
  return `dry-run: nothing was written. Planned operations:\n${JSON.stringify(result.operations, null, 2)}`;
}

export const createBranchTool = defineTool({
  name: 'create_branch',
  description:
    'Create a new branch from another branch (default: the default branch). Existing branches are never overwritten.',
  write: true,
  input: {
    ...repoInput,
    branch: z.string().min(1).max(200),
    from_branch: z.string().min(1).max(255).optional(),
  },
  async run(args, ctx) {
    const repo = allowedRepo(ctx, args.owner, args.repo);
    const base = await resolveCommit(ctx.octokit, repo, args.from_branch);
    const result = await createBranch(
      ctx.octokit,
      { repo: `${repo.owner}/${repo.repo}`, branch: args.branch, fromSha: base.sha },
      { policy: ctx.policy },
    );
    if (result.dryRun) return describeDryRun(result);
    return `Created ${result.ref} at ${result.sha}`;
  },
});

export const createOrUpdateFileTool = defineTool({
  name: 'create_or_update_file',
  description:
    'Commit one file (UTF-8 text) to an existing, non-protected branch. Give sha (the blob SHA you read) when updating, so a concurrent change is detected.',
  write: true,
  input: {
    ...repoInput,
    path: z.string().min(1).max(4096),
    content: z.string().max(4 * 1024 * 1024),
    message: z.string().min(1).max(10_000),
    branch: z.string().min(1).max(200),
    sha: z
      .string()
      .regex(/^[0-9a-f]{40}$/i)
      .optional(),
  },
  async run(args, ctx) {
    const repo = allowedRepo(ctx, args.owner, args.repo);
    const full = `${repo.owner}/${repo.repo}`;
    const plan = {
      repo: full,
      branch: args.branch,
      message: args.message,
      files: [{ path: args.path, content: args.content }],
    };
    if (args.sha && !ctx.policy.dryRun) {
      const current = await getFileContents(ctx.octokit, repo, args.path, { ref: args.branch }).catch(
        (error: unknown) => {
          if (GitHubError.isInstance(error) && error.kind === 'not-found') return null;
          throw error;
        },
      );
      const currentSha = current && 'sha' in current ? current.sha : null;
      if (currentSha !== args.sha.toLowerCase()) {
        throw new ConflictError(
          `${full}:${args.path} on ${args.branch} is ${currentSha ?? 'absent'}, not ${args.sha}; re-read it first`,
        );
      }
    }
    const result = await commitFiles(ctx.octokit, plan, { policy: ctx.policy });
    if (result.dryRun) return describeDryRun(result);
    return `Committed ${args.path} to ${args.branch}: ${result.commitSha}`;
  },
});

export const createPullRequestTool = defineTool({
  name: 'create_pull_request',
  description:
    'Open a DRAFT pull request from head into base. Link issues with "Refs #N" (closing keywords are refused).',
  write: true,
  input: {
    ...repoInput,
    title: z.string().min(1).max(256),
    body: z.string().max(60_000),
    head: z.string().min(1).max(200),
    base: z.string().min(1).max(200),
    draft: z
      .boolean()
      .optional()
      .describe('Must be true (the default) unless the policy allows ready pull requests'),
  },
  async run(args, ctx) {
    allowedRepo(ctx, args.owner, args.repo);
    const full = `${args.owner}/${args.repo}`;
    const draft = args.draft ?? true;
    // Judge what the model wrote (so "Fixes #1" is refused and it learns why), then post the
    // sanitised text (which would have neutralised it silently).
    const decision = evaluateWritePlan(
      {
        repo: full,
        branch: args.head,
        pullRequest: { title: args.title, body: args.body, base: args.base, draft },
      },
      ctx.policy,
    );
    if (!decision.allowed) throw new PolicyViolationError(decision.violations, 'pull request');
    const result = await createPullRequest(
      ctx.octokit,
      {
        repo: full,
        head: args.head,
        base: args.base,
        title: args.title,
        body: sanitizeOutbound(args.body, ctx.limits.allowedLinkHosts),
        draft,
      },
      { policy: ctx.policy },
    );
    if (result.dryRun) return describeDryRun(result);
    const pr = result.pullRequest;
    return `Opened ${pr.draft ? 'draft ' : ''}pull request #${pr.number}: ${pr.html_url}`;
  },
});

export const linkIssuesTool = defineTool({
  name: 'link_issues',
  description:
    'Link a pull request to issues or other pull requests ("#3", "owner/name#4") with "Refs" lines in its body.',
  write: true,
  input: {
    ...repoInput,
    pull_number: z.number().int().positive(),
    issues: z.array(z.string().max(220)).min(1).max(20),
  },
  async run(args, ctx) {
    allowedRepo(ctx, args.owner, args.repo);
    const links = args.issues.map(parseIssueLink);
    const result = await linkIssues(
      ctx.octokit,
      { repo: `${args.owner}/${args.repo}`, pullNumber: args.pull_number, issues: links },
      { policy: ctx.policy },
    );
    if (result.dryRun)
      return `dry-run: would set the links section of #${args.pull_number} to:\n${result.links}`;
    return result.changed
      ? `Linked #${args.pull_number}:\n${result.body}`
      : `#${args.pull_number} already has these links.`;
  },
});
