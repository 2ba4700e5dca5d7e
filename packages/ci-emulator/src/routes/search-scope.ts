import type { RequestContext } from '../context';
import { validationFailed } from '../http-error';
import { parseSearchQuery, qualifierValues, type SearchQuery } from '../search-query';
import type { RepoRecord } from '../state/world';

export function queryOf(ctx: RequestContext): SearchQuery {
  const q = ctx.query.get('q');
  if (!q || q.trim() === '') throw validationFailed([{ resource: 'Search', field: 'q', code: 'missing' }]);
  if (q.length > 256)
    throw validationFailed([
      {
        resource: 'Search',
        field: 'q',
        code: 'invalid',
        message: 'The search is longer than 256 characters.',
      },
    ]);
  return parseSearchQuery(q);
}

/** Repositories a query may look at: `repo:` qualifiers, else every visible repository. */
export function searchableRepos(ctx: RequestContext, query: SearchQuery): RepoRecord[] {
  const named = qualifierValues(query, 'repo').map((name) => name.toLowerCase());
  return [...ctx.world.repos.entries()]
    .filter(
      ([key, repo]) =>
        (named.length === 0 || named.includes(key)) && (!repo.private || ctx.login !== undefined),
    )
    .map(([, repo]) => repo);
}
