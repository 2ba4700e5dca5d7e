import type { ProwSourceConfig } from '../config/index';
import type { CiRun, CiSource, RunInputItem, SourceCursor } from '../types';
import { createGcsClient, type GcsClient, type GcsRetryOptions } from './gcs-client';
import { GcsError } from './gcs-error';
import { matchesAnyGlob } from './globs';
import { errorInput, messageOf, openedInput } from './input-items';
import { compareNumericIds, isNumericId } from './numeric-id';
import { describeProwBuild } from './prow-build';
import { versionFromJobName } from './prow-version';

export interface ProwSourceDeps {
  fetch?: typeof globalThis.fetch;
  /** Retry policy for GCS requests (tests shrink the backoff). */
  retry?: GcsRetryOptions;
  /** Clock, only for judging whether a build id's embedded time is plausible. */
  now?: () => Date;
}

/** Builds described per listRuns call at most (newest first): bounds the first cycle's cost. */
const MAX_BUILDS_PER_LISTING = 200;
/** Artifact objects analysed per build at most; the rest are reported as one error item. */
const MAX_ARTIFACT_INPUTS = 200;

/**
 * A Prow periodic job read from its GCS bucket (`logs/<job>/<build>/…`). Build ids are compared as
 * big decimal strings; `latest-build.txt` makes a cycle with nothing new cost one request.
 */
export function createProwSource(config: ProwSourceConfig, deps: ProwSourceDeps = {}): CiSource {
  const gcs = createGcsClient({
    baseUrl: config.gcsBaseUrl,
    bucket: config.bucket,
    fetch: deps.fetch,
    ...deps.retry,
  });
  const now = deps.now ?? (() => new Date());
  const jobPrefix = `logs/${config.job}/`;
  const version = versionFromJobName(config.job);
  const ref = (buildId: string) => ({
    source: config.name,
    job: config.job,
    buildId,
    version,
    url: config.viewUrl.replaceAll('{job}', config.job).replaceAll('{build}', buildId),
  });
  const describe = (buildId: string) => describeProwBuild(gcs, ref(buildId), now());

  return {
    name: config.name,
    type: 'prow',
    async listRuns({ cursor, createdAfter }) {
      const since = Date.parse(createdAfter);
      if (Number.isNaN(since))
        throw new TypeError(
          `prow source "${config.name}": createdAfter ${JSON.stringify(createdAfter)} is not a date`,
        );
      const after = cursorBuild(config.name, cursor);
      if (after !== null) {
        // One small read answers "anything new?" (Prow writes latest-build.txt when a build starts).
        const latest = (await gcs.readText(`${jobPrefix}latest-build.txt`))?.trim();
        if (latest && isNumericId(latest) && compareNumericIds(latest, after) <= 0) return [];
      }
      const ids = (await gcs.listPrefixes(jobPrefix))
        .map((prefix) => prefix.slice(jobPrefix.length).replace(/\/$/, ''))
        .filter(isNumericId)
        .filter((id) => after === null || compareNumericIds(id, after) > 0)
        .sort(compareNumericIds);
      const runs: CiRun[] = [];
      for (const id of ids.reverse()) {
        if (runs.length >= MAX_BUILDS_PER_LISTING) break;
        const run = await describe(id);
        // Newest first: the first build older than the window ends the walk.
        if (Date.parse(run.createdAt) < since) break;
        runs.push(run);
      }
      return runs.reverse();
    },
    getRun(id) {
      if (!isNumericId(id))
        return Promise.reject(
          new TypeError(`prow source "${config.name}": ${JSON.stringify(id)} is not a build id`),
        );
      return describe(id);
    },
    readInputs(run) {
      return readBuildInputs(gcs, `${jobPrefix}${run.id}/`, config.artifacts);
    },
  };
}

function cursorBuild(source: string, cursor: SourceCursor | null): string | null {
  const id = cursor?.lastRunId ?? null;
  if (id === null) return null;
  if (!isNumericId(id))
    throw new TypeError(`prow source "${source}": cursor lastRunId ${JSON.stringify(id)} is not a build id`);
  return id;
}

/**
 * build-log.txt, then every artifact object matching the globs (relative to the build folder).
 * A listing that fails (after retries) throws: the build is retried next cycle rather than
 * reported without its test results. One object that cannot be read becomes an error item.
 */
async function* readBuildInputs(
  gcs: GcsClient,
  folder: string,
  globs: readonly string[],
): AsyncGenerator<RunInputItem> {
  yield await openObject(gcs, folder, 'build-log.txt');
  if (globs.length === 0) return;
  let listed = 0;
  let skipped = 0;
  for await (const object of gcs.listObjects(`${folder}artifacts/`)) {
    const relative = object.name.slice(folder.length);
    if (!matchesAnyGlob(relative, globs)) continue;
    if (listed >= MAX_ARTIFACT_INPUTS) {
      skipped++;
      continue;
    }
    listed++;
    yield await openObject(gcs, folder, relative);
  }
  if (skipped > 0) {
    yield errorInput(
      'artifacts/',
      `${skipped} more artifact files matched but were not analysed (cap of ${MAX_ARTIFACT_INPUTS} per build)`,
    );
  }
}

async function openObject(gcs: GcsClient, folder: string, relative: string): Promise<RunInputItem> {
  try {
    const opened = await gcs.open(folder + relative);
    return openedInput(relative, opened.body);
  } catch (error) {
    if (!GcsError.isInstance(error)) throw error;
    return errorInput(relative, messageOf(error), error);
  }
}
