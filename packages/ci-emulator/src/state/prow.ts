import type { GcsObjectRecord, World } from './world';

/** The bucket OpenShift Prow writes periodic job results to. */
export const DEFAULT_BUCKET = 'test-platform-results';

export interface AddProwBuildInput {
  job: string;
  buildId: string;
  /** Paths relative to the build folder (`build-log.txt`, `artifacts/…/junit.xml`) → content. */
  files: Record<string, string | Uint8Array>;
  bucket?: string;
  /** Also write `logs/<job>/latest-build.txt` pointing at this build (default true). */
  latest?: boolean;
}

const CONTENT_TYPES: Array<[RegExp, string]> = [
  [/\.json$/, 'application/json'],
  [/\.xml$/, 'application/xml'],
  [/\.html?$/, 'text/html'],
  [/\.(txt|log|csv)$/, 'text/plain'],
];

export function guessContentType(name: string): string {
  return CONTENT_TYPES.find(([pattern]) => pattern.test(name))?.[1] ?? 'application/octet-stream';
}

export function putObject(
  world: World,
  bucket: string,
  name: string,
  data: string | Uint8Array,
  contentType = guessContentType(name),
): GcsObjectRecord {
  let objects = world.buckets.get(bucket);
  if (!objects) {
    objects = new Map();
    world.buckets.set(bucket, objects);
  }
  const now = world.now();
  const record: GcsObjectRecord = {
    bucket,
    name,
    data: Buffer.from(data),
    contentType,
    generation: String(now.getTime() * 1000 + objects.size),
    updated: now.toISOString(),
  };
  objects.set(name, record);
  return record;
}

export function addProwBuild(world: World, input: AddProwBuildInput): GcsObjectRecord[] {
  const bucket = input.bucket ?? DEFAULT_BUCKET;
  const prefix = `logs/${input.job}/${input.buildId}/`;
  const written = Object.entries(input.files).map(([path, data]) =>
    putObject(world, bucket, prefix + path.replace(/^\/+/, ''), data),
  );
  if (input.latest ?? true) {
    written.push(putObject(world, bucket, `logs/${input.job}/latest-build.txt`, input.buildId, 'text/plain'));
  }
  return written;
}
