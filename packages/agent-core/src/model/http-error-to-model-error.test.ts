import { describe, expect, it } from 'vitest';
import {
  httpErrorToModelError,
  modelErrorFactory,
  scrubSecrets,
  shouldRetryHeader,
} from './http-error-to-model-error';
import { ModelError } from './model-error';

describe('modelErrorFactory', () => {
  it('prefixes the provider, scrubs secrets and keeps a clean cause', () => {
    const raw = new Error('socket hang up');
    const error = modelErrorFactory(raw, { provider: 'p', secrets: ['sk-1'] })('bad key sk-1', {
      isRetryable: false,
    });
    expect(ModelError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ provider: 'p', message: 'p: bad key [REDACTED]', isRetryable: false });
    expect(error.cause).toBe(raw);
  });

  it('drops a cause whose text mentions a secret, or whose text cannot be read', () => {
    const echoed = modelErrorFactory(new Error('key sk-1 rejected'), { provider: 'p', secrets: ['sk-1'] });
    expect(echoed('denied', { isRetryable: false }).cause).toBeUndefined();
    const body = { error: { message: 'sk-1' } };
    const viaBody = modelErrorFactory(new Error('401'), { provider: 'p', secrets: ['sk-1'] }, () =>
      JSON.stringify(body),
    );
    expect(viaBody('denied', { isRetryable: false }).cause).toBeUndefined();
    const unreadable = modelErrorFactory(new Error('x'), { provider: 'p', secrets: ['sk-1'] }, () => {
      throw new TypeError('circular');
    });
    expect(unreadable('x', { isRetryable: false }).cause).toBeUndefined();
  });

  it('keeps the cause when there are no (non-empty) secrets', () => {
    const raw = new Error('x');
    expect(modelErrorFactory(raw, { provider: 'p', secrets: [''] })('x', { isRetryable: true }).cause).toBe(
      raw,
    );
  });
});

describe('httpErrorToModelError', () => {
  const make = modelErrorFactory(new Error('raw'), { provider: 'p' });
  const now = Date.parse('2025-11-25T18:30:00Z');

  it('builds the message and applies the status rule and retry-after', () => {
    const error = httpErrorToModelError(make, {
      status: 429,
      kind: 'rate_limit_error',
      detail: 'slow down',
      requestId: 'req_1',
      headers: new Headers({ 'retry-after': 'Tue, 25 Nov 2025 18:30:30 GMT' }),
      now,
    });
    expect(error).toMatchObject({
      message: 'p: HTTP 429 rate_limit_error: slow down (request req_1)',
      statusCode: 429,
      isRetryable: true,
      retryAfterMs: 30_000,
    });
    const plain = httpErrorToModelError(make, { status: 400, kind: 'error', detail: 'bad' });
    expect(plain).toMatchObject({
      message: 'p: HTTP 400 error: bad',
      isRetryable: false,
      retryAfterMs: undefined,
    });
  });

  it('lets an explicit verdict replace the status rule, and x-should-retry override both', () => {
    expect(
      httpErrorToModelError(make, { status: 429, kind: 'q', detail: 'd', isRetryable: false }).isRetryable,
    ).toBe(false);
    const headers = { 'X-Should-Retry': 'true' };
    expect(
      httpErrorToModelError(make, { status: 429, kind: 'q', detail: 'd', isRetryable: false, headers })
        .isRetryable,
    ).toBe(true);
  });
});

describe('shouldRetryHeader / scrubSecrets', () => {
  it.each([
    ['true', true],
    ['false', false],
    ['maybe', undefined],
  ])('x-should-retry: %s → %s', (value, expected) => {
    expect(shouldRetryHeader(new Headers({ 'x-should-retry': value }))).toBe(expected);
  });

  it('treats missing headers as no verdict and replaces every secret occurrence', () => {
    expect(shouldRetryHeader(undefined)).toBeUndefined();
    expect(scrubSecrets('a-b-a', ['a', ''])).toBe('[REDACTED]-b-[REDACTED]');
  });
});
