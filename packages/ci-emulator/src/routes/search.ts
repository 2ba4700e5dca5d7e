import { ok, type RequestContext } from '../context';
import { HttpError } from '../http-error';
import { paginate } from '../paginate';
import { containsAll, qualifierValues, type SearchQuery } from '../search-query';
import { issueShape } from '../shapes/issue';
import { commentsOf } from '../state/issues';
import type { IssueRecord, RepoRecord } from '../state/world';
import { github, type Routes, sortBy } from './common';
import { searchCode } from './search-code';
import { queryOf, searchableRepos } from './search-scope';

/** Search results are capped at 1,000 items, as on GitHub. */
const MAX_RESULTS = 1000;

function matchesIssue(
  ctx: RequestContext,
  repo: RepoRecord,
  issue: IssueRecord,
  query: SearchQuery,
): boolean {
  for (const { key, value, negated } of query.qualifiers) {
    const v = value.toLowerCase();
    let hit: boolean;
    if (key === 'is' || key === 'type' || key === 'state') {
      if (v === 'issue') hit = !issue.pull;
      else if (v === 'pr' || v === 'pull-request') hit = issue.pull !== undefined;
      else if (v === 'open' || v === 'closed') hit = issue.state === v;
      else continue;
    } else if (key === 'label') {
      hit = issue.labels.some((label) => label.toLowerCase() === v);
    } else if (key === 'author') {
      hit = issue.user.toLowerCase() === v;
    } else {
      continue;
    }
    if (hit === negated) return false;
  }
  if (query.terms.length === 0) return true;
  const scopes = qualifierValues(query, 'in').flatMap((scope) => scope.toLowerCase().split(','));
  const all = scopes.length === 0;
  const texts: string[] = [];
  if (all || scopes.includes('title')) texts.push(issue.title);
  if (all || scopes.includes('body')) texts.push(issue.body ?? '');
  if (all || scopes.includes('comments')) {
    texts.push(...commentsOf(ctx.world, repo, issue.number).map((comment) => comment.body));
  }
  return containsAll(texts.join('\n'), query.terms);
}

function searchIssues(ctx: RequestContext) {
  const query = queryOf(ctx);
  const found: Array<{ repo: RepoRecord; issue: IssueRecord }> = [];
  for (const repo of searchableRepos(ctx, query)) {
    for (const issue of repo.issues.values())
      if (matchesIssue(ctx, repo, issue, query)) found.push({ repo, issue });
  }
  const sort = ctx.query.get('sort');
  const order = ctx.query.get('order') === 'asc' ? 'asc' : 'desc';
  const key = ({ repo, issue }: { repo: RepoRecord; issue: IssueRecord }): string | number =>
    sort === 'updated'
      ? issue.updatedAt
      : sort === 'comments'
        ? commentsOf(ctx.world, repo, issue.number).length
        : `${issue.createdAt}#${String(issue.id).padStart(12, '0')}`;
  const sorted = sortBy(found, key, order);
  const page = paginate(ctx, sorted.slice(0, MAX_RESULTS));
  return ok(
    {
      total_count: sorted.length,
      incomplete_results: false,
      search_type: 'lexical',
      items: page.items.map(({ repo, issue }) => ({
        ...issueShape(ctx.world, ctx.urls, repo, issue),
        score: 1,
      })),
    },
    page.headers,
  );
}

export function registerSearchRoutes(router: Routes): void {
  router.add('GET', '/search/issues', github(searchIssues, 'search'));
  router.add(
    'GET',
    '/search/code',
    github((ctx) => {
      if (ctx.login === undefined) throw new HttpError(401, 'Requires authentication');
      return searchCode(ctx, queryOf(ctx));
    }, 'code_search'),
  );
}
