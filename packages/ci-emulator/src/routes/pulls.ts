import { z } from 'zod';
import { created, intParam, ok, type RequestContext, readBody } from '../context';
import { paginate } from '../paginate';
import { pullShape } from '../shapes/pull';
import { addPull, findPull } from '../state/pulls';
import type { IssueRecord, PullRecord } from '../state/world';
import { actor, github, type Routes, repoOf } from './common';

const createPull = z.object({
  title: z.string().min(1),
  head: z.string().min(1),
  base: z.string().min(1),
  body: z.string().nullable().optional(),
  draft: z.boolean().optional(),
  maintainer_can_modify: z.boolean().optional(),
});

type Pull = IssueRecord & { pull: PullRecord };

function listPulls(ctx: RequestContext) {
  const repo = repoOf(ctx);
  const state = ctx.query.get('state') ?? 'open';
  const head = ctx.query.get('head');
  const base = ctx.query.get('base');
  const pulls = [...repo.issues.values()]
    .filter((issue): issue is Pull => issue.pull !== undefined)
    .filter(
      (issue) =>
        (state === 'all' || issue.state === state) &&
        (head === null ||
          `${repo.owner}:${issue.pull.head}`.toLowerCase() === head.toLowerCase() ||
          issue.pull.head === head) &&
        (base === null || issue.pull.base === base),
    )
    .sort((a, b) => (ctx.query.get('direction') === 'asc' ? a.number - b.number : b.number - a.number));
  const page = paginate(ctx, pulls);
  return ok(
    page.items.map((issue) => pullShape(ctx.world, ctx.urls, repo, issue, false)),
    page.headers,
  );
}

export function registerPullRoutes(router: Routes): void {
  router.add('GET', '/repos/{owner}/{repo}/pulls', github(listPulls));
  router.add(
    'POST',
    '/repos/{owner}/{repo}/pulls',
    github((ctx) => {
      const repo = repoOf(ctx);
      const input = readBody(ctx, createPull, 'PullRequest');
      const issue = addPull(ctx.world, repo, {
        title: input.title,
        head: input.head,
        base: input.base,
        body: input.body ?? null,
        draft: input.draft ?? false,
        user: actor(ctx),
        maintainerCanModify: input.maintainer_can_modify ?? false,
      }) as Pull;
      return created(pullShape(ctx.world, ctx.urls, repo, issue, true));
    }),
  );
  router.add(
    'GET',
    '/repos/{owner}/{repo}/pulls/{pull_number}',
    github((ctx) => {
      const repo = repoOf(ctx);
      const issue = findPull(repo, intParam(ctx, 'pull_number')) as Pull;
      return ok(pullShape(ctx.world, ctx.urls, repo, issue, true));
    }),
  );
}
