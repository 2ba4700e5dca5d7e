import type { Octokit } from '@octokit/rest';
import type { EtagEntry, EtagStore } from './etag-store';

/** Counters for the conditional-request cache (a hit is a 304: free against the rate limit). */
export interface EtagCacheStats {
  /** 304 responses answered from the cache. */
  hits: number;
  /** Cacheable GETs that came back with a (new) body. */
  misses: number;
  /** Responses stored (had an ETag). */
  stored: number;
}

function headerValue(headers: Record<string, unknown> | undefined, name: string): string | undefined {
  const value = headers?.[name];
  return value === undefined || value === null ? undefined : String(value);
}

/** Only plain JSON/text GETs are cached: redirects, streams and binary bodies pass through. */
function isCacheable(options: { method?: string; request?: unknown; headers?: unknown }): boolean {
  if (options.method !== 'GET') return false;
  const request = options.request as { redirect?: string; parseSuccessResponseBody?: boolean } | undefined;
  if (request?.redirect === 'manual' || request?.parseSuccessResponseBody === false) return false;
  return headerValue(options.headers as Record<string, unknown>, 'if-none-match') === undefined;
}

const REPLAYED_HEADERS = ['link', 'content-type', 'x-github-media-type'];

/**
 * Install the ETag cache as a request hook: send `If-None-Match` for URLs seen before, and answer a
 * 304 with the stored body. Pagination works unchanged (each page is its own URL).
 */
export function installEtagCache(octokit: Octokit, store: EtagStore): EtagCacheStats {
  const stats: EtagCacheStats = { hits: 0, misses: 0, stored: 0 };
  octokit.hook.wrap('request', async (request, options) => {
    if (!isCacheable(options)) return request(options);
    const { url, headers } = octokit.request.endpoint.parse(options);
    const key = `${headerValue(headers, 'accept') ?? ''} ${url}`;
    const cached = await store.get(key);
    if (cached) options.headers = { ...options.headers, 'if-none-match': cached.etag };
    try {
      const response = await request(options);
      stats.misses++;
      const etag = headerValue(response.headers, 'etag');
      const data: unknown = response.data;
      if (
        etag &&
        (typeof data === 'string' ||
          (typeof data === 'object' && data !== null && !(data instanceof ArrayBuffer)))
      ) {
        const kept: Record<string, string> = {};
        for (const name of REPLAYED_HEADERS) {
          const value = headerValue(response.headers, name);
          if (value !== undefined) kept[name] = value;
        }
        // A copy: callers (Octokit's paginate among them) rewrite response bodies in place, and a
        // later 304 must replay what the server sent, not what a caller made of it.
        const entry: EtagEntry = { etag, data: structuredClone(data), headers: kept, url };
        await store.set(key, entry);
        stats.stored++;
      }
      return response;
    } catch (error) {
      const status = (error as { status?: unknown }).status;
      if (status === 304 && cached) {
        stats.hits++;
        const fresh = (error as { response?: { headers?: Record<string, string> } }).response?.headers ?? {};
        // structuredClone: callers may mutate what they get; the cached copy must stay intact.
        return {
          status: 200,
          url: cached.url,
          headers: { ...fresh, ...cached.headers, etag: cached.etag },
          data: structuredClone(cached.data),
        };
      }
      if (status === 404 || status === 410) await store.delete(key);
      throw error;
    }
  });
  return stats;
}
