/**
 * Typed GitHub errors. Each action bundles its own copy of this package, so `instanceof` fails
 * across bundles; errors are recognised by a global-registry symbol instead (`isInstance`).
 */

const MARKER = Symbol.for('nightshift.github-error');

export type GitHubErrorKind =
  | 'not-found'
  | 'forbidden'
  | 'unauthorized'
  | 'rate-limited'
  | 'expired'
  | 'conflict'
  | 'validation'
  | 'too-large'
  | 'server'
  | 'network'
  | 'unknown';

export interface GitHubErrorOptions {
  status?: number;
  /** `GET /repos/o/r/...` — never carries a token or query secrets. */
  request?: string;
  isRetryable?: boolean;
  cause?: unknown;
}

/** Base class: every error github-ops throws about a GitHub call is one of these. */
export class GitHubError extends Error {
  readonly [MARKER] = true;
  readonly kind: GitHubErrorKind;
  readonly status: number | undefined;
  readonly request: string | undefined;
  readonly isRetryable: boolean;

  constructor(kind: GitHubErrorKind, message: string, options: GitHubErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'GitHubError';
    this.kind = kind;
    this.status = options.status;
    this.request = options.request;
    this.isRetryable = options.isRetryable ?? false;
  }

  static isInstance(error: unknown): error is GitHubError {
    return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[MARKER] === true;
  }
}

function kindGuard<T extends GitHubError>(kind: GitHubErrorKind) {
  return (error: unknown): error is T => GitHubError.isInstance(error) && error.kind === kind;
}

export class NotFoundError extends GitHubError {
  constructor(message: string, options: GitHubErrorOptions = {}) {
    super('not-found', message, { ...options, isRetryable: false });
    this.name = 'NotFoundError';
  }
  static override isInstance = kindGuard<NotFoundError>('not-found');
}

export class ForbiddenError extends GitHubError {
  constructor(message: string, options: GitHubErrorOptions = {}) {
    super('forbidden', message, { ...options, isRetryable: false });
    this.name = 'ForbiddenError';
  }
  static override isInstance = kindGuard<ForbiddenError>('forbidden');
}

export class UnauthorizedError extends GitHubError {
  constructor(message: string, options: GitHubErrorOptions = {}) {
    super('unauthorized', message, { ...options, isRetryable: false });
    this.name = 'UnauthorizedError';
  }
  static override isInstance = kindGuard<UnauthorizedError>('unauthorized');
}

export interface RateLimitDetails {
  /** When the limit resets (primary limit: x-ratelimit-reset); null when GitHub did not say. */
  resetAt: Date | null;
  /** Seconds GitHub asked us to wait (retry-after); null when absent. */
  retryAfterSec: number | null;
  /** A secondary (abuse) limit rather than the hourly quota. */
  secondary: boolean;
  /** x-ratelimit-resource, e.g. `core`, `search`, `code_search`. */
  resource: string | null;
}

export class RateLimitedError extends GitHubError {
  readonly resetAt: Date | null;
  readonly retryAfterSec: number | null;
  readonly secondary: boolean;
  readonly resource: string | null;
  constructor(message: string, details: RateLimitDetails, options: GitHubErrorOptions = {}) {
    // Retryable: waiting until resetAt (or retry-after) is enough.
    super('rate-limited', message, { ...options, isRetryable: true });
    this.name = 'RateLimitedError';
    this.resetAt = details.resetAt;
    this.retryAfterSec = details.retryAfterSec;
    this.secondary = details.secondary;
    this.resource = details.resource;
  }
  static override isInstance = kindGuard<RateLimitedError>('rate-limited');
}

/** 410 Gone: a job log or artifact past its retention. Retrying never helps. */
export class ExpiredError extends GitHubError {
  constructor(message: string, options: GitHubErrorOptions = {}) {
    super('expired', message, { ...options, isRetryable: false });
    this.name = 'ExpiredError';
  }
  static override isInstance = kindGuard<ExpiredError>('expired');
}

/** 409, a ref that already exists, or a non-fast-forward update. Re-reading state and retrying may help. */
export class ConflictError extends GitHubError {
  constructor(message: string, options: GitHubErrorOptions = {}) {
    super('conflict', message, { ...options, isRetryable: options.isRetryable ?? false });
    this.name = 'ConflictError';
  }
  static override isInstance = kindGuard<ConflictError>('conflict');
}

export class ValidationError extends GitHubError {
  constructor(message: string, options: GitHubErrorOptions = {}) {
    super('validation', message, { ...options, isRetryable: false });
    this.name = 'ValidationError';
  }
  static override isInstance = kindGuard<ValidationError>('validation');
}

/** Content larger than a configured cap; raised before the bytes are read. */
export class TooLargeError extends GitHubError {
  readonly limit: number;
  readonly actual: number | null;
  constructor(message: string, limit: number, actual: number | null, options: GitHubErrorOptions = {}) {
    super('too-large', message, { ...options, isRetryable: false });
    this.name = 'TooLargeError';
    this.limit = limit;
    this.actual = actual;
  }
  static override isInstance = kindGuard<TooLargeError>('too-large');
}
