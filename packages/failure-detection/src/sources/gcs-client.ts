import { setTimeout as delay } from 'node:timers/promises';
import { z } from 'zod';
import { GcsError } from './gcs-error';

export interface GcsRetryOptions {
  /** Retries after the first attempt for 5xx, 429 and network errors. Default 3. */
  retries?: number;
  /** Backoff unit: waits are base·2^n ms (a `retry-after` header wins, capped at 30 s). Default 500. */
  baseDelayMs?: number;
}

export interface GcsClientOptions extends GcsRetryOptions {
  /** Root of the JSON API, e.g. https://storage.googleapis.com (or the emulator's gcsUrl). */
  baseUrl: string;
  bucket: string;
  fetch?: typeof globalThis.fetch;
}

export interface GcsObjectInfo {
  name: string;
  size: number | null;
}

export interface OpenedObject {
  body: AsyncIterable<Uint8Array>;
  size: number | null;
}

export interface GcsClient {
  readonly bucket: string;
  /** Sub-"folders" directly below `prefix` (a delimiter listing), every page. */
  listPrefixes(prefix: string): Promise<string[]>;
  /** Every object below `prefix`, recursively, page by page. */
  listObjects(prefix: string): AsyncGenerator<GcsObjectInfo>;
  /** A small object as text (capped), or null when it does not exist. */
  readText(name: string, maxBytes?: number): Promise<string | null>;
  /** Streams an object; a missing object is a 404 GcsError. */
  open(name: string): Promise<OpenedObject>;
}

const listingSchema = z.object({
  prefixes: z.array(z.string()).optional(),
  items: z
    .array(z.object({ name: z.string(), size: z.union([z.string(), z.number()]).optional() }))
    .optional(),
  nextPageToken: z.string().optional(),
});

/** Pages of one listing before we give up: 200 × 1000 objects is far beyond any Prow build. */
const MAX_LIST_PAGES = 200;
const MAX_RETRY_AFTER_MS = 30_000;
/** Small JSON/text objects (started.json, latest-build.txt) are read whole up to this size. */
const DEFAULT_MAX_TEXT_BYTES = 1024 * 1024;

/**
 * A small client for the public GCS JSON API (list + media download), which is all Prow's
 * artifacts need. Hand-written over `fetch` rather than @google-cloud/storage: anonymous reads of a
 * public bucket need no auth library, and an injected `fetch` lets tests use the emulator.
 */
