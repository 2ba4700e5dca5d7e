import { ok, type RequestContext } from '../context';
import { HttpError } from '../http-error';
import { publicUser } from '../shapes/user';
import { ensureUser } from '../state/users';
import { github, type Routes } from './common';

/**
 * Who the token is: `GET /user` and the GraphQL `viewer` query. As on GitHub, an installation
 * token (a GitHub App's, or a workflow's GITHUB_TOKEN; here: a token whose user is a `Bot`) may
 * not call `GET /user` ("Resource not accessible by integration") but may ask `viewer`, which
 * answers `<app-slug>[bot]`. Tools that must know their own login (to trust only their own
 * issues) need both paths.
 *
 * The GraphQL endpoint answers the viewer query only (`{ viewer { login } }`, optionally named,
 * with `databaseId` too); anything else gets a GraphQL error, not a silent empty answer.
 */
export function registerViewerRoutes(router: Routes): void {
  router.add(
    'GET',
    '/user',
    github((ctx) => {
      const user = authenticated(ctx);
      if (user.type === 'Bot') throw new HttpError(403, 'Resource not accessible by integration');
      return ok(publicUser(ctx.urls, user));
    }),
  );

  // A query, not a write: read-only tokens may ask it.
  router.add('POST', '/graphql', { ...github(graphql, 'graphql'), readsOnly: true });
}

function authenticated(ctx: RequestContext) {
  if (ctx.login === undefined) throw new HttpError(401, 'Requires authentication');
  return ensureUser(ctx.world, ctx.login);
}

const VIEWER_QUERY =
  /^\s*(?:query(?:\s+[A-Za-z_]\w*)?\s*)?\{\s*viewer\s*\{\s*((?:login|databaseId)(?:\s*,?\s*(?:login|databaseId))*)\s*\}\s*\}\s*$/;

function graphql(ctx: RequestContext) {
  if (ctx.login === undefined) throw new HttpError(401, 'This endpoint requires you to be authenticated.');
  let query: unknown;
  try {
    query = (JSON.parse(ctx.rawBody.toString('utf8')) as { query?: unknown }).query;
  } catch {
    throw new HttpError(400, 'Problems parsing JSON');
  }
  const match = typeof query === 'string' ? VIEWER_QUERY.exec(query) : null;
  if (!match) {
    return ok({
      errors: [
        {
          message:
            'The Nightshift emulator answers the GraphQL viewer query only ({ viewer { login databaseId } }).',
        },
      ],
    });
  }
  const user = ensureUser(ctx.world, ctx.login);
  const viewer: Record<string, unknown> = {};
  for (const field of match[1]!.split(/[\s,]+/)) viewer[field] = field === 'login' ? user.login : user.id;
  return ok({ data: { viewer } });
}
