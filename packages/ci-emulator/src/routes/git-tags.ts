import { z } from 'zod';
import { created, ok, readBody } from '../context';
import type { TagData } from '../git-objects';
import { HttpError } from '../http-error';
import { gitTagShape } from '../shapes/git';
import { createTag, defaultPerson, readObject } from '../state/git';
import { github, type Routes, repoOf } from './common';

const createTagBody = z.object({
  tag: z.string().min(1),
  message: z.string(),
  object: z.string(),
  // As GitHub documents: a tag of a tag comes only from a git push (state.addAnnotatedTag).
  type: z.enum(['commit', 'tree', 'blob']),
  tagger: z.object({ name: z.string(), email: z.string(), date: z.string().optional() }).optional(),
});

/**
 * Annotated tag objects (Git Data API): created as on GitHub — `POST …/git/tags` writes the object,
 * and a `refs/tags/<name>` ref pointing at it (`POST …/git/refs`) makes it a tag — and read with
 * `GET …/git/tags/{sha}`. A ref to a tag object reports `object.type: "tag"`, so clients must peel it.
 */
export function registerGitTagRoutes(router: Routes): void {
  router.add(
    'POST',
    '/repos/{owner}/{repo}/git/tags',
    github((ctx) => {
      const repo = repoOf(ctx);
      const input = readBody(ctx, createTagBody, 'Tag');
      const data: TagData = {
        object: input.object.toLowerCase(),
        objectType: input.type,
        tag: input.tag,
        tagger: defaultPerson(ctx.world, input.tagger),
        message: input.message,
      };
      const sha = createTag(repo, data);
      return created(gitTagShape(ctx.urls, repo, sha, data));
    }),
  );

  router.add(
    'GET',
    '/repos/{owner}/{repo}/git/tags/{tag_sha}',
    github((ctx) => {
      const repo = repoOf(ctx);
      const sha = (ctx.params.tag_sha ?? '').toLowerCase();
      const object = readObject(repo, sha);
      if (object?.type !== 'tag') throw new HttpError(404, 'Not Found');
      return ok(gitTagShape(ctx.urls, repo, sha, object));
    }),
  );
}
