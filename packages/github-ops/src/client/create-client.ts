import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import Bottleneck from 'bottleneck';
import { toGitHubError } from '../errors/to-github-error';
import { type EtagCacheStats, installEtagCache } from './etag-cache';
import { type EtagStore, MemoryEtagStore } from './etag-store';

// Annotated as plain Octokit: the plugins add no API we use, and the inferred type is not portable.
const NightshiftOctokit: typeof Octokit = Octokit.plugin(retry, throttling);

/** A rate limit the throttling plugin hit; return true from `onRateLimit` to wait and retry. */
export interface RateLimitEvent {
  kind: 'primary' | 'secondary';
  /** Seconds GitHub asked us to wait. */
  retryAfterSec: number;
  method: string;
  url: string;
  /** Retries already made for this request. */
  retryCount: number;
}

export interface GitHubClientOptions {
  token?: string;
  /** Default https://api.github.com (an emulator or GHES URL in tests / enterprise). */
  baseUrl?: string;
  userAgent?: string;
  /** Retries for 5xx and network errors (plugin-retry). Default 3. */
  retries?: number;
  /**
   * Milliseconds per unit of wait: retry backoff is (n+1)² units and a `retry-after: S` waits
   * S units. Default 1000 (real seconds); tests pass 1 so waits are milliseconds.
   */
  retryAfterBaseMs?: number;
  /** Decide whether to wait out a rate limit. Default: `defaultRateLimitPolicy()`. */
  onRateLimit?: (event: RateLimitEvent) => boolean;
  /** Spacing of mutating / search / notification-triggering requests (defaults: 1000 / 2000 / 3000 ms). */
  throttle?: { writeIntervalMs?: number; searchIntervalMs?: number; notificationIntervalMs?: number };
  fetch?: typeof globalThis.fetch;
  /** ETag store; default an in-memory LRU of 1000 entries. `false` disables conditional requests. */
  cache?: EtagStore | false;
  log?: {
    debug: (m: string) => unknown;
    info: (m: string) => unknown;
    warn: (m: string) => unknown;
    error: (m: string) => unknown;
  };
}

export type GitHubClient = Octokit & { etagCache: EtagCacheStats };

/**
 * Default rate-limit decision: secondary limits are always honoured (up to 3 retries, each wait at
 * most `maxWaitSec`); the primary limit is waited out once if it resets within `maxWaitSec`,
 * except for search (callers have cheaper fallbacks).
 * Anything longer surfaces as a `RateLimitedError` carrying the reset time.
 */
export function defaultRateLimitPolicy(options: { maxWaitSec?: number; maxRetries?: number } = {}) {
  const maxWaitSec = options.maxWaitSec ?? 120;
  const maxRetries = options.maxRetries ?? 3;
  return (event: RateLimitEvent): boolean => {
    if (event.retryAfterSec > maxWaitSec) return false;
    // A spent search quota is better answered by the caller (code search falls back to grep)
    // than by blocking for up to a minute.
    if (event.kind === 'primary' && /\/search\//.test(event.url)) return false;
    return event.kind === 'secondary' ? event.retryCount < maxRetries : event.retryCount < 1;
  };
}

/** Our own limiter groups, only when the caller changes the spacing (the plugin's are process-global). */
function groups(throttle: NonNullable<GitHubClientOptions['throttle']>) {
  const out: Record<string, Bottleneck.Group> = {};
  const make = (minTime: number) => new Bottleneck.Group({ maxConcurrent: 1, minTime });
  if (throttle.writeIntervalMs !== undefined) out.write = make(throttle.writeIntervalMs);
  if (throttle.searchIntervalMs !== undefined) out.search = make(throttle.searchIntervalMs);
  if (throttle.notificationIntervalMs !== undefined)
    out.notifications = make(throttle.notificationIntervalMs);
  return out;
}

/**
 * Octokit with retry + throttling (secondary limits honoured), conditional requests through an
 * ETag cache, and typed errors (`GitHubError` subclasses) for every failed call.
 */
export function createGitHubClient(options: GitHubClientOptions = {}): GitHubClient {
  const decide = options.onRateLimit ?? defaultRateLimitPolicy();
  const base = options.retryAfterBaseMs ?? 1000;
  const handler =
    (kind: RateLimitEvent['kind']) =>
    (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) =>
      decide({ kind, retryAfterSec: retryAfter, method: request.method, url: request.url, retryCount });
  const octokit = new NightshiftOctokit({
    ...(options.token ? { auth: options.token } : {}),
    baseUrl: options.baseUrl ?? 'https://api.github.com',
    userAgent: options.userAgent ?? 'nightshift',
    ...(options.log ? { log: options.log } : {}),
    // NB: no `request.retries` here: plugin-retry would then retry every error, 304s included.
    // `request.log` too: @octokit/request warns (a deprecated endpoint, quoting the server's
    // `link` header) through `request.log`, not the client's `log`, and falls back to `console`.
    request: {
      ...(options.fetch ? { fetch: options.fetch } : {}),
      ...(options.log ? { log: options.log } : {}),
    },
    retry: {
      retries: options.retries ?? 3,
      retryAfterBaseValue: base,
      // 429 and 403 are rate limits: the throttling plugin decides about those, not blind retries.
      doNotRetry: [400, 401, 403, 404, 409, 410, 422, 429, 451],
    },
    throttle: {
      onRateLimit: handler('primary'),
      onSecondaryRateLimit: handler('secondary'),
      retryAfterBaseValue: base,
      fallbackSecondaryRateRetryAfter: 60,
      ...groups(options.throttle ?? {}),
    },
  });
  const stats =
    options.cache === false
      ? { hits: 0, misses: 0, stored: 0 }
      : installEtagCache(octokit, options.cache ?? new MemoryEtagStore());
  // Outermost hook: after retries and throttling have given up, turn Octokit's RequestError into a
  // typed error (kind, isRetryable, reset time) that callers recognise by marker.
  octokit.hook.wrap('request', async (request, requestOptions) => {
    try {
      return await request(requestOptions);
    } catch (error) {
      throw toGitHubError(error);
    }
  });
  return Object.assign(octokit, { etagCache: stats });
}
