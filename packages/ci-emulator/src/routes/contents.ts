import { z } from 'zod';
import { type EmulatorResponse, ok, type RequestContext, readBody } from '../context';
import type { TreeEntry } from '../git-objects';
import { HttpError } from '../http-error';
import { gitCommitShape, repoApi, wrappedBase64 } from '../shapes/git';
import { commitFiles, lookupPath, readCommit, readObject, resolveCommitish } from '../state/git';
import type { RepoRecord } from '../state/world';
import { actor, github, type Routes, repoOf } from './common';
import { encodePath } from './search-code';

/** Above 1 MB GitHub returns file metadata with empty content and `encoding: none`. */
const INLINE_LIMIT = 1024 * 1024;

const putFile = z.object({
  message: z.string(),
  content: z.string(),
  sha: z.string().optional(),
  branch: z.string().optional(),
  author: z.object({ name: z.string(), email: z.string(), date: z.string().optional() }).optional(),
  committer: z.object({ name: z.string(), email: z.string(), date: z.string().optional() }).optional(),
});

function entryShape(
  ctx: RequestContext,
  repo: RepoRecord,
  ref: string,
  commit: string,
  path: string,
  entry: TreeEntry,
) {
  const api = repoApi(ctx.urls, repo);
  const object = entry.mode === '160000' ? undefined : readObject(repo, entry.sha);
  const type =
    entry.mode === '040000'
      ? 'dir'
      : entry.mode === '120000'
        ? 'symlink'
        : entry.mode === '160000'
          ? 'submodule'
          : 'file';
  const self = `${api}/contents/${encodePath(path)}?ref=${encodeURIComponent(ref)}`;
  const gitUrl = `${api}/git/${type === 'dir' ? 'trees' : 'blobs'}/${entry.sha}`;
  const html = `${ctx.urls.html}/${repo.owner}/${repo.name}/${type === 'dir' ? 'tree' : 'blob'}/${ref}/${encodePath(path)}`;
  return {
    type,
    size: object?.type === 'blob' ? object.data.length : 0,
    name: entry.name,
    path,
    sha: entry.sha,
    url: self,
    git_url: gitUrl,
    html_url: html,
    download_url:
      type === 'file' ? `${ctx.baseUrl}/_raw/${repo.owner}/${repo.name}/${commit}/${encodePath(path)}` : null,
    _links: { self, git: gitUrl, html },
  };
}

function getContents(ctx: RequestContext): EmulatorResponse {
  const repo = repoOf(ctx);
  const ref = ctx.query.get('ref') ?? repo.defaultBranch;
  const commit = resolveCommitish(repo, ref);
  if (!commit) throw new HttpError(404, `No commit found for the ref ${ref}`);
  const path = (ctx.params.path ?? '').replace(/^\/+|\/+$/g, '');
  const entry = lookupPath(repo, readCommit(repo, commit).tree, path);
  if (!entry) throw new HttpError(404, 'Not Found');
  if (entry.mode === '040000') {
    const object = readObject(repo, entry.sha);
    const entries = object?.type === 'tree' ? object.entries : [];
    return ok(
      entries.map((child) =>
        entryShape(ctx, repo, ref, commit, path ? `${path}/${child.name}` : child.name, child),
      ),
    );
  }
  const shape = entryShape(ctx, repo, ref, commit, path, entry);
  const object = readObject(repo, entry.sha);
  const data = object?.type === 'blob' ? object.data : Buffer.alloc(0);
  if (
    /application\/vnd\.github(\.v3)?\.raw/.test(String(ctx.headers.accept ?? '')) &&
    entry.mode !== '160000'
  ) {
    return {
      status: 200,
      headers: { 'content-type': 'application/vnd.github.raw; charset=utf-8' },
      body: data,
    };
  }
  if (entry.mode === '120000') return ok({ ...shape, target: data.toString('utf8') });
  if (entry.mode === '160000')
    return ok({ ...shape, submodule_git_url: `${ctx.urls.html}/${repo.owner}/${repo.name}.git` });
  const inline = data.length <= INLINE_LIMIT;
  return ok({ ...shape, content: inline ? wrappedBase64(data) : '', encoding: inline ? 'base64' : 'none' });
}

function putContents(ctx: RequestContext): EmulatorResponse {
  const repo = repoOf(ctx);
  const path = (ctx.params.path ?? '').replace(/^\/+|\/+$/g, '');
  const input = readBody(ctx, putFile, 'Contents');
  const branch = input.branch ?? repo.defaultBranch;
  const head = repo.refs.get(`refs/heads/${branch}`);
  if (!head && repo.refs.size > 0) throw new HttpError(404, `Branch ${branch} not found`);
  const existing = head ? lookupPath(repo, readCommit(repo, head).tree, path) : undefined;
  if (existing?.mode === '040000') throw new HttpError(422, `${path} is a directory`);
  if (existing && input.sha === undefined) {
    throw new HttpError(422, 'Invalid request.\n\n"sha" wasn\'t supplied.');
  }
  if (existing && input.sha?.toLowerCase() !== existing.sha)
    throw new HttpError(409, `${path} does not match ${input.sha}`);
  if (!existing && input.sha !== undefined) throw new HttpError(409, `${path} does not match ${input.sha}`);
  const sha = commitFiles(ctx.world, repo, {
    branch,
    files: { [path]: Buffer.from(input.content, 'base64') },
    message: input.message,
    author: input.author ??
      input.committer ?? { name: actor(ctx), email: `${actor(ctx)}@users.noreply.github.com` },
  });
  const commit = readCommit(repo, sha);
  const entry = lookupPath(repo, commit.tree, path)!;
  const { type: _type, ...content } = entryShape(ctx, repo, branch, sha, path, entry);
  return {
    status: existing ? 200 : 201,
    json: { content: { ...content, type: 'file' }, commit: gitCommitShape(ctx.urls, repo, sha, commit) },
  };
}

export function registerContentRoutes(router: Routes): void {
  router.add('GET', '/repos/{owner}/{repo}/contents', github(getContents));
  router.add('GET', '/repos/{owner}/{repo}/contents/{path+}', github(getContents));
  router.add('PUT', '/repos/{owner}/{repo}/contents/{path+}', github(putContents));
  router.add('GET', '/_raw/{owner}/{repo}/{ref}/{path+}', {
    kind: 'download',
    handler: (ctx) => {
      const response = getContents({
        ...ctx,
        query: new URLSearchParams({ ref: ctx.params.ref ?? '' }),
        headers: { accept: 'application/vnd.github.raw' },
      });
      return { ...response, headers: { 'content-type': 'text/plain; charset=utf-8' } };
    },
  });
}
