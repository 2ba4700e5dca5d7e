import { createHash } from 'node:crypto';
import type { EmulatorResponse, RequestContext, RouteHandler } from '../context';
import { HttpError } from '../http-error';
import type { Routes } from '../routes/common';
import type { GcsObjectRecord } from '../state/world';
import { listObjects } from './listing';

/**
 * The GCS JSON API subset Prow artifact readers use, plus the plain
 * `storage.googleapis.com/<bucket>/<object>` download form. Served under `<emulator>/gcs`
 * (the stand-in for https://storage.googleapis.com); the JSON API also at the root.
 */

const gcs = (handler: RouteHandler) => ({ kind: 'gcs' as const, handler });

function bucketOf(ctx: RequestContext): Map<string, GcsObjectRecord> {
  const bucket = ctx.world.buckets.get(ctx.params.bucket ?? '');
  if (!bucket) throw new HttpError(404, 'The specified bucket does not exist.');
  return bucket;
}

function objectResource(ctx: RequestContext, object: GcsObjectRecord): Record<string, unknown> {
  const encoded = encodeURIComponent(object.name);
  const base = `${ctx.baseUrl}/gcs/storage/v1/b/${object.bucket}/o/${encoded}`;
  return {
    kind: 'storage#object',
    id: `${object.bucket}/${object.name}/${object.generation}`,
    selfLink: base,
    mediaLink: `${base}?generation=${object.generation}&alt=media`,
    name: object.name,
    bucket: object.bucket,
    generation: object.generation,
    metageneration: '1',
    contentType: object.contentType,
    storageClass: 'STANDARD',
    size: String(object.data.length),
    md5Hash: createHash('md5').update(object.data).digest('base64'),
    etag: createHash('md5').update(object.data).digest('base64').slice(0, 16),
    timeCreated: object.updated,
    updated: object.updated,
  };
}

/** Bytes of an object, honouring a single `Range: bytes=a-b` like GCS does (206). */
export function media(ctx: RequestContext, object: GcsObjectRecord): EmulatorResponse {
  const headers = {
    'content-type': object.contentType,
    'x-goog-generation': object.generation,
    'accept-ranges': 'bytes',
  };
  const range = /^bytes=(\d*)-(\d*)$/.exec(String(ctx.headers.range ?? ''));
  const size = object.data.length;
  if (!range || (range[1] === '' && range[2] === '')) return { status: 200, headers, body: object.data };
  let start = range[1] === '' ? Math.max(0, size - Number(range[2])) : Number(range[1]);
  let end = range[1] === '' || range[2] === '' ? size - 1 : Math.min(Number(range[2]), size - 1);
  if (start >= size || start > end) {
    return { status: 416, headers: { 'content-range': `bytes */${size}` }, body: '' };
  }
  start = Math.max(0, start);
  end = Math.max(start, end);
  return {
    status: 206,
    headers: { ...headers, 'content-range': `bytes ${start}-${end}/${size}` },
    body: object.data.subarray(start, end + 1),
  };
}

function list(ctx: RequestContext): EmulatorResponse {
  const bucket = bucketOf(ctx);
  const maxResults = Math.min(
    1000,
    Math.max(1, Number.parseInt(ctx.query.get('maxResults') ?? '', 10) || 1000),
  );
  const token = ctx.query.get('pageToken');
  let after: string | undefined;
  if (token) {
    after = Buffer.from(token, 'base64url').toString('utf8');
    if (!after) throw new HttpError(400, 'Invalid pageToken');
  }
  const listing = listObjects(bucket.values(), {
    prefix: ctx.query.get('prefix') ?? '',
    delimiter: ctx.query.get('delimiter') ?? '',
    maxResults,
    after,
  });
  const json: Record<string, unknown> = { kind: 'storage#objects' };
  if (listing.next !== undefined) json.nextPageToken = Buffer.from(listing.next).toString('base64url');
  if (listing.prefixes.length > 0) json.prefixes = listing.prefixes;
  if (listing.items.length > 0) json.items = listing.items.map((object) => objectResource(ctx, object));
  return { status: 200, json };
}

function get(ctx: RequestContext): EmulatorResponse {
  const bucket = bucketOf(ctx);
  const name = ctx.params.object ?? '';
  const object = bucket.get(name);
  if (!object) throw new HttpError(404, `No such object: ${ctx.params.bucket}/${name}`);
  return ctx.query.get('alt') === 'media'
    ? media(ctx, object)
    : { status: 200, json: objectResource(ctx, object) };
}

export function registerGcsRoutes(router: Routes): void {
  for (const base of ['/storage/v1', '/gcs/storage/v1', '/gcs/download/storage/v1']) {
    router.add('GET', `${base}/b/{bucket}/o`, gcs(list));
    router.add('GET', `${base}/b/{bucket}/o/{object+}`, gcs(get));
  }
  router.add(
    'GET',
    '/gcs/{bucket}/{object+}',
    gcs((ctx) => {
      const object = ctx.world.buckets.get(ctx.params.bucket ?? '')?.get(ctx.params.object ?? '');
      if (!object) {
        return {
          status: 404,
          headers: { 'content-type': 'application/xml; charset=UTF-8' },
          body: "<?xml version='1.0' encoding='UTF-8'?><Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>",
        };
      }
      return media(ctx, object);
    }),
  );
}
