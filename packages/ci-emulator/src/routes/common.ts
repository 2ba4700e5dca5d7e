import type { RequestContext, RouteHandler, RouteSpec } from '../context';
import { HttpError } from '../http-error';
import type { Router } from '../router';
import { findRepo } from '../state/repos';
import type { RepoRecord } from '../state/world';

export type Routes = Router<RouteSpec>;

export const github = (handler: RouteHandler, resource: RouteSpec['resource'] = 'core'): RouteSpec => ({
  kind: 'github',
  resource,
  handler,
});

/** The repository named in the URL; private ones are invisible to anonymous callers, as on GitHub. */
export function repoOf(ctx: RequestContext): RepoRecord {
  const repo = findRepo(ctx.world, ctx.params.owner ?? '', ctx.params.repo ?? '');
  if (!repo || (repo.private && ctx.login === undefined)) throw new HttpError(404, 'Not Found');
  return repo;
}

export function actor(ctx: RequestContext): string {
  return ctx.login ?? ctx.world.defaultLogin;
}

/** `since` style timestamps; a malformed value is a 422 like GitHub's. */
export function dateQuery(ctx: RequestContext, name: string): number | undefined {
  const raw = ctx.query.get(name);
  if (raw === null || raw === '') return undefined;
  const time = Date.parse(raw);
  if (Number.isNaN(time)) {
    throw new HttpError(422, 'Validation Failed', {
      errors: [{ resource: 'Search', field: name, code: 'invalid' }],
    });
  }
  return time;
}

export function sortBy<T>(items: T[], key: (item: T) => string | number, direction: 'asc' | 'desc'): T[] {
  const sign = direction === 'asc' ? 1 : -1;
  return [...items].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    return ka < kb ? -sign : ka > kb ? sign : 0;
  });
}
