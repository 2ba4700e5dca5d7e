import { z } from 'zod';
import { isoSeconds } from '../clock';
import { created, intParam, noContent, ok, type RequestContext, readBody } from '../context';
import { HttpError } from '../http-error';
import { paginate } from '../paginate';
import { commentShape } from '../shapes/issue';
import { addComment, commentsOf } from '../state/issues';
import type { CommentRecord, RepoRecord } from '../state/world';
import { actor, dateQuery, github, type Routes, repoOf } from './common';
import { issueOf, touch } from './issues';

const commentBody = z.object({ body: z.string().min(1) });

function commentOf(ctx: RequestContext, repo: RepoRecord): CommentRecord {
  const comment = ctx.world.comments.get(intParam(ctx, 'comment_id'));
  if (!comment || comment.repo !== `${repo.owner}/${repo.name}`.toLowerCase())
    throw new HttpError(404, 'Not Found');
  return comment;
}

function listComments(ctx: RequestContext, repo: RepoRecord, issueNumber?: number) {
  const since = dateQuery(ctx, 'since');
  const comments = commentsOf(ctx.world, repo, issueNumber)
    .filter((comment) => since === undefined || Date.parse(comment.updatedAt) >= since)
    .sort((a, b) => a.id - b.id);
  const page = paginate(ctx, comments);
  return ok(
    page.items.map((comment) => commentShape(ctx.world, ctx.urls, repo, comment)),
    page.headers,
  );
}

export function registerCommentRoutes(router: Routes): void {
  router.add(
    'GET',
    '/repos/{owner}/{repo}/issues/{issue_number}/comments',
    github((ctx) => {
      const repo = repoOf(ctx);
      return listComments(ctx, repo, issueOf(ctx, repo).number);
    }),
  );

  router.add(
    'GET',
    '/repos/{owner}/{repo}/issues/comments',
    github((ctx) => listComments(ctx, repoOf(ctx))),
  );

  router.add(
    'POST',
    '/repos/{owner}/{repo}/issues/{issue_number}/comments',
    github((ctx) => {
      const repo = repoOf(ctx);
      const issue = issueOf(ctx, repo);
      const { body } = readBody(ctx, commentBody, 'IssueComment');
      const comment = addComment(ctx.world, repo, issue, { body, user: actor(ctx) });
      return created(commentShape(ctx.world, ctx.urls, repo, comment));
    }),
  );

  router.add(
    'GET',
    '/repos/{owner}/{repo}/issues/comments/{comment_id}',
    github((ctx) => {
      const repo = repoOf(ctx);
      return ok(commentShape(ctx.world, ctx.urls, repo, commentOf(ctx, repo)));
    }),
  );

  router.add(
    'PATCH',
    '/repos/{owner}/{repo}/issues/comments/{comment_id}',
    github((ctx) => {
      const repo = repoOf(ctx);
      const comment = commentOf(ctx, repo);
      comment.body = readBody(ctx, commentBody, 'IssueComment').body;
      comment.updatedAt = isoSeconds(ctx.world.now());
      const issue = repo.issues.get(comment.issueNumber);
      if (issue) touch(ctx, issue);
      return ok(commentShape(ctx.world, ctx.urls, repo, comment));
    }),
  );

  router.add(
    'DELETE',
    '/repos/{owner}/{repo}/issues/comments/{comment_id}',
    github((ctx) => {
      const repo = repoOf(ctx);
      ctx.world.comments.delete(commentOf(ctx, repo).id);
      return noContent();
    }),
  );
}
