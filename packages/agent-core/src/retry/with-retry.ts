import { setTimeout as delay } from 'node:timers/promises';
import { ModelError } from '../model/index';

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export interface RetryOptions {
  /** Retries after the first attempt. Default 3. */
  maxRetries?: number;
  /** First backoff ceiling; doubles each attempt. Default 1000 ms. */
  baseDelayMs?: number;
  /** Ceiling for the exponential backoff. Default 30 s. */
  maxDelayMs?: number;
  /** A `retry-after` longer than this is not waited for: the error is returned. Default 60 s. */
  maxRetryAfterMs?: number;
  /** Injectable for tests. Must reject when `signal` aborts. */
  sleep?: Sleep;
  /** Injectable for tests: returns [0, 1). */
  random?: () => number;
  signal?: AbortSignal;
  /** Upper bound on any single wait (e.g. time left before a deadline). */
  maxWaitMs?: () => number | undefined;
  onRetry?: (info: { attempt: number; delayMs: number; error: unknown }) => void;
}

export const defaultSleep: Sleep = async (ms, signal) => {
  await delay(ms, undefined, signal ? { signal } : undefined);
};

/**
 * Retries retryable ModelErrors with "full jitter" exponential backoff (delay drawn uniformly
 * from [0, min(max, base * 2^attempt)], AWS architecture blog), which spreads concurrent
 * clients apart; a provider's `retry-after` is a floor on the wait. Other errors are rethrown
 * at once: a TypeError in an adapter will not fix itself.
 */
export async function withRetry<T>(
  fn: (attempt: number) => Promise<T>,
  options: RetryOptions = {},
): Promise<T> {
  const maxRetries = options.maxRetries ?? 3;
  const base = options.baseDelayMs ?? 1000;
  const cap = options.maxDelayMs ?? 30_000;
  const maxRetryAfter = options.maxRetryAfterMs ?? 60_000;
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;

  for (let attempt = 0; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (error) {
      if (attempt >= maxRetries || !ModelError.isInstance(error) || !error.isRetryable) throw error;
      if (options.signal?.aborted) throw error;
      const retryAfter = error.retryAfterMs;
      if (retryAfter !== undefined && retryAfter > maxRetryAfter) throw error;
      const jitter = Math.floor(random() * Math.min(cap, base * 2 ** attempt));
      const delayMs = Math.max(jitter, retryAfter ?? 0);
      const limit = options.maxWaitMs?.();
      // Waiting past the deadline only to be stopped by it would hide the real error.
      if (limit !== undefined && delayMs >= limit) throw error;
      options.onRetry?.({ attempt: attempt + 1, delayMs, error });
      await sleep(delayMs, options.signal);
    }
  }
}
