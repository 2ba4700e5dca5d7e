import { APIConnectionError, APIError, APIUserAbortError } from '@anthropic-ai/sdk';
import { ModelError, scrubSecrets } from '@nightshift/agent-core';
import { describe, expect, it } from 'vitest';
import { mapAnthropicError, parseRetryAfterMs } from './map-anthropic-error';

const now = () => Date.parse('2025-11-25T18:30:00Z');

function apiError(status: number, headers: Record<string, string>, message = 'boom'): APIError {
  const body = { type: 'error', error: { type: 'api_error', message } };
  return APIError.generate(status, body, undefined, new Headers(headers));
}

describe('parseRetryAfterMs', () => {
  it.each([
    [{ 'retry-after-ms': '1500' }, 1500],
    [{ 'retry-after-ms': '12.6' }, 13],
    [{ 'retry-after': '23' }, 23_000],
    [{ 'retry-after': '0.5' }, 500],
    [{ 'retry-after': 'Tue, 25 Nov 2025 18:30:30 GMT' }, 30_000],
    [{ 'retry-after': 'Tue, 25 Nov 2025 18:29:00 GMT' }, 0],
    [{ 'retry-after-ms': 'soon', 'retry-after': '2' }, 2000],
    [{ 'retry-after': 'later' }, undefined],
    [{ 'retry-after-ms': '-5' }, undefined],
    [{}, undefined],
  ])('%j → %s', (headers, expected) => {
    expect(parseRetryAfterMs(new Headers(headers), now)).toBe(expected);
  });
});

describe('mapAnthropicError', () => {
  it('lets x-should-retry override the status rule both ways', () => {
    expect(mapAnthropicError(apiError(429, { 'x-should-retry': 'false' })).isRetryable).toBe(false);
    expect(mapAnthropicError(apiError(400, { 'x-should-retry': 'true' })).isRetryable).toBe(true);
    expect(mapAnthropicError(apiError(408, {})).isRetryable).toBe(true);
    expect(mapAnthropicError(apiError(413, {})).isRetryable).toBe(false);
  });

  it('maps aborts, connection failures and unknown throwables', () => {
    expect(mapAnthropicError(new APIUserAbortError())).toMatchObject({ isRetryable: false });
    const connection = mapAnthropicError(new APIConnectionError({ cause: new Error('ECONNRESET') }));
    expect(connection).toMatchObject({
      isRetryable: true,
      message: 'anthropic: connection failed: ECONNRESET',
    });
    const odd = mapAnthropicError('a string');
    expect(ModelError.isInstance(odd)).toBe(true);
    expect(odd).toMatchObject({ isRetryable: false, message: 'anthropic: a string' });
  });

  it('returns an existing ModelError unchanged', () => {
    const original = new ModelError({ message: 'x', provider: 'anthropic' });
    expect(mapAnthropicError(original)).toBe(original);
  });

  it('scrubs secrets from every message', () => {
    const error = mapAnthropicError(apiError(403, {}, 'key sk-secret denied'), { secrets: ['sk-secret'] });
    expect(error.message).toBe('anthropic: HTTP 403 api_error: key [REDACTED] denied');
    expect(error.cause).toBeUndefined();
    expect(scrubSecrets('a-b-a', ['a', ''])).toBe('[REDACTED]-b-[REDACTED]');
  });
});
