import { ModelError } from '@nightshift/agent-core';
import { APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { describe, expect, it } from 'vitest';
import { mapOpenAIError, parseRetryAfterMs } from './map-openai-error';

const now = () => Date.parse('2025-11-25T18:30:00Z');

function apiError(
  status: number,
  headers: Record<string, string>,
  body: object = { error: { message: 'boom' } },
) {
  return APIError.generate(status, body, undefined, new Headers(headers));
}

describe('parseRetryAfterMs', () => {
  it.each([
    [{ 'retry-after-ms': '1400', 'retry-after': '2' }, 1400],
    [{ 'retry-after': '2' }, 2000],
    [{ 'retry-after': 'Tue, 25 Nov 2025 18:30:05 GMT' }, 5000],
    [{ 'retry-after': 'never' }, undefined],
    [{}, undefined],
  ])('%j → %s', (headers, expected) => {
    expect(parseRetryAfterMs(new Headers(headers), now)).toBe(expected);
  });
});

describe('mapOpenAIError', () => {
  it('lets x-should-retry override the status rule', () => {
    expect(mapOpenAIError(apiError(503, { 'x-should-retry': 'false' })).isRetryable).toBe(false);
    expect(mapOpenAIError(apiError(409, { 'x-should-retry': 'true' })).isRetryable).toBe(true);
    expect(mapOpenAIError(apiError(404, {})).isRetryable).toBe(false);
  });

  it('uses the configured provider name and maps aborts, timeouts and unknown throwables', () => {
    expect(mapOpenAIError(new APIUserAbortError(), { provider: 'ollama' })).toMatchObject({
      provider: 'ollama',
      isRetryable: false,
      message: 'ollama: request aborted',
    });
    expect(mapOpenAIError(new APIConnectionTimeoutError())).toMatchObject({
      isRetryable: true,
      message: 'openai: request timed out',
    });
    expect(mapOpenAIError(new Error('weird'))).toMatchObject({
      isRetryable: false,
      message: 'openai: weird',
    });
    const original = new ModelError({ message: 'x', provider: 'openai' });
    expect(mapOpenAIError(original)).toBe(original);
  });
});
