import { z } from 'zod';
import { created, ok, type RequestContext, readBody } from '../context';
import { HttpError, validationFailed } from '../http-error';
import { paginate } from '../paginate';
import { labelShape } from '../shapes/issue';
import { addLabel, attachLabels } from '../state/issues';
import type { IssueRecord, LabelRecord, RepoRecord } from '../state/world';
import { github, type Routes, repoOf } from './common';
import { issueOf, touch } from './issues';

const names = z
  .union([z.string(), z.object({ name: z.string() })])
  .transform((label) => (typeof label === 'string' ? label : label.name));
/** Octokit sends `{ labels: [...] }`; GitHub also accepts a bare array. */
const labelsBody = z.union([
  z.object({ labels: z.array(names) }),
  z.array(names).transform((labels) => ({ labels })),
]);

const createLabel = z.object({
  name: z.string().min(1),
  color: z
    .string()
    .regex(/^#?[0-9a-fA-F]{6}$/)
    .optional(),
  description: z.string().max(100).nullable().optional(),
});

function issueLabels(ctx: RequestContext, repo: RepoRecord, issue: IssueRecord) {
  return issue.labels
    .map((name) => repo.labels.get(name.toLowerCase()))
    .filter((label): label is LabelRecord => label !== undefined)
    .map((label) => labelShape(ctx.urls, repo, label));
}

export function registerLabelRoutes(router: Routes): void {
  router.add(
    'GET',
    '/repos/{owner}/{repo}/labels',
    github((ctx) => {
      const repo = repoOf(ctx);
      const page = paginate(
        ctx,
        [...repo.labels.values()].sort((a, b) => a.name.localeCompare(b.name)),
      );
      return ok(
        page.items.map((label) => labelShape(ctx.urls, repo, label)),
        page.headers,
      );
    }),
  );

  router.add(
    'POST',
    '/repos/{owner}/{repo}/labels',
    github((ctx) => {
      const repo = repoOf(ctx);
      const input = readBody(ctx, createLabel, 'Label');
      if (repo.labels.has(input.name.toLowerCase())) {
        throw validationFailed([{ resource: 'Label', code: 'already_exists', field: 'name' }]);
      }
      const label = addLabel(ctx.world, repo, {
        name: input.name,
        color: input.color ?? 'ededed',
        description: input.description ?? null,
      });
      return created(labelShape(ctx.urls, repo, label));
    }),
  );

  router.add(
    'GET',
    '/repos/{owner}/{repo}/labels/{name}',
    github((ctx) => {
      const repo = repoOf(ctx);
      const label = repo.labels.get((ctx.params.name ?? '').toLowerCase());
      if (!label) throw new HttpError(404, 'Not Found');
      return ok(labelShape(ctx.urls, repo, label));
    }),
  );

  router.add(
    'GET',
    '/repos/{owner}/{repo}/issues/{issue_number}/labels',
    github((ctx) => {
      const repo = repoOf(ctx);
      const page = paginate(ctx, issueLabels(ctx, repo, issueOf(ctx, repo)));
      return ok(page.items, page.headers);
    }),
  );

  for (const method of ['POST', 'PUT'] as const) {
    router.add(
      method,
      '/repos/{owner}/{repo}/issues/{issue_number}/labels',
      github((ctx) => {
        const repo = repoOf(ctx);
        const issue = issueOf(ctx, repo);
        const { labels } = readBody(ctx, labelsBody, 'Label');
        if (method === 'PUT') issue.labels = [];
        attachLabels(ctx.world, repo, issue, labels);
        touch(ctx, issue);
        return ok(issueLabels(ctx, repo, issue));
      }),
    );
  }

  router.add(
    'DELETE',
    '/repos/{owner}/{repo}/issues/{issue_number}/labels/{name}',
    github((ctx) => {
      const repo = repoOf(ctx);
      const issue = issueOf(ctx, repo);
      const name = (ctx.params.name ?? '').toLowerCase();
      const before = issue.labels.length;
      issue.labels = issue.labels.filter((label) => label.toLowerCase() !== name);
      if (issue.labels.length === before) throw new HttpError(404, 'Label does not exist');
      touch(ctx, issue);
      return ok(issueLabels(ctx, repo, issue));
    }),
  );
}
