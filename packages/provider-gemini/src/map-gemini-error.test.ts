import { ApiError } from '@google/genai';
import { ModelError } from '@nightshift/agent-core';
import { describe, expect, it } from 'vitest';
import { mapGeminiError, retryDelayMs } from './map-gemini-error';

const retryInfo = (retryDelay: string) => ({
  details: [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay }],
});

describe('retryDelayMs', () => {
  it.each([
    ['17s', 17_000],
    ['0.250s', 250],
    ['1.5s', 1500],
    ['soon', undefined],
    ['17', undefined],
  ])('%s → %s', (delay, expected) => {
    expect(retryDelayMs(retryInfo(delay))).toBe(expected);
  });

  it('ignores other detail types and missing details', () => {
    expect(retryDelayMs({ details: [{ '@type': 'type.googleapis.com/google.rpc.Help' }] })).toBeUndefined();
    expect(retryDelayMs(undefined)).toBeUndefined();
  });
});

describe('mapGeminiError', () => {
  it('scrubs the key from messages and drops a cause that contains it', () => {
    const body = { error: { code: 403, message: 'key AIza-secret is blocked', status: 'PERMISSION_DENIED' } };
    const error = mapGeminiError(new ApiError({ message: JSON.stringify(body), status: 403 }), {
      secrets: ['AIza-secret'],
    });
    expect(error.message).toBe('gemini: HTTP 403 PERMISSION_DENIED: key [REDACTED] is blocked');
    expect(error.cause).toBeUndefined();
    expect(error.isRetryable).toBe(false);
  });

  it('maps aborts, unknown throwables and passes ModelErrors through', () => {
    const abort = new DOMException('This operation was aborted', 'AbortError');
    expect(mapGeminiError(abort)).toMatchObject({ isRetryable: false, message: 'gemini: request aborted' });
    expect(mapGeminiError(new Error('Incomplete JSON segment at the end'))).toMatchObject({
      isRetryable: false,
      message: 'gemini: Incomplete JSON segment at the end',
    });
    const original = new ModelError({ message: 'x', provider: 'gemini' });
    expect(mapGeminiError(original)).toBe(original);
  });
});
