import { z } from 'zod';
import type { CiRun, RunConclusion } from '../types';
import type { GcsClient } from './gcs-client';
import { GcsError } from './gcs-error';
import { snowflakeTime } from './numeric-id';

/** Fields of Prow's metadata files we use (testgrid `metadata/job.go`); everything else is ignored. */
const startedSchema = z.object({
  timestamp: z.number().positive(),
  'repo-commit': z.string().optional(),
});
const finishedSchema = z.object({
  /** Absent while the job runs (some uploaders write finished.json early). */
  timestamp: z.number().positive().optional(),
  passed: z.boolean().optional(),
  /** Deprecated but still written: SUCCESS, FAILURE, ABORTED, ERROR. */
  result: z.string().optional(),
});
const prowJobSchema = z.object({
  status: z.object({ state: z.string().optional(), startTime: z.string().optional() }).optional(),
});

export interface ProwBuildRef {
  /** Configured source name. */
  source: string;
  job: string;
  buildId: string;
  version: string | null;
  url: string;
}

/**
 * Reads a build's started.json and finished.json (prowjob.json only when started.json is missing)
 * and describes it as a CiRun. No finished.json, or one without `timestamp`, means still running.
 */
export async function describeProwBuild(gcs: GcsClient, ref: ProwBuildRef, now: Date): Promise<CiRun> {
  const folder = `logs/${ref.job}/${ref.buildId}/`;
  const [started, finished] = await Promise.all([
    readJson(gcs, `${folder}started.json`, startedSchema),
    readJson(gcs, `${folder}finished.json`, finishedSchema),
  ]);
  const prowJob = started ? null : await readJson(gcs, `${folder}prowjob.json`, prowJobSchema);
  const startTime = prowJob?.status?.startTime ? Date.parse(prowJob.status.startTime) : Number.NaN;
  const createdMs = started
    ? started.timestamp * 1000
    : Number.isFinite(startTime)
      ? startTime
      : (snowflakeTime(ref.buildId, now)?.getTime() ??
        (finished?.timestamp ? finished.timestamp * 1000 : null));
  if (createdMs === null) {
    throw new GcsError(
      `${gcs.bucket}/${folder}`,
      `Prow build gs://${gcs.bucket}/${folder}: no started.json or prowjob.json, and the build id carries no time`,
      {
        status: 404,
        isRetryable: true,
      },
    );
  }
  const completed = finished?.timestamp !== undefined;
  const commit = started?.['repo-commit'];
  return {
    source: ref.source,
    sourceType: 'prow',
    id: ref.buildId,
    url: ref.url,
    status: completed ? 'completed' : started || prowJob ? 'in_progress' : 'queued',
    conclusion: completed ? conclusionOf(finished) : null,
    branch: ref.version,
    version: ref.version,
    headSha: commit && /^[0-9a-f]{40}$/i.test(commit) ? commit.toLowerCase() : null,
    event: ref.job.startsWith('periodic-') ? 'periodic' : null,
    attempt: 1,
    createdAt: new Date(createdMs).toISOString(),
    completedAt: completed ? new Date(finished.timestamp! * 1000).toISOString() : null,
  };
}

/** `passed` wins; `result` says ABORTED for cancelled builds. No verdict at all counts as a failure. */
function conclusionOf(finished: z.infer<typeof finishedSchema>): RunConclusion {
  const result = finished.result?.toUpperCase();
  if (result === 'ABORTED') return 'cancelled';
  if (finished.passed === true || (finished.passed === undefined && result === 'SUCCESS')) return 'success';
  // FAILURE, ERROR, passed:false — and a finished build with no verdict: never lose a failed run.
  return 'failure';
}

async function readJson<T>(gcs: GcsClient, name: string, schema: z.ZodType<T>): Promise<T | null> {
  const text = await gcs.readText(name);
  if (text === null) return null;
  const object = `${gcs.bucket}/${name}`;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new GcsError(object, `GCS object gs://${object}: not valid JSON`, {
      status: null,
      isRetryable: false,
    });
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : '(root)';
    throw new GcsError(
      object,
      `GCS object gs://${object}: unexpected content (${where}: ${issue?.message})`,
      {
        status: null,
        isRetryable: false,
      },
    );
  }
  return parsed.data;
}
