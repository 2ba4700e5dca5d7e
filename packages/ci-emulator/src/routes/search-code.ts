import { ok, type RequestContext } from '../context';
import { paginate } from '../paginate';
import { containsAll, qualifierValues, type SearchQuery } from '../search-query';
import { minimalRepoShape } from '../shapes/repo';
import { readCommit, readObject, resolveCommitish, walkTree } from '../state/git';
import type { RepoRecord } from '../state/world';
import { searchableRepos } from './search-scope';

interface Hit {
  repo: RepoRecord;
  commit: string;
  path: string;
  sha: string;
  text: string;
}

/** Files larger than this are not indexed, like GitHub's 384 KB code-search limit. */
const MAX_INDEXED_BYTES = 384 * 1024;

function pathMatches(path: string, query: SearchQuery): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const paths = qualifierValues(query, 'path').map((p) => p.replace(/^\/+|\/+$/g, ''));
  const extensions = qualifierValues(query, 'extension').map((e) => e.replace(/^\./, ''));
  const filenames = qualifierValues(query, 'filename');
  return (
    paths.every((p) => path === p || path.startsWith(`${p}/`) || path.includes(`/${p}/`)) &&
    extensions.every((e) => name.endsWith(`.${e}`)) &&
    filenames.every((f) => name === f)
  );
}

/** Default-branch files whose text contains every term and whose path fits the qualifiers. */
export function searchCode(ctx: RequestContext, query: SearchQuery) {
  const hits: Hit[] = [];
  for (const repo of searchableRepos(ctx, query)) {
    const commit = resolveCommitish(repo, undefined);
    if (!commit) continue;
    for (const entry of walkTree(repo, readCommit(repo, commit).tree)) {
      if (entry.mode === '040000' || entry.mode === '160000' || !pathMatches(entry.path, query)) continue;
      const object = readObject(repo, entry.sha);
      if (object?.type !== 'blob' || object.data.length > MAX_INDEXED_BYTES || object.data.includes(0))
        continue;
      const text = object.data.toString('utf8');
      if (containsAll(`${text}\n${entry.path}`, query.terms))
        hits.push({ repo, commit, path: entry.path, sha: entry.sha, text });
    }
  }
  const withMatches = /text-match/.test(String(ctx.headers.accept ?? ''));
  const page = paginate(ctx, hits);
  return ok(
    {
      total_count: hits.length,
      incomplete_results: false,
      items: page.items.map((hit) => {
        const full = `${hit.repo.owner}/${hit.repo.name}`;
        const api = `${ctx.urls.api}/repos/${full}`;
        const item: Record<string, unknown> = {
          name: hit.path.slice(hit.path.lastIndexOf('/') + 1),
          path: hit.path,
          sha: hit.sha,
          url: `${api}/contents/${encodePath(hit.path)}?ref=${hit.commit}`,
          git_url: `${api}/git/blobs/${hit.sha}`,
          html_url: `${ctx.urls.html}/${full}/blob/${hit.commit}/${encodePath(hit.path)}`,
          repository: minimalRepoShape(ctx.world, ctx.urls, hit.repo),
          score: 1,
        };
        if (withMatches)
          item.text_matches = textMatches(hit, query.terms, `${api}/contents/${encodePath(hit.path)}`);
        return item;
      }),
    },
    page.headers,
  );
}

function textMatches(hit: Hit, terms: string[], objectUrl: string) {
  const lower = hit.text.toLowerCase();
  return terms.flatMap((term) => {
    const at = lower.indexOf(term.toLowerCase());
    if (at === -1) return [];
    const start = Math.max(0, hit.text.lastIndexOf('\n', at) + 1);
    const endLine = hit.text.indexOf('\n', at + term.length);
    const fragment = hit.text.slice(start, endLine === -1 ? undefined : endLine);
    return [
      {
        object_url: objectUrl,
        object_type: 'FileContent',
        property: 'content',
        fragment,
        matches: [
          { text: hit.text.slice(at, at + term.length), indices: [at - start, at - start + term.length] },
        ],
      },
    ];
  });
}

export function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}
