import { describe, expect, it } from 'vitest';
import { ModelError } from '../model/index';
import { type Sleep, withRetry } from './with-retry';

const retryable = (extra: Partial<ConstructorParameters<typeof ModelError>[0]> = {}) =>
  new ModelError({ message: 'overloaded', provider: 'test', statusCode: 529, ...extra });

function recorder() {
  const waits: number[] = [];
  const sleep: Sleep = async (ms) => {
    waits.push(ms);
  };
  return { waits, sleep };
}

describe('withRetry', () => {
  it('retries retryable model errors with full-jitter exponential backoff', async () => {
    const { waits, sleep } = recorder();
    let calls = 0;
    const result = await withRetry(
      async () => {
        calls++;
        if (calls < 4) throw retryable();
        return 'ok';
      },
      { sleep, random: () => 0.5, baseDelayMs: 100, maxDelayMs: 250 },
    );
    expect(result).toBe('ok');
    // 0.5 * min(250, 100 * 2^n) for n = 0, 1, 2
    expect(waits).toEqual([50, 100, 125]);
  });

  it('waits at least the retry-after the provider asked for', async () => {
    const { waits, sleep } = recorder();
    let calls = 0;
    await withRetry(
      async () => {
        if (calls++ === 0) throw retryable({ statusCode: 429, retryAfterMs: 7000 });
        return 1;
      },
      { sleep, random: () => 0.1 },
    );
    expect(waits).toEqual([7000]);
  });

  it('does not retry non-retryable or foreign errors', async () => {
    const { waits, sleep } = recorder();
    const bad = new ModelError({ message: 'bad key', provider: 'test', statusCode: 401 });
    await expect(withRetry(async () => Promise.reject(bad), { sleep })).rejects.toBe(bad);
    const type = new TypeError('adapter bug');
    await expect(withRetry(async () => Promise.reject(type), { sleep })).rejects.toBe(type);
    expect(waits).toEqual([]);
  });

  it('gives up after maxRetries and rethrows the last error', async () => {
    const { waits, sleep } = recorder();
    let calls = 0;
    await expect(
      withRetry(
        async () => {
          calls++;
          throw retryable();
        },
        { sleep, maxRetries: 2, random: () => 0 },
      ),
    ).rejects.toMatchObject({ statusCode: 529 });
    expect(calls).toBe(3);
    expect(waits).toHaveLength(2);
  });

  it('does not wait for a retry-after beyond maxRetryAfterMs or past the deadline', async () => {
    const { waits, sleep } = recorder();
    const long = retryable({ retryAfterMs: 120_000 });
    await expect(withRetry(async () => Promise.reject(long), { sleep })).rejects.toBe(long);
    const soon = retryable({ retryAfterMs: 5000 });
    await expect(withRetry(async () => Promise.reject(soon), { sleep, maxWaitMs: () => 4000 })).rejects.toBe(
      soon,
    );
    expect(waits).toEqual([]);
  });

  it('stops when the signal aborts during the backoff sleep (real default sleep)', async () => {
    const controller = new AbortController();
    let calls = 0;
    const run = withRetry(
      async () => {
        calls++;
        queueMicrotask(() => controller.abort());
        throw retryable();
      },
      { signal: controller.signal, baseDelayMs: 60_000, random: () => 1 },
    );
    await expect(run).rejects.toThrow();
    expect(calls).toBe(1);
  });
});
