import { z } from 'zod';
import { created, noContent, ok, type RequestContext, readBody } from '../context';
import { isSha } from '../git-objects';
import { HttpError } from '../http-error';
import { commitShape, refShape, repoApi } from '../shapes/git';
import { isAncestor, readCommit, readObject, resolveCommitish } from '../state/git';
import type { RepoRecord } from '../state/world';
import { github, type Routes, repoOf } from './common';

const createRef = z.object({ ref: z.string(), sha: z.string() });
const updateRef = z.object({ sha: z.string(), force: z.boolean().optional() });

function fullRef(ctx: RequestContext): string {
  return `refs/${(ctx.params.ref ?? '').replace(/^refs\//, '')}`;
}

function refResponse(ctx: RequestContext, repo: RepoRecord, ref: string) {
  const sha = repo.refs.get(ref)!;
  return refShape(ctx.urls, repo, ref, sha, readObject(repo, sha));
}

function existingObject(repo: RepoRecord, sha: string): string {
  const lower = sha.toLowerCase();
  if (!isSha(lower) || !readObject(repo, lower)) throw new HttpError(422, 'Object does not exist');
  return lower;
}

export function registerRefRoutes(router: Routes): void {
  router.add(
    'GET',
    '/repos/{owner}/{repo}/git/ref/{ref+}',
    github((ctx) => {
      const repo = repoOf(ctx);
      const ref = fullRef(ctx);
      if (!repo.refs.has(ref)) throw new HttpError(404, 'Not Found');
      return ok(refResponse(ctx, repo, ref));
    }),
  );

  router.add(
    'GET',
    '/repos/{owner}/{repo}/git/matching-refs/{ref+}',
    github((ctx) => {
      const repo = repoOf(ctx);
      const prefix = fullRef(ctx);
      const refs = [...repo.refs.keys()].filter((ref) => ref.startsWith(prefix)).sort();
      return ok(refs.map((ref) => refResponse(ctx, repo, ref)));
    }),
  );

  router.add(
    'POST',
    '/repos/{owner}/{repo}/git/refs',
    github((ctx) => {
      const repo = repoOf(ctx);
      const input = readBody(ctx, createRef, 'Reference');
      if (!/^refs\/[^/]+\/.+/.test(input.ref) || /(\.\.|\/\/|[\s~^:?*[\\]|\/$|\.lock$)/.test(input.ref)) {
        throw new HttpError(422, 'Reference name is invalid');
      }
      if (repo.refs.has(input.ref)) throw new HttpError(422, 'Reference already exists');
      repo.refs.set(input.ref, existingObject(repo, input.sha));
      return created(refResponse(ctx, repo, input.ref));
    }),
  );

  router.add(
    'PATCH',
    '/repos/{owner}/{repo}/git/refs/{ref+}',
    github((ctx) => {
      const repo = repoOf(ctx);
      const ref = fullRef(ctx);
      const input = readBody(ctx, updateRef, 'Reference');
      const current = repo.refs.get(ref);
      if (!current) throw new HttpError(422, 'Reference does not exist');
      const next = existingObject(repo, input.sha);
      if (!input.force && !isAncestor(repo, current, next))
        throw new HttpError(422, 'Update is not a fast forward');
      repo.refs.set(ref, next);
      return ok(refResponse(ctx, repo, ref));
    }),
  );

  router.add(
    'DELETE',
    '/repos/{owner}/{repo}/git/refs/{ref+}',
    github((ctx) => {
      const repo = repoOf(ctx);
      if (!repo.refs.delete(fullRef(ctx))) throw new HttpError(422, 'Reference does not exist');
      return noContent();
    }),
  );

  router.add(
    'GET',
    '/repos/{owner}/{repo}/branches/{branch+}',
    github((ctx) => {
      const repo = repoOf(ctx);
      const name = ctx.params.branch ?? '';
      const sha = repo.refs.get(`refs/heads/${name}`);
      if (!sha) throw new HttpError(404, 'Branch not found');
      const api = repoApi(ctx.urls, repo);
      return ok({
        name,
        commit: commitShape(ctx.urls, repo, sha, readCommit(repo, sha)),
        _links: {
          html: `${ctx.urls.html}/${repo.owner}/${repo.name}/tree/${name}`,
          self: `${api}/branches/${name}`,
        },
        protected: false,
        protection: {
          enabled: false,
          required_status_checks: { enforcement_level: 'off', contexts: [], checks: [] },
        },
        protection_url: `${api}/branches/${name}/protection`,
      });
    }),
  );

  router.add(
    'GET',
    '/repos/{owner}/{repo}/commits/{ref+}',
    github((ctx) => {
      const repo = repoOf(ctx);
      const sha = resolveCommitish(repo, ctx.params.ref);
      if (!sha) throw new HttpError(422, `No commit found for SHA: ${ctx.params.ref}`);
      return ok(commitShape(ctx.urls, repo, sha, readCommit(repo, sha)));
    }),
  );
}
