import { z } from 'zod';
import { created, ok, type RequestContext, readBody } from '../context';
import { isSha, type TreeMode } from '../git-objects';
import { HttpError } from '../http-error';
import { gitCommitShape, repoApi, treeEntryShape, wrappedBase64 } from '../shapes/git';
import { nodeId } from '../shapes/urls';
import {
  applyTreeChanges,
  createCommit,
  defaultPerson,
  objectSize,
  readCommit,
  readObject,
  readTree,
  resolveCommitish,
  type TreeChange,
  walkTree,
  writeBlob,
} from '../state/git';
import type { RepoRecord } from '../state/world';
import { github, type Routes, repoOf } from './common';

const person = z.object({ name: z.string(), email: z.string(), date: z.string().optional() });

const createBlob = z.object({ content: z.string(), encoding: z.enum(['utf-8', 'base64']).optional() });

const createTree = z.object({
  base_tree: z.string().optional(),
  tree: z.array(
    z.object({
      path: z.string().min(1),
      mode: z.enum(['100644', '100755', '040000', '160000', '120000']),
      type: z.enum(['blob', 'tree', 'commit']).optional(),
      sha: z.string().nullable().optional(),
      content: z.string().optional(),
    }),
  ),
});

const createCommitBody = z.object({
  message: z.string(),
  tree: z.string(),
  parents: z.array(z.string()).optional(),
  author: person.optional(),
  committer: person.optional(),
});

/** A tree SHA, or a commit SHA / branch / tag whose tree is meant (as GET git/trees accepts). */
function treeOf(repo: RepoRecord, ref: string): string {
  const object = isSha(ref.toLowerCase()) ? readObject(repo, ref) : undefined;
  if (object?.type === 'tree') return ref.toLowerCase();
  if (object?.type === 'commit') return object.tree;
  const commit = resolveCommitish(repo, ref);
  if (!commit) throw new HttpError(404, 'Not Found');
  return readCommit(repo, commit).tree;
}

function getTree(ctx: RequestContext) {
  const repo = repoOf(ctx);
  return ok(treeResponse(ctx, repo, treeOf(repo, ctx.params.tree_sha ?? ''), ctx.query.has('recursive')));
}

function postTree(ctx: RequestContext) {
  const repo = repoOf(ctx);
  const input = readBody(ctx, createTree, 'Tree');
  if (input.base_tree !== undefined && readObject(repo, input.base_tree)?.type !== 'tree') {
    throw new HttpError(422, 'Invalid tree info', {
      errors: [{ resource: 'Tree', field: 'base_tree', code: 'invalid' }],
    });
  }
  const changes: TreeChange[] = input.tree.map((item, index) => {
    const mode = item.mode as TreeMode;
    const expected = mode === '040000' ? 'tree' : mode === '160000' ? 'commit' : 'blob';
    if (item.type !== undefined && item.type !== expected) {
      throw new HttpError(422, `tree.${index}.type must be ${expected} for mode ${mode}`);
    }
    if (item.content !== undefined) {
      if (expected !== 'blob') throw new HttpError(422, `tree.${index}.content is only allowed for blobs`);
      return { path: item.path, mode, sha: writeBlob(repo, item.content) };
    }
    if (item.sha === null) return { path: item.path, mode, sha: null };
    const sha = item.sha?.toLowerCase();
    if (sha === undefined || !isSha(sha))
      throw new HttpError(422, `tree.${index}: give a 40-character sha, content, or sha: null`);
    if (expected !== 'commit' && readObject(repo, sha)?.type !== expected) {
      throw new HttpError(422, `tree.${index}.sha ${sha} is not a valid ${expected}`);
    }
    return { path: item.path, mode, sha };
  });
  const sha = applyTreeChanges(repo, input.base_tree?.toLowerCase(), changes);
  return created(treeResponse(ctx, repo, sha, false));
}

/** GET/POST tree body; recursive listings stop at `limits.treeEntries` and say `truncated`. */
function treeResponse(ctx: RequestContext, repo: RepoRecord, sha: string, recursive: boolean) {
  const entries = recursive
    ? walkTree(repo, sha)
    : readTree(repo, sha).map((entry) => ({ ...entry, path: entry.name }));
  const limit = ctx.limits.treeEntries;
  return {
    sha,
    url: `${repoApi(ctx.urls, repo)}/git/trees/${sha}`,
    tree: entries.slice(0, limit).map((entry) => {
      const object = entry.mode === '160000' ? undefined : readObject(repo, entry.sha);
      return treeEntryShape(ctx.urls, repo, entry, object?.type === 'blob' ? objectSize(object) : undefined);
    }),
    truncated: entries.length > limit,
  };
}

export function registerGitDataRoutes(router: Routes): void {
  router.add('GET', '/repos/{owner}/{repo}/git/trees/{tree_sha}', github(getTree));
  router.add('POST', '/repos/{owner}/{repo}/git/trees', github(postTree));

  router.add(
    'GET',
    '/repos/{owner}/{repo}/git/blobs/{file_sha}',
    github((ctx) => {
      const repo = repoOf(ctx);
      const sha = (ctx.params.file_sha ?? '').toLowerCase();
      const object = readObject(repo, sha);
      if (object?.type !== 'blob') throw new HttpError(404, 'Not Found');
      return ok({
        sha,
        node_id: nodeId('B', sha),
        size: object.data.length,
        url: `${repoApi(ctx.urls, repo)}/git/blobs/${sha}`,
        content: wrappedBase64(object.data),
        encoding: 'base64',
      });
    }),
  );

  router.add(
    'POST',
    '/repos/{owner}/{repo}/git/blobs',
    github((ctx) => {
      const repo = repoOf(ctx);
      const input = readBody(ctx, createBlob, 'Blob');
      const data =
        input.encoding === 'base64'
          ? Buffer.from(input.content, 'base64')
          : Buffer.from(input.content, 'utf8');
      const sha = writeBlob(repo, data);
      return created({ sha, url: `${repoApi(ctx.urls, repo)}/git/blobs/${sha}` });
    }),
  );

  router.add(
    'POST',
    '/repos/{owner}/{repo}/git/commits',
    github((ctx) => {
      const repo = repoOf(ctx);
      const input = readBody(ctx, createCommitBody, 'Commit');
      const author = defaultPerson(ctx.world, input.author);
      const committer = input.committer ? defaultPerson(ctx.world, input.committer) : author;
      const parents = (input.parents ?? []).map((parent) => parent.toLowerCase());
      for (const parent of parents) {
        if (readObject(repo, parent)?.type !== 'commit')
          throw new HttpError(422, `Parent SHA ${parent} does not exist`);
      }
      const sha = createCommit(repo, {
        tree: input.tree.toLowerCase(),
        parents,
        author,
        committer,
        message: input.message,
      });
      return created(gitCommitShape(ctx.urls, repo, sha, readCommit(repo, sha)));
    }),
  );

  router.add(
    'GET',
    '/repos/{owner}/{repo}/git/commits/{commit_sha}',
    github((ctx) => {
      const repo = repoOf(ctx);
      const sha = (ctx.params.commit_sha ?? '').toLowerCase();
      return ok(gitCommitShape(ctx.urls, repo, sha, readCommit(repo, sha)));
    }),
  );
}
