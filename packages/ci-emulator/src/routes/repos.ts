import { ok, type RequestContext } from '../context';
import { HttpError } from '../http-error';
import type { RateStatus } from '../rate-limit';
import { repoShape } from '../shapes/repo';
import { legacyPermission, permissionFlags, publicUser, simpleUser } from '../shapes/user';
import { permissionOf } from '../state/users';
import { github, type Routes, repoOf } from './common';

export function registerRepoRoutes(router: Routes): void {
  router.add(
    'GET',
    '/repos/{owner}/{repo}',
    github((ctx) => ok(repoShape(ctx.world, ctx.urls, repoOf(ctx)))),
  );

  router.add(
    'GET',
    '/users/{username}',
    github((ctx) => {
      const user = ctx.world.users.get((ctx.params.username ?? '').toLowerCase());
      if (!user) throw new HttpError(404, 'Not Found');
      return ok(publicUser(ctx.urls, user));
    }),
  );

  router.add(
    'GET',
    '/repos/{owner}/{repo}/collaborators/{username}/permission',
    github((ctx) => {
      const repo = repoOf(ctx);
      const user = ctx.world.users.get((ctx.params.username ?? '').toLowerCase());
      if (!user) throw new HttpError(404, 'Not Found');
      const permission = permissionOf(ctx.world, `${repo.owner}/${repo.name}`, user.login);
      return ok({
        permission: legacyPermission(permission),
        role_name: permission,
        user: {
          ...simpleUser(ctx.urls, user),
          permissions: permissionFlags(permission),
          role_name: permission,
        },
      });
    }),
  );

  router.add('GET', '/rate_limit', { ...github(rateLimit), free: true });
}

function rateLimit(ctx: RequestContext) {
  const entry = ({ limit, used, remaining, reset }: RateStatus) => ({ limit, used, remaining, reset });
  const core = entry(ctx.rate('core'));
  return ok({
    resources: {
      core,
      search: entry(ctx.rate('search')),
      code_search: entry(ctx.rate('code_search')),
      graphql: entry(ctx.rate('graphql')),
    },
    rate: core,
  });
}
