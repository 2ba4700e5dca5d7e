import {
  type Artifact,
  downloadArtifact,
  type Job,
  listJobsForRun,
  listRunArtifacts,
  openJobLog,
  RateLimitedError,
  type RepoRef,
} from '@nightshift/github-ops';
import type { ZipCaps } from '@nightshift/log-parsing';
import type { CiRun, RunInputItem } from '../types';
import { type ArtifactEntryOptions, artifactEntryInputs } from './artifact-entries';
import { type DownloadRetryOptions, withDownloadRetry } from './download-retry';
import { matchesAnyGlob } from './globs';
import { displayName, errorInput, messageOf, openedInput } from './input-items';
import type { GithubOctokit } from './octokit';

export interface GithubInputLimits extends ArtifactEntryOptions {
  /** Cap on one artifact zip's download size. Default: github-ops' (256 MiB). */
  maxArtifactBytes?: number;
  caps?: ZipCaps;
}

export interface RunInputsContext {
  octokit: GithubOctokit;
  repo: RepoRef;
  /** Artifact name globs from the source config. */
  artifacts: readonly string[];
  retry?: DownloadRetryOptions;
  limits?: GithubInputLimits;
}

/**
 * What is worth analysing in a run: the logs of its failed jobs across every attempt up to the
 * run's, then the files of the artifacts whose names match the globs. A log or artifact that cannot
 * be had (expired, missing, cut off, corrupt) becomes an error item naming it; rate limits and
 * failures to LIST jobs or artifacts throw, so the run is retried rather than half-reported.
 */
export async function* readGithubRunInputs(ctx: RunInputsContext, run: CiRun): AsyncGenerator<RunInputItem> {
  const runId = Number(run.id);
  const jobs: Job[] = await listJobsForRun(ctx.octokit, ctx.repo, runId, { filter: 'all' });
  for (const job of failedJobs(jobs, run)) yield await jobLogInput(ctx, job);
  if (ctx.artifacts.length === 0) return;
  const listed: Artifact[] = await listRunArtifacts(ctx.octokit, ctx.repo, runId);
  const artifacts = listed.filter((a) => matchesAnyGlob(a.name, ctx.artifacts));
  artifacts.sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id);
  for (const artifact of artifacts) yield* artifactInputs(ctx, artifact);
}

/**
 * Failed and timed-out jobs of every attempt up to the run's. Cancelled jobs only when the run
 * itself was cancelled or timed out: in a failed matrix, cancelled siblings (fail-fast) are noise.
 */
export function failedJobs(jobs: Job[], run: CiRun): Job[] {
  const includeCancelled = run.conclusion === 'cancelled' || run.conclusion === 'timed_out';
  return jobs
    .filter((job) => (job.run_attempt ?? 1) <= run.attempt)
    .filter(
      (job) =>
        job.conclusion === 'failure' ||
        job.conclusion === 'timed_out' ||
        (includeCancelled && job.conclusion === 'cancelled'),
    )
    .sort(
      (a, b) => (a.run_attempt ?? 1) - (b.run_attempt ?? 1) || a.name.localeCompare(b.name) || a.id - b.id,
    );
}

export function jobLogPath(job: Job): string {
  return `${displayName(job.name)} (attempt ${job.run_attempt ?? 1})`;
}

async function jobLogInput(ctx: RunInputsContext, job: Job): Promise<RunInputItem> {
  const path = jobLogPath(job);
  try {
    const download = await withDownloadRetry(() => openJobLog(ctx.octokit, ctx.repo, job.id), ctx.retry);
    return openedInput(path, download.body);
  } catch (error) {
    if (RateLimitedError.isInstance(error)) throw error;
    return errorInput(path, `job log of "${path}": ${messageOf(error)}`, error);
  }
}

async function* artifactInputs(ctx: RunInputsContext, artifact: Artifact): AsyncGenerator<RunInputItem> {
  const display = `${displayName(artifact.name)}.zip`;
  if (artifact.expired) {
    yield errorInput(display, `artifact ${display}: expired (past its retention); not analysed`);
    return;
  }
  let zip: Buffer;
  try {
    zip = await withDownloadRetry(
      () =>
        downloadArtifact(ctx.octokit, ctx.repo, artifact.id, {
          ...(ctx.limits?.maxArtifactBytes !== undefined ? { maxBytes: ctx.limits.maxArtifactBytes } : {}),
        }),
      ctx.retry,
    );
  } catch (error) {
    if (RateLimitedError.isInstance(error)) throw error;
    yield errorInput(
      display,
      `artifact ${display}: download failed or was cut off (${messageOf(error)}); not analysed`,
      error,
    );
    return;
  }
  yield* artifactEntryInputs(zip, display, ctx.limits ?? {});
}
