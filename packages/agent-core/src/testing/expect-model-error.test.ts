import { describe, expect, it } from 'vitest';
import { ModelError } from '../model/index';
import { expectModelError } from './expect-model-error';

describe('expectModelError', () => {
  it('returns the ModelError a call rejects with', async () => {
    const thrown = new ModelError({ message: 'p: HTTP 429', provider: 'p', statusCode: 429 });
    await expect(expectModelError(Promise.reject(thrown))).resolves.toBe(thrown);
  });

  it('fails when the call succeeds', async () => {
    await expect(expectModelError(Promise.resolve('fine'))).rejects.toThrow(
      'expected a ModelError, but the call succeeded',
    );
  });

  it('fails, naming the error, when the call rejects with something else', async () => {
    const other = new TypeError('fetch failed');
    const failure = await expectModelError(Promise.reject(other)).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toBe(
      'expected a ModelError, but the call failed with TypeError: fetch failed',
    );
    expect((failure as Error).cause).toBe(other);
  });
});
