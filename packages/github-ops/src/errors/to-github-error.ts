import {
  ConflictError,
  ExpiredError,
  ForbiddenError,
  GitHubError,
  NotFoundError,
  RateLimitedError,
  UnauthorizedError,
  ValidationError,
} from './github-error';

/** The parts of an Octokit `RequestError` we read (duck-typed: Octokit may be bundled twice). */
interface RequestErrorLike {
  status: number;
  message: string;
  request?: { method?: string; url?: string };
  response?: { headers?: Record<string, string | number | undefined>; data?: unknown };
}

/** An HTTP failure as Octokit reports it (a status and a message); GraphQL answers with errors have no status. */
export function isRequestErrorLike(error: unknown): error is RequestErrorLike {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { status?: unknown }).status === 'number' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}

/** `GET https://api.github.com/repos/o/r/x?a=1` → `GET /repos/o/r/x` (no host, no query: nothing secret). */
export function describeRequest(method: string | undefined, url: string | undefined): string | undefined {
  if (!url) return undefined;
  let path = url;
  try {
    path = new URL(url, 'http://github.invalid').pathname;
  } catch {
    // keep the raw string; it came from Octokit's own URL template
  }
  return `${(method ?? 'GET').toUpperCase()} ${path}`;
}

type Headers = Record<string, unknown> | undefined;

function headerOf(headers: Headers, name: string): string | undefined {
  const value = headers?.[name];
  return value === undefined ? undefined : String(value);
}

function header(error: RequestErrorLike, name: string): string | undefined {
  return headerOf(error.response?.headers, name);
}

function githubMessage(error: RequestErrorLike): string {
  const data = error.response?.data;
  if (
    typeof data === 'object' &&
    data !== null &&
    typeof (data as { message?: unknown }).message === 'string'
  ) {
    return (data as { message: string }).message;
  }
  // Octokit's own message may append the documentation URL; keep it short.
  return error.message.split(' - https://')[0] ?? error.message;
}

/** A rate-limit refusal's details, from its response headers and message. */
function rateLimitDetails(headers: Headers, message: string) {
  const reset = Number(headerOf(headers, 'x-ratelimit-reset'));
  const retryAfter = Number(headerOf(headers, 'retry-after'));
  return {
    resetAt: Number.isFinite(reset) && reset > 0 ? new Date(reset * 1000) : null,
    retryAfterSec: Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter : null,
    secondary: /secondary rate/i.test(message),
    resource: headerOf(headers, 'x-ratelimit-resource') ?? null,
  };
}

function isRateLimit(error: RequestErrorLike, message: string): boolean {
  if (error.status === 429) return true;
  if (error.status !== 403) return false;
  return header(error, 'x-ratelimit-remaining') === '0' || /rate limit/i.test(message);
}

/**
 * Map anything thrown by an Octokit call to a typed `GitHubError`. Idempotent: a `GitHubError`
 * passes through unchanged. `what` names the operation for the message (`get issue o/r#3`).
 */
export function toGitHubError(error: unknown, what?: string): GitHubError {
  if (GitHubError.isInstance(error)) return error;
  const prefix = what ? `${what}: ` : '';
  const graphqlLimited = graphqlRateLimit(error, prefix);
  if (graphqlLimited) return graphqlLimited;
  if (!isRequestErrorLike(error)) {
    const text = error instanceof Error ? error.message : String(error);
    return new GitHubError('unknown', `${prefix}${text}`, { cause: error });
  }
  const message = githubMessage(error);
  const options = {
    status: error.status,
    request: describeRequest(error.request?.method, error.request?.url),
    cause: error,
  };
  const text = `${prefix}${message} (HTTP ${error.status}${options.request ? `, ${options.request}` : ''})`;
  if (isRateLimit(error, message)) {
    return new RateLimitedError(text, rateLimitDetails(error.response?.headers, message), options);
  }
  switch (error.status) {
    case 401:
      return new UnauthorizedError(text, options);
    case 403:
      return new ForbiddenError(text, options);
    case 404:
      return new NotFoundError(text, options);
    case 409:
      return new ConflictError(text, options);
    case 410:
      return new ExpiredError(text, options);
    case 422:
      return new ValidationError(text, options);
  }
  if (error.status >= 500 && error.response === undefined) {
    // Octokit reports transport failures (reset, DNS, refused) as status 500 with no response.
    return new GitHubError('network', text, { ...options, isRetryable: true });
  }
  if (error.status >= 500) return new GitHubError('server', text, { ...options, isRetryable: true });
  return new GitHubError('unknown', text, options);
}

/**
 * A GraphQL answer refused for the primary rate limit: GitHub answers 200 with an error of type
 * `RATE_LIMITED` and `x-ratelimit-remaining: 0`. It reaches us as the throttling plugin's error
 * (`response.data.errors`, once it stops retrying) or as `@octokit/graphql`'s
 * `GraphqlResponseError` (`errors`, `headers`); either way it has no error status.
 */
function graphqlRateLimit(error: unknown, prefix: string): RateLimitedError | null {
  if (typeof error !== 'object' || error === null) return null;
  const e = error as {
    errors?: unknown;
    headers?: Record<string, unknown>;
    response?: { status?: unknown; data?: { errors?: unknown }; headers?: Record<string, unknown> };
  };
  const errors = Array.isArray(e.errors) ? e.errors : e.response?.data?.errors;
  if (!Array.isArray(errors)) return null;
  const limited = errors.find(
    (x): x is { message?: unknown } =>
      typeof x === 'object' && x !== null && (x as { type?: unknown }).type === 'RATE_LIMITED',
  );
  if (!limited) return null;
  const message = typeof limited.message === 'string' ? limited.message : 'API rate limit exceeded';
  const details = rateLimitDetails(e.response?.headers ?? e.headers, message);
  return new RateLimitedError(
    `${prefix}${message} (GraphQL, POST /graphql)`,
    { ...details, resource: details.resource ?? 'graphql' },
    {
      request: 'POST /graphql',
      ...(typeof e.response?.status === 'number' ? { status: e.response.status } : {}),
      cause: error,
    },
  );
}
