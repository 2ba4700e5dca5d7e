import { z } from 'zod';
import { isoSeconds } from '../clock';
import { created, intParam, ok, type RequestContext, readBody } from '../context';
import { HttpError } from '../http-error';
import { paginate } from '../paginate';
import { issueShape } from '../shapes/issue';
import { addIssue, attachLabels, setIssueState } from '../state/issues';
import type { IssueRecord, RepoRecord } from '../state/world';
import { actor, dateQuery, github, type Routes, repoOf, sortBy } from './common';

const labelList = z
  .array(z.union([z.string(), z.object({ name: z.string() })]))
  .transform((labels) => labels.map((label) => (typeof label === 'string' ? label : label.name)));

const createIssue = z.object({
  title: z.union([z.string().min(1), z.number()]).transform(String),
  body: z.string().nullable().optional(),
  labels: labelList.optional(),
  assignees: z.array(z.string()).optional(),
  assignee: z.string().nullable().optional(),
});

const updateIssue = z.object({
  title: z.union([z.string(), z.number()]).transform(String).optional(),
  body: z.string().nullable().optional(),
  state: z.enum(['open', 'closed']).optional(),
  state_reason: z.enum(['completed', 'not_planned', 'reopened', 'duplicate']).nullable().optional(),
  labels: labelList.optional(),
  assignees: z.array(z.string()).optional(),
});

export function issueOf(ctx: RequestContext, repo: RepoRecord): IssueRecord {
  const issue = repo.issues.get(intParam(ctx, 'issue_number'));
  if (!issue) throw new HttpError(404, 'Not Found');
  return issue;
}

export function touch(ctx: RequestContext, issue: IssueRecord): void {
  issue.updatedAt = isoSeconds(ctx.world.now());
}

function listIssues(ctx: RequestContext) {
  const repo = repoOf(ctx);
  const state = ctx.query.get('state') ?? 'open';
  const labels = (ctx.query.get('labels') ?? '')
    .split(',')
    .map((label) => label.trim().toLowerCase())
    .filter((label) => label !== '');
  const creator = ctx.query.get('creator')?.toLowerCase();
  const since = dateQuery(ctx, 'since');
  const sort = ctx.query.get('sort') ?? 'created';
  const direction = ctx.query.get('direction') === 'asc' ? 'asc' : 'desc';
  const matching = [...repo.issues.values()].filter(
    (issue) =>
      (state === 'all' || issue.state === state) &&
      labels.every((label) => issue.labels.some((name) => name.toLowerCase() === label)) &&
      (creator === undefined || issue.user.toLowerCase() === creator) &&
      (since === undefined || Date.parse(issue.updatedAt) >= since),
  );
  const commentCount = (issue: IssueRecord) =>
    [...ctx.world.comments.values()].filter(
      (c) => c.issueNumber === issue.number && c.repo === `${repo.owner}/${repo.name}`.toLowerCase(),
    ).length;
  const key = (issue: IssueRecord): string | number =>
    sort === 'updated' ? issue.updatedAt : sort === 'comments' ? commentCount(issue) : issue.number;
  const page = paginate(ctx, sortBy(matching, key, direction));
  return ok(
    page.items.map((issue) => issueShape(ctx.world, ctx.urls, repo, issue)),
    page.headers,
  );
}

export function registerIssueRoutes(router: Routes): void {
  router.add('GET', '/repos/{owner}/{repo}/issues', github(listIssues));

  router.add(
    'POST',
    '/repos/{owner}/{repo}/issues',
    github((ctx) => {
      const repo = repoOf(ctx);
      const input = readBody(ctx, createIssue, 'Issue');
      const assignees = input.assignees ?? (input.assignee ? [input.assignee] : []);
      const issue = addIssue(ctx.world, repo, {
        title: input.title,
        body: input.body ?? null,
        user: actor(ctx),
        labels: input.labels ?? [],
        assignees,
      });
      return created(issueShape(ctx.world, ctx.urls, repo, issue));
    }),
  );

  router.add(
    'GET',
    '/repos/{owner}/{repo}/issues/{issue_number}',
    github((ctx) => {
      const repo = repoOf(ctx);
      return ok(issueShape(ctx.world, ctx.urls, repo, issueOf(ctx, repo)));
    }),
  );

  router.add(
    'PATCH',
    '/repos/{owner}/{repo}/issues/{issue_number}',
    github((ctx) => {
      const repo = repoOf(ctx);
      const issue = issueOf(ctx, repo);
      const input = readBody(ctx, updateIssue, 'Issue');
      if (input.title !== undefined) issue.title = input.title;
      if (input.body !== undefined) issue.body = input.body;
      if (input.state !== undefined || input.state_reason !== undefined) {
        setIssueState(
          ctx.world,
          issue,
          input.state ?? issue.state,
          input.state_reason ?? undefined,
          actor(ctx),
        );
      }
      if (input.labels !== undefined) {
        issue.labels = [];
        attachLabels(ctx.world, repo, issue, input.labels);
      }
      if (input.assignees !== undefined) issue.assignees = input.assignees;
      touch(ctx, issue);
      return ok(issueShape(ctx.world, ctx.urls, repo, issue));
    }),
  );
}
