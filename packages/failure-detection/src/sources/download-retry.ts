import { setTimeout as delay } from 'node:timers/promises';
import { GitHubError, RateLimitedError } from '@nightshift/github-ops';
import { InputError } from '@nightshift/log-parsing';

export interface DownloadRetryOptions {
  /** Extra attempts for a download that failed transiently (5xx, network, cut connection). Default 2. */
  retries?: number;
  /** Backoff unit in ms: waits are base·2^n. Default 1000. */
  baseDelayMs?: number;
}

/**
 * Octokit retries API calls, but not the blob fetch a log or artifact redirects to, nor a body cut
 * off mid-way. Retry those a little; rate limits and definitive answers (410, 404, too large) are
 * not retried.
 */
export async function withDownloadRetry<T>(
  run: () => Promise<T>,
  options: DownloadRetryOptions = {},
): Promise<T> {
  const retries = options.retries ?? 2;
  const base = options.baseDelayMs ?? 1000;
  for (let attempt = 0; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= retries || !isTransient(error)) throw error;
      await delay(base * 2 ** attempt);
    }
  }
}

function isTransient(error: unknown): boolean {
  if (RateLimitedError.isInstance(error)) return false;
  if (GitHubError.isInstance(error)) return error.isRetryable;
  if (InputError.isInstance(error)) return false;
  // Not a typed error: the body stream failed (connection reset, undici's `terminated`).
  return true;
}