export function createGcsClient(options: GcsClientOptions): GcsClient {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const base = options.baseUrl.replace(/\/+$/, '');
  const bucket = options.bucket;
  const retries = options.retries ?? 3;
  const baseDelayMs = options.baseDelayMs ?? 500;
  const api = `${base}/storage/v1/b/${encodeURIComponent(bucket)}/o`;
  const label = (name: string) => `${bucket}/${name}`;

  async function request(url: string, object: string, what: string): Promise<Response> {
    for (let attempt = 0; ; attempt++) {
      let response: Response;
      try {
        response = await fetchImpl(url);
      } catch (error) {
        if (attempt < retries) {
          await delay(baseDelayMs * 2 ** attempt);
          continue;
        }
        const detail = error instanceof Error ? error.message : String(error);
        throw new GcsError(object, `${what}: network error after ${attempt + 1} attempts (${detail})`, {
          status: null,
          isRetryable: true,
          cause: error,
        });
      }
      if (response.ok) return response;
      const retryable = response.status >= 500 || response.status === 429;
      if (retryable && attempt < retries) {
        await response.body?.cancel();
        await delay(retryWait(response.headers.get('retry-after'), baseDelayMs * 2 ** attempt));
        continue;
      }
      const detail = await errorDetail(response);
      const tries = attempt > 0 ? ` after ${attempt + 1} attempts` : '';
      const reason =
        response.status === 404 ? 'not found' : detail || response.statusText || 'request failed';
      throw new GcsError(object, `${what}: HTTP ${response.status} (${reason})${tries}`, {
        status: response.status,
        isRetryable: retryable,
      });
    }
  }

  async function listPage(prefix: string, delimiter: boolean, pageToken: string | undefined) {
    const query = new URLSearchParams({ prefix, maxResults: '1000' });
    if (delimiter) query.set('delimiter', '/');
    if (pageToken) query.set('pageToken', pageToken);
    const object = `${label(prefix)}*`;
    const what = `GCS listing gs://${object}`;
    const response = await request(`${api}?${query}`, object, what);
    let json: unknown;
    try {
      json = await response.json();
    } catch (error) {
      throw new GcsError(object, `${what}: the listing is not valid JSON`, {
        status: null,
        isRetryable: true,
        cause: error,
      });
    }
    const parsed = listingSchema.safeParse(json);
    if (!parsed.success) {
      throw new GcsError(object, `${what}: unexpected listing shape (${parsed.error.issues[0]?.message})`, {
        status: null,
        isRetryable: false,
      });
    }
    return parsed.data;
  }

  async function* pages(prefix: string, delimiter: boolean) {
    let token: string | undefined;
    for (let page = 0; page < MAX_LIST_PAGES; page++) {
      const data = await listPage(prefix, delimiter, token);
      yield data;
      if (!data.nextPageToken) return;
      token = data.nextPageToken;
    }
    throw new GcsError(
      `${label(prefix)}*`,
      `GCS listing gs://${label(prefix)}*: more than ${MAX_LIST_PAGES} pages; refusing to list further`,
      {
        status: null,
        isRetryable: false,
      },
    );
  }

  const mediaUrl = (name: string) => `${api}/${encodeURIComponent(name)}?alt=media`;

  return {
    bucket,
    async listPrefixes(prefix) {
      const out: string[] = [];
      for await (const page of pages(prefix, true)) out.push(...(page.prefixes ?? []));
      return out;
    },
    async *listObjects(prefix) {
      for await (const page of pages(prefix, false)) {
        for (const item of page.items ?? []) {
          const size = item.size === undefined ? null : Number(item.size);
          yield { name: item.name, size: Number.isFinite(size) ? size : null };
        }
      }
    },
    async readText(name, maxBytes = DEFAULT_MAX_TEXT_BYTES) {
      let response: Response;
      try {
        response = await request(mediaUrl(name), label(name), `GCS object gs://${label(name)}`);
      } catch (error) {
        if (GcsError.isInstance(error) && error.status === 404) return null;
        throw error;
      }
      const bytes = await readCapped(response, maxBytes, label(name));
      return new TextDecoder('utf-8').decode(bytes);
    },
    async open(name) {
      const response = await request(mediaUrl(name), label(name), `GCS object gs://${label(name)}`);
      if (!response.body)
        throw new GcsError(label(name), `GCS object gs://${label(name)}: empty response`, {
          status: response.status,
          isRetryable: true,
        });
      const length = Number(response.headers.get('content-length'));
      return {
        body: response.body as unknown as AsyncIterable<Uint8Array>,
        size: response.headers.has('content-length') && Number.isFinite(length) ? length : null,
      };
    },
  };
}

function retryWait(header: string | null, fallbackMs: number): number {
  const seconds = header === null ? Number.NaN : Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? Math.min(seconds * 1000, MAX_RETRY_AFTER_MS) : fallbackMs;
}

/** GCS puts a reason in `{ error: { message } }`; keep it short (it is quoted in errors). */
async function errorDetail(response: Response): Promise<string> {
  try {
    const text = (await response.text()).slice(0, 2000);
    const message = (JSON.parse(text) as { error?: { message?: unknown } }).error?.message;
    return typeof message === 'string' ? message.slice(0, 200) : '';
  } catch {
    return '';
  }
}

async function readCapped(response: Response, maxBytes: number, object: string): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    total += chunk.byteLength;
    if (total > maxBytes) {
      await response.body?.cancel().catch(() => undefined);
      throw new GcsError(
        object,
        `GCS object gs://${object}: larger than the ${maxBytes}-byte cap for small files`,
        {
          status: null,
          isRetryable: false,
        },
      );
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, total);
}
