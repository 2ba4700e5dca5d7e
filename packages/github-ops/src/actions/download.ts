import type { Octokit } from '@octokit/rest';
import { ExpiredError, GitHubError, NotFoundError, TooLargeError } from '../errors/github-error';
import { describeRequest, toGitHubError } from '../errors/to-github-error';

type Fetch = typeof globalThis.fetch;

/** The fetch the client was built with (so tests and proxies see blob downloads too). */
export function clientFetch(octokit: Octokit): Fetch {
  const configured = (octokit.request.endpoint.DEFAULTS.request as { fetch?: Fetch } | undefined)?.fetch;
  return configured ?? globalThis.fetch;
}

export interface DownloadOptions {
  /** Override the fetch used for the redirect target. */
  fetch?: Fetch;
  signal?: AbortSignal;
}

export interface OpenedDownload {
  /** Streamed bytes of the log or zip. */
  body: AsyncIterable<Uint8Array>;
  /** Content-Length of the blob when the server sent one. */
  contentLength: number | null;
  /** The short-lived URL GitHub redirected to (it carries a signature: do not log it). */
  url: string;
}

/**
 * Endpoints such as job logs and artifact zips answer 302 with a short-lived signed URL. We ask
 * Octokit NOT to follow (so the Authorization header never reaches the blob host), then fetch the
 * Location ourselves and stream it. 410 Gone at either step becomes `ExpiredError`.
 */
export async function openRedirectDownload(
  octokit: Octokit,
  route: string,
  params: Record<string, unknown>,
  what: string,
  options: DownloadOptions = {},
): Promise<OpenedDownload> {
  let location: string | undefined;
  let apiUrl = '';
  try {
    const response = await octokit.request(route, {
      ...params,
      request: { redirect: 'manual', ...(options.signal ? { signal: options.signal } : {}) },
    });
    apiUrl = response.url;
    location = response.headers.location;
    if (response.status < 300 || response.status >= 400 || !location) {
      throw new GitHubError(
        'unknown',
        `${what}: expected a redirect to the download, got HTTP ${response.status}`,
        {
          status: response.status,
          request: describeRequest('GET', response.url),
        },
      );
    }
  } catch (error) {
    const typed = toGitHubError(error, what);
    if (ExpiredError.isInstance(typed)) {
      throw new ExpiredError(`${what}: gone (HTTP 410): expired past retention or deleted`, {
        status: 410,
        ...(typed.request ? { request: typed.request } : {}),
        cause: typed,
      });
    }
    throw typed;
  }
  const target = new URL(location, apiUrl || undefined).toString();
  const fetch = options.fetch ?? clientFetch(octokit);
  let blob: Response;
  try {
    blob = await fetch(target, { redirect: 'follow', ...(options.signal ? { signal: options.signal } : {}) });
  } catch (error) {
    throw new GitHubError(
      'network',
      `${what}: download failed (${error instanceof Error ? error.message : String(error)})`,
      {
        isRetryable: true,
        cause: error,
      },
    );
  }
  if (blob.status === 410) {
    await blob.body?.cancel();
    throw new ExpiredError(`${what}: the download link has expired (HTTP 410)`, { status: 410 });
  }
  if (blob.status === 404) {
    await blob.body?.cancel();
    throw new NotFoundError(`${what}: the download was not found (HTTP 404)`, { status: 404 });
  }
  if (!blob.ok || !blob.body) {
    await blob.body?.cancel();
    throw new GitHubError(
      blob.status >= 500 ? 'server' : 'unknown',
      `${what}: download failed with HTTP ${blob.status}`,
      {
        status: blob.status,
        isRetryable: blob.status >= 500,
      },
    );
  }
  const length = Number(blob.headers.get('content-length'));
  return {
    body: blob.body as unknown as AsyncIterable<Uint8Array>,
    contentLength: Number.isFinite(length) && blob.headers.has('content-length') ? length : null,
    url: target,
  };
}

/**
 * Collect a download into memory, refusing (before reading, when the length is declared, else as
 * soon as the count passes it) anything over `maxBytes`.
 */
export async function readAllCapped(
  download: OpenedDownload,
  maxBytes: number,
  what: string,
): Promise<Buffer> {
  if (download.contentLength !== null && download.contentLength > maxBytes) {
    await cancel(download.body);
    throw new TooLargeError(
      `${what}: ${download.contentLength} bytes exceeds the ${maxBytes}-byte cap`,
      maxBytes,
      download.contentLength,
    );
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of download.body) {
    total += chunk.byteLength;
    if (total > maxBytes) {
      throw new TooLargeError(`${what}: more than the ${maxBytes}-byte cap`, maxBytes, null);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, total);
}

async function cancel(body: AsyncIterable<Uint8Array>): Promise<void> {
  const stream = body as unknown as { cancel?: () => Promise<void> };
  if (typeof stream.cancel === 'function') await stream.cancel().catch(() => undefined);
}
