import { describe, expect, it } from 'vitest';
import { GitHubError, NotFoundError, RateLimitedError } from './github-error';
import { PolicyViolationError } from './policy-violation-error';
import { toGitHubError } from './to-github-error';

/** The shape Octokit's RequestError has (status, request, response); built by hand for mapping rules. */
function requestError(status: number, data: unknown, headers: Record<string, string> = {}, response = true) {
  return Object.assign(
    new Error(typeof data === 'object' && data && 'message' in data ? String(data.message) : 'x'),
    {
      status,
      request: {
        method: 'PATCH',
        url: 'https://api.github.com/repos/o/r/git/refs/heads/x?access_token=secret',
      },
      ...(response ? { response: { headers, data } } : {}),
    },
  );
}

describe('toGitHubError', () => {
  it.each([
    [401, 'unauthorized', false],
    [403, 'forbidden', false],
    [404, 'not-found', false],
    [409, 'conflict', false],
    [410, 'expired', false],
    [422, 'validation', false],
    [502, 'server', true],
  ] as const)('maps HTTP %i to %s (retryable: %s)', (status, kind, retryable) => {
    const error = toGitHubError(requestError(status, { message: 'Boom' }));
    expect([error.kind, error.isRetryable, error.status]).toEqual([kind, retryable, status]);
    expect(error.message).toBe('Boom (HTTP ' + status + ', PATCH /repos/o/r/git/refs/heads/x)');
  });

  it('never carries the host or query (where tokens hide) in its request description', () => {
    const error = toGitHubError(requestError(404, { message: 'Not Found' }), 'update ref');
    expect(error.request).toBe('PATCH /repos/o/r/git/refs/heads/x');
    expect(error.message).not.toContain('secret');
    expect(error.message.startsWith('update ref: ')).toBe(true);
    expect(NotFoundError.isInstance(error)).toBe(true);
  });

  it('recognises primary and secondary rate limits with their reset time', () => {
    const primary = toGitHubError(
      requestError(
        403,
        { message: 'API rate limit exceeded' },
        { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1700000000', 'x-ratelimit-resource': 'core' },
      ),
    );
    expect(RateLimitedError.isInstance(primary)).toBe(true);
    expect(primary).toMatchObject({
      resetAt: new Date(1_700_000_000_000),
      secondary: false,
      resource: 'core',
      isRetryable: true,
    });
    const secondary = toGitHubError(
      requestError(403, { message: 'You have exceeded a secondary rate limit' }, { 'retry-after': '30' }),
    );
    expect(secondary).toMatchObject({ kind: 'rate-limited', secondary: true, retryAfterSec: 30 });
    expect(toGitHubError(requestError(429, { message: 'Too Many Requests' })).kind).toBe('rate-limited');
  });

  it('recognises a GraphQL answer refused for the rate limit, in both shapes Octokit throws it', () => {
    const errors = [{ type: 'RATE_LIMITED', message: 'API rate limit exceeded for user ID 7.' }];
    const headers = {
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': '1700000000',
      'x-ratelimit-resource': 'graphql',
    };
    // @octokit/graphql's GraphqlResponseError: errors and headers, no status.
    const fromGraphql = toGitHubError(
      Object.assign(new Error('Request failed'), { errors, headers, data: null }),
    );
    // The throttling plugin's, once it stops retrying: the 200 response with its data.
    const fromThrottle = toGitHubError(
      Object.assign(new Error('GraphQL Rate Limit Exceeded'), {
        response: { status: 200, headers, data: { errors } },
      }),
      'viewer',
    );
    for (const error of [fromGraphql, fromThrottle]) {
      expect(RateLimitedError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({
        resetAt: new Date(1_700_000_000_000),
        resource: 'graphql',
        isRetryable: true,
      });
    }
    expect(fromThrottle.message).toBe(
      'viewer: API rate limit exceeded for user ID 7. (GraphQL, POST /graphql)',
    );
    // Other GraphQL errors are not rate limits.
    const other = toGitHubError(
      Object.assign(new Error('x'), { errors: [{ type: 'NOT_FOUND', message: 'no' }] }),
    );
    expect(other.kind).toBe('unknown');
  });

  it('treats a failure without a response as a retryable network error', () => {
    expect(toGitHubError(requestError(500, { message: 'ECONNRESET' }, {}, false))).toMatchObject({
      kind: 'network',
      isRetryable: true,
    });
  });

  it('is idempotent and wraps anything else as unknown', () => {
    const typed = new NotFoundError('gone');
    expect(toGitHubError(typed)).toBe(typed);
    expect(toGitHubError('weird')).toMatchObject({ kind: 'unknown', message: 'weird' });
    expect(GitHubError.isInstance(new Error('plain'))).toBe(false);
    expect(GitHubError.isInstance(null)).toBe(false);
  });

  it('recognises errors by marker across copies of the class', () => {
    const foreign = Object.assign(new Error('copy'), {
      [Symbol.for('nightshift.github-error')]: true,
      kind: 'not-found',
    });
    expect(NotFoundError.isInstance(foreign)).toBe(true);
    expect(RateLimitedError.isInstance(foreign)).toBe(false);
    const violation = new PolicyViolationError([
      { path: 'a', rule: 'path-denied', message: 'path "a" is denied' },
    ]);
    expect(PolicyViolationError.isInstance(violation)).toBe(true);
    expect(violation.message).toBe('write refused by the write policy: path-denied: path "a" is denied');
  });
});
