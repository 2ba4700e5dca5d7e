import { type EmulatorResponse, intParam, ok, type RequestContext } from '../context';
import { HttpError } from '../http-error';
import { paginate } from '../paginate';
import { buildRunLogsZip } from '../run-logs-zip';
import { artifactShape, jobShape } from '../shapes/actions';
import { inRepo, jobLogText } from '../state/actions';
import { createDownload } from '../state/downloads';
import type { JobRecord, RepoRecord, RunRecord } from '../state/world';
import { attemptOf, runOf } from './actions-runs';
import { github, type Routes, repoOf } from './common';

/** Like GitHub: the API answers 302 to a short-lived storage URL instead of the bytes. */
function redirectTo(ctx: RequestContext, data: Buffer, contentType: string): EmulatorResponse {
  const token = createDownload(ctx.world, data, contentType, ctx.limits.downloadTtlSeconds);
  return { status: 302, headers: { location: `${ctx.baseUrl}/_downloads/${token}` } };
}

const gone = () => new HttpError(410, 'Gone');

function listJobs(ctx: RequestContext, repo: RepoRecord, run: RunRecord, attempt?: number) {
  const filter = ctx.query.get('filter') ?? 'latest';
  if (filter !== 'latest' && filter !== 'all') throw new HttpError(422, `Invalid filter: ${filter}`);
  const latest = run.attempts.length;
  const jobs = [...ctx.world.jobs.values()].filter(
    (job) =>
      job.runId === run.id &&
      (attempt !== undefined ? job.runAttempt === attempt : filter === 'all' || job.runAttempt === latest),
  );
  const page = paginate(ctx, jobs);
  return ok(
    { total_count: jobs.length, jobs: page.items.map((job) => jobShape(ctx.world, ctx.urls, repo, job)) },
    page.headers,
  );
}

async function runLogs(ctx: RequestContext, run: RunRecord, attempt: number) {
  if (run.logsExpired) throw gone();
  const jobs: JobRecord[] = [...ctx.world.jobs.values()].filter(
    (job) => job.runId === run.id && job.runAttempt === attempt,
  );
  return redirectTo(ctx, await buildRunLogsZip(jobs), 'application/zip');
}

export function registerJobRoutes(router: Routes): void {
  router.add(
    'GET',
    '/repos/{owner}/{repo}/actions/runs/{run_id}/jobs',
    github((ctx) => {
      const repo = repoOf(ctx);
      return listJobs(ctx, repo, runOf(ctx, repo));
    }),
  );
  router.add(
    'GET',
    '/repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}/jobs',
    github((ctx) => {
      const repo = repoOf(ctx);
      const run = runOf(ctx, repo);
      return listJobs(ctx, repo, run, attemptOf(ctx, run).attempt);
    }),
  );
  router.add(
    'GET',
    '/repos/{owner}/{repo}/actions/jobs/{job_id}',
    github((ctx) => {
      const repo = repoOf(ctx);
      return ok(
        jobShape(ctx.world, ctx.urls, repo, inRepo(ctx.world.jobs.get(intParam(ctx, 'job_id')), repo)),
      );
    }),
  );
  router.add(
    'GET',
    '/repos/{owner}/{repo}/actions/jobs/{job_id}/logs',
    github((ctx) => {
      const repo = repoOf(ctx);
      const job = inRepo(ctx.world.jobs.get(intParam(ctx, 'job_id')), repo);
      if (job.logExpired || ctx.world.runs.get(job.runId)?.logsExpired) throw gone();
      const log = jobLogText(job);
      if (log === null) throw new HttpError(404, 'Not Found');
      return redirectTo(ctx, Buffer.from(log, 'utf8'), 'text/plain; charset=utf-8');
    }),
  );
  router.add(
    'GET',
    '/repos/{owner}/{repo}/actions/runs/{run_id}/logs',
    github((ctx) => {
      const repo = repoOf(ctx);
      const run = runOf(ctx, repo);
      return runLogs(ctx, run, run.attempts.length);
    }),
  );
  router.add(
    'GET',
    '/repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}/logs',
    github((ctx) => {
      const repo = repoOf(ctx);
      const run = runOf(ctx, repo);
      return runLogs(ctx, run, attemptOf(ctx, run).attempt);
    }),
  );

  router.add(
    'GET',
    '/repos/{owner}/{repo}/actions/runs/{run_id}/artifacts',
    github((ctx) => {
      const repo = repoOf(ctx);
      const run = runOf(ctx, repo);
      const name = ctx.query.get('name');
      const artifacts = [...ctx.world.artifacts.values()].filter(
        (artifact) => artifact.runId === run.id && (name === null || artifact.name === name),
      );
      const page = paginate(ctx, artifacts);
      return ok(
        {
          total_count: artifacts.length,
          artifacts: page.items.map((a) => artifactShape(ctx.world, ctx.urls, repo, a)),
        },
        page.headers,
      );
    }),
  );
  router.add(
    'GET',
    '/repos/{owner}/{repo}/actions/artifacts/{artifact_id}',
    github((ctx) => {
      const repo = repoOf(ctx);
      const artifact = inRepo(ctx.world.artifacts.get(intParam(ctx, 'artifact_id')), repo);
      return ok(artifactShape(ctx.world, ctx.urls, repo, artifact));
    }),
  );
  router.add(
    'GET',
    '/repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}',
    github((ctx) => {
      const repo = repoOf(ctx);
      const artifact = inRepo(ctx.world.artifacts.get(intParam(ctx, 'artifact_id')), repo);
      if (ctx.params.archive_format !== 'zip') throw new HttpError(404, 'Not Found');
      if (artifact.expired) throw gone();
      return redirectTo(ctx, artifact.zip, 'application/zip');
    }),
  );
}
