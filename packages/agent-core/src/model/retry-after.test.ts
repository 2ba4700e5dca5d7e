import { describe, expect, it } from 'vitest';
import { parseRetryAfter, retryAfterFromHeaders } from './retry-after';

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');

  it('reads delta-seconds, including fractions', () => {
    expect(parseRetryAfter('30', now)).toBe(30_000);
    expect(parseRetryAfter(' 1.5 ', now)).toBe(1500);
    expect(parseRetryAfter('0', now)).toBe(0);
  });

  it('reads an HTTP date relative to now, never negative', () => {
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:42 GMT', now)).toBe(42_000);
    expect(parseRetryAfter('Wed, 31 Dec 2025 23:00:00 GMT', now)).toBe(0);
  });

  it('returns undefined for missing or junk values', () => {
    for (const v of [undefined, null, '', '  ', 'soon', '-5', '1e3'])
      expect(parseRetryAfter(v, now)).toBeUndefined();
  });
});

describe('retryAfterFromHeaders', () => {
  it('prefers retry-after-ms, from a Headers object or a plain record in any case', () => {
    expect(retryAfterFromHeaders(new Headers({ 'retry-after-ms': '250', 'retry-after': '9' }))).toBe(250);
    expect(retryAfterFromHeaders({ 'Retry-After': '2' })).toBe(2000);
    expect(retryAfterFromHeaders({ 'retry-after': ['3', '4'] })).toBe(3000);
  });

  it('falls back to retry-after when retry-after-ms is junk, and handles no headers', () => {
    expect(retryAfterFromHeaders({ 'retry-after-ms': 'x', 'retry-after': '1' })).toBe(1000);
    expect(retryAfterFromHeaders(undefined)).toBeUndefined();
    expect(retryAfterFromHeaders({})).toBeUndefined();
  });
});
